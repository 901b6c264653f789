package id.ruangaman.web;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.RenderedForm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A form body whose percent-encoding cannot be decoded: "%zz", or a lone "%" as in {@code curl -d 'text=diskon 50%'}
 * written without {@code --data-urlencode}. A browser always encodes its forms, so only a script or a hand-made post
 * sends one; Quarkus REST then fails to decode the body and the service answered 500 with an error reference, on
 * every form of the inbox. Now it is bad input: 400 with a short reason for a script, the form's page with the reason
 * for a client asking for HTML, and nothing is acted on. Each form is read from the rendered page. Synthetic case.
 */
@QuarkusTest
class MalformedFormBodyTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final List<String> BROKEN = List.of("&note=diskon%2050%", "&note=%zz", "&%=x");

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldRefuseABrokenEscapeInAFormBodyAsBadInputAndActOnNothing() {
        fixtures.account("malformed-form-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("malformed-form-coordinator");
        String ref = fixtures.submittedCase(true);
        String casePath = "/inbox/cases/" + ref;
        Map<String, RenderedForm> forms = new LinkedHashMap<>();
        forms.put("status", RenderedForm.holding(page(session, casePath), "status-in_verification"));
        forms.put("findings", RenderedForm.holding(page(session, casePath + "/sop"), "save-findings")
                .with("evidence_examined", "Tangkapan layar sintetis"));
        forms.put("account", RenderedForm.holding(page(session, "/inbox/accounts"), "create-account")
                .with("username", "malformed-new").with("password", "a-long-enough-password"));

        Map<String, String> wrong = new LinkedHashMap<>();
        for (Map.Entry<String, RenderedForm> form : forms.entrySet()) {
            for (String broken : BROKEN) {
                Response script = post(session, form.getValue(), broken, "*/*");
                String body = script.asString();
                if (script.statusCode() != 400 || body.contains("ERR-") || !body.contains("percent-encoding")) {
                    wrong.put(form.getKey() + " " + broken + " (script)", script.statusCode() + " " + first(body));
                }
                Response browser = post(session, form.getValue(), broken, HTML);
                String location = String.valueOf(browser.header("Location"));
                if (browser.statusCode() >= 500 || browser.asString().contains("ERR-")
                        || (browser.statusCode() == 303 && !location.contains("refused="))) {
                    wrong.put(form.getKey() + " " + broken + " (browser)", browser.statusCode() + " " + location + " " + first(browser.asString()));
                }
            }
        }
        assertEquals(Map.of(), wrong, "a broken escape answered as a server error, or without a reason");

        // Nothing was acted on: the case was not moved, the account not created.
        assertTrue(page(session, casePath).contains("id=\"status-in_verification\""), "the case is still new");
        assertFalse(page(session, "/inbox/accounts").contains("malformed-new"), "no account was created");
    }

    private static Response post(String session, RenderedForm form, String broken, String accept) {
        return getAs(session).contentType(ContentType.URLENC.withCharset("UTF-8")).accept(accept).body(form.body() + broken)
                .when().post(form.action());
    }

    private static String page(String session, String path) {
        return getAs(session).accept(HTML).when().get(path).then().statusCode(200).extract().asString();
    }

    private static String first(String body) {
        return body.length() > 160 ? body.substring(0, 160) : body;
    }
}
