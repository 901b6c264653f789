package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.CsrfForms;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 9, finding 21, through the rendered "Tambah penyedia" form: nothing is chosen for cost or "accepts
 * children" until the coordinator says; the key field says its rule; "LBH Kota Uji" typed as the key (a natural first
 * try) is made into lbh-kota-uji rather than refused; a refused form (here: "accepts children" not stated) comes back
 * with the reason and every typed field; a blank key is made from the name. Synthetic providers.
 */
@QuarkusTest
class ProviderFormTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;

    /** Walkthrough 10, F14: opening the directory was audited as "Melihat rujukan" (viewing a referral). */
    @Test
    void shouldAuditTheDirectoryAsTheDirectory() {
        fixtures.account("provider-audit-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("provider-audit-coordinator");
        InboxFixtures.getAs(session).when().get("/inbox/providers").then().statusCode(200);
        String log = InboxFixtures.getAs(session).when().get("/inbox/audit").then().statusCode(200).extract().asString();
        Matcher row = Pattern.compile("<td>provider-audit-coordinator</td><td>([^<]*)</td>").matcher(log);
        java.util.List<String> actions = new java.util.ArrayList<>();
        while (row.find()) {
            actions.add(row.group(1));
        }
        assertTrue(actions.contains("Melihat direktori layanan") && !actions.contains("Melihat rujukan"), actions.toString());
    }

    @Test
    void shouldKeepWhatWasTypedSayWhyAndMakeTheKeyFromWhatAPersonTypes() {
        fixtures.account("provider-form-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("provider-form-coordinator");
        String nonce = Long.toString(System.nanoTime(), 36);
        String page = InboxFixtures.getAs(session).when().get("/inbox/providers").then().statusCode(200).extract().asString();
        String form = form(page);
        assertFalse(Pattern.compile("name=\"(cost|minors)\"[^>]*checked").matcher(form).find(), "a fact chosen for the coordinator: " + form);
        assertTrue(form.contains("id=\"provider-key-hint\"") && page.contains("lbh-kota-uji"), "the key's rule is on the page");

        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("key", "LBH Kota Uji " + nonce);
        typed.put("name", "LBH Kota Uji (fiktif) " + nonce);
        typed.put("region", "Jawa Tengah");
        typed.put("city", "Kota Uji");
        typed.put("address", "Jl. Sintetis No. 7");
        typed.put("contact", "0800-000-sintetis");
        typed.put("hours", "Senin-Jumat 08.00-16.00");
        typed.put("languages", "id, jv");
        typed.put("accessibility", "Ramah kursi roda (sintetis)");
        typed.put("cost", "paid");
        Response refused = post(session, page, typed);
        assertEquals(400, refused.statusCode());
        String again = refused.asString();
        assertTrue(again.contains("id=\"provider-refused\"") && again.contains("menerima anak"), again);
        String refusedForm = form(again);
        for (Map.Entry<String, String> field : typed.entrySet()) {
            if (!"cost".equals(field.getKey())) {
                assertTrue(refusedForm.contains("name=\"" + field.getKey() + "\"") && refusedForm.contains("value=\"" + field.getValue() + "\""),
                        field.getKey() + " lost: " + refusedForm);
            }
        }
        assertTrue(refusedForm.contains("value=\"paid\" checked"), "the cost chosen is kept");
        assertTrue(refusedForm.contains("value=\"legal\" checked"), "the service ticked is kept");

        // The same form, now stating "accepts children": added, with the key made from what was typed.
        typed.put("minors", "no");
        assertEquals(303, post(session, again, typed).statusCode());
        assertTrue(data.provider("lbh-kota-uji-" + nonce) > 0);

        // A blank key is made from the name.
        typed.put("key", "");
        typed.put("name", "Pusat Layanan Ceria " + nonce);
        assertEquals(303, post(session, page, typed).statusCode());
        assertTrue(data.provider("pusat-layanan-ceria-" + nonce) > 0);
    }

    /** Posts the page's add-provider form with its CSRF token, {@code fields}, and the legal service ticked. */
    private static Response post(String session, String page, Map<String, String> fields) {
        Matcher action = Pattern.compile("<form method=\"post\" action=\"(/inbox/providers)\" class=\"stack\"[^>]*>").matcher(page);
        assertTrue(action.find(), "no add-provider form");
        RequestSpecification request = InboxFixtures.getAs(session).contentType(ContentType.URLENC)
                .formParam("csrf-token", CsrfForms.tokenIn(page)).formParam("service", "legal");
        fields.forEach(request::formParam);
        return request.when().post(action.group(1));
    }

    private static String form(String page) {
        Matcher m = Pattern.compile("(?s)<form method=\"post\" action=\"/inbox/providers\" class=\"stack\"[^>]*>(.*?)</form>").matcher(page);
        assertTrue(m.find(), "no add-provider form");
        return m.group(1);
    }
}
