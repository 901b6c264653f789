package id.ruangaman.web;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;

/** Refused form actions come back as their page with one line saying why; unexpected errors as a friendly page. */
@QuarkusTest
class RefusalPagesTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    InboxFixtures fixtures;
    @Inject
    id.ruangaman.referral.ReferralTestData referrals;

    private String session;
    private Account me;

    @BeforeEach
    void login() {
        me = fixtures.account("refusal-coordinator", Role.COORDINATOR);
        session = InboxFixtures.login("refusal-coordinator");
    }

    @Test
    void shouldRedisplayTheCaseWithTheReasonWhenVerifyingTooEarly() {
        String ref = fixtures.submittedCase(true);
        String base = "/inbox/cases/" + ref;
        as(session).formParam("status", "in_verification").when().post(base + "/status").then().statusCode(303);
        String location = as(session).accept(HTML).formParam("status", "verified").when().post(base + "/status").then()
                .statusCode(303).header("Location", endsWith(base + "?refused=step_checklist_incomplete&refused=step_assessment_missing&step=verified"))
                .extract().header("Location");
        // Everything missing is named at once: the checklist and the initial assessment.
        getAs(session).accept(HTML).when().get(location.replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .body(containsString("id=\"refused\""))
                .body(containsString("Daftar periksa verifikasi belum lengkap.")).body(containsString("Catat assessment awal dulu"));
        getAs(session).accept(HTML).when().get(base + "?refused=verification_checklist_incomplete").then().statusCode(200)
                .body(containsString("Belum bisa diverifikasi: centang dulu keenam bagian daftar periksa."));
        getAs(session).cookie("ruangaman-lang", "en").when().get(base + "?refused=verification_checklist_incomplete").then()
                .body(containsString("Not yet verifiable: tick all six parts of the checklist first."));
        // A gate of the SOP's later stages is worded by its own texts: the initial assessment comes before verifying.
        as(session).formParam("evidence_examined", "Tangkapan layar sintetis").when().post(base + "/sop/findings").then().statusCode(303);
        for (String component : id.ruangaman.inbox.VerificationComponent.ALL) {
            as(session).formParam("component", component).when().post(base + "/checks").then().statusCode(303);
        }
        String assessment = as(session).accept(HTML).formParam("status", "verified").when().post(base + "/status").then()
                .statusCode(303).header("Location", endsWith("?refused=step_assessment_missing&step=verified")).extract().header("Location");
        getAs(session).when().get(assessment.replaceFirst("^https?://[^/]+", "")).then()
                .body(containsString("Catat assessment awal dulu"));
        for (String component : id.ruangaman.inbox.VerificationComponent.ALL) {
            as(session).formParam("component", component).formParam("checked", "false").when().post(base + "/checks").then().statusCode(303);
        }
        // The page says so before the button is pressed; the button itself is a plain button (walkthrough 7: it looked
        // disabled yet could be clicked).
        getAs(session).when().get(base).then().body(not(containsString("aria-disabled=\"true\"")))
                .body(containsString("Daftar periksa verifikasi belum lengkap."))
                .body(not(containsString("id=\"refused\"")));
        // A client that does not ask for HTML still gets the bare status.
        as(session).formParam("status", "verified").when().post(base + "/status").then().statusCode(409);
    }

    @Test
    void shouldExplainThatOneCannotDeactivateOneself() {
        // said in the account's own row, on the page shown again at once (as a refused role change is)
        as(session).accept(HTML).formParam("active", "false").when().post("/inbox/accounts/" + me.id + "/active").then()
                .statusCode(409).body(containsString("id=\"active-refused-" + me.id + "\""))
                .body(containsString("Anda tidak bisa menonaktifkan akun Anda sendiri."))
                .body(containsString("value=\"false\" disabled"));
    }

    @Test
    void shouldKeepThePageWhenSwitchingLanguage() {
        String ref = fixtures.submittedCase(true);
        getAs(session).when().get("/inbox/cases/" + ref).then()
                .body(containsString("name=\"back\" value=\"/inbox/cases/" + ref + "\""));
        as(session).formParam("lang", "en").formParam("back", "/inbox/cases/" + ref).when().post("/inbox/language").then()
                .statusCode(303).header("Location", endsWith("/inbox/cases/" + ref));
    }

    @Test
    void shouldShowAFriendlyPageWithAReferenceForAnUnexpectedError() {
        given().accept(HTML).when().get("/test-only/failing").then().statusCode(500)
                .body(containsString("Maaf, ada yang tidak beres"))
                .body(matchesPattern("(?s).*<strong id=\"error-reference\">ERR-[0-9A-F]{8}</strong>.*"))
                .body(not(containsString(FailingTestResource.SENTINEL)))
                .body(not(containsString("IllegalStateException")));
        given().when().get("/test-only/failing").then().statusCode(500)
                .body(matchesPattern("internal error, reference ERR-[0-9A-F]{8}"));
    }

    @Test
    void shouldKeepTheMediaSettingPerAccount() {
        fixtures.account("settings-counsellor", Role.COUNSELLOR);
        String other = InboxFixtures.login("settings-counsellor");
        getAs(other).when().get("/inbox/settings").then().statusCode(200)
                .body(not(containsString("id=\"show-media-unblurred\" checked")));
        as(other).formParam("show_media_unblurred", "yes").when().post("/inbox/settings").then().statusCode(303);
        getAs(other).when().get("/inbox/settings").then().body(containsString("id=\"show-media-unblurred\" checked"));
        getAs(session).when().get("/inbox/settings").then().body(not(containsString("id=\"show-media-unblurred\" checked")));
        as(other).when().post("/inbox/settings").then().statusCode(303);
        getAs(other).when().get("/inbox/settings").then().body(not(containsString("id=\"show-media-unblurred\" checked")));
    }

    /**
     * Walkthrough 8, finding 6: a page a person reaches by a link or bookmark and may not open is the inbox's page
     * saying why, in their language, with the right status and a way back; a script still gets the short status.
     */
    @Test
    void shouldShowTheInboxPageWithTheReasonForARefusedPage() {
        fixtures.account("refusal-pimpinan", Role.PIMPINAN);
        fixtures.account("refusal-counsellor", Role.COUNSELLOR);
        String leader = InboxFixtures.login("refusal-pimpinan");
        String counsellor = InboxFixtures.login("refusal-counsellor");
        String ref = fixtures.submittedCase(true);
        for (String page : java.util.List.of("/inbox/audit", "/inbox/accounts", "/inbox/cases/" + ref)) {
            getAs(leader).accept(HTML).when().get(page).then().statusCode(403).contentType(io.restassured.http.ContentType.HTML)
                    .body(containsString("Halaman ini tidak bisa dibuka"))
                    .body(containsString("Halaman ini tidak tersedia untuk peran akun Anda."))
                    .body(containsString("href=\"/inbox/pimpinan\"")) // the inbox layout's navigation
                    .body(containsString("id=\"error-back\""));
        }
        for (String page : java.util.List.of("/inbox/referrals", "/inbox/providers")) {
            getAs(counsellor).accept(HTML).cookie("ruangaman-lang", "en").when().get(page).then().statusCode(403)
                    .body(containsString("This page is not available to your account"))
                    .body(containsString("Back to the case list"));
        }
        getAs(leader).when().get("/inbox/audit").then().statusCode(403).body(org.hamcrest.Matchers.equalTo("forbidden"));
        getAs(session).accept(HTML).when().get("/inbox/cases/RA-NOSUCH").then().statusCode(404)
                .body(containsString("Halaman atau kasus itu tidak ditemukan."));
        // The letter of a referral without consent in force (a draft, or one the survivor withdrew): 409, explained.
        String created = as(session).formParam("provider", String.valueOf(referrals.provider("contoh-lbh"))).formParam("service", "legal")
                .formParam("part", "needs").when().post("/inbox/cases/" + ref + "/referrals").then().statusCode(303).extract().header("Location");
        String letter = created.replaceFirst("^https?://[^/]+", "") + "/letter";
        getAs(session).accept(HTML).when().get(letter).then().statusCode(409)
                .body(containsString("Belum ada persetujuan penyintas")).body(not(containsString("Exception")));
        getAs(session).when().get(letter).then().statusCode(409);
    }

    /**
     * Walkthrough 8, finding 7: a refused account form keeps what was typed (never the password) and says the rule.
     */
    @Test
    void shouldKeepTheTypedAccountAndSayThePasswordRule() {
        String page = getAs(session).accept(HTML).when().get("/inbox/accounts").then().statusCode(200).extract().asString();
        String refused = id.ruangaman.testing.RenderedForm.holding(page, "create-account").with("username", "kept-name")
                .with("role", "pimpinan").with("password", "short-pw").submit(session).then().statusCode(400)
                .body(containsString("paling sedikit 12 karakter")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(refused.contains("value=\"kept-name\"")
                && refused.contains("<option value=\"pimpinan\" selected>") && !refused.contains("short-pw"), refused);
        // The same form again with a good password creates the account with what was kept.
        id.ruangaman.testing.RenderedForm.holding(refused, "create-account").with("password", "a-long-enough-password").submit(session)
                .then().statusCode(303);
        getAs(session).accept(HTML).when().get("/inbox/accounts").then().body(containsString("kept-name"));
        // Someone's own password: the refusal says the rule too.
        String own = getAs(session).accept(HTML).when().get("/inbox/account").then().extract().asString();
        id.ruangaman.testing.RenderedForm.holding(own, "change-password").with("current_password", InboxFixtures.PASSWORD)
                .with("new_password", "short").with("repeat_password", "short").submit(session).then().statusCode(400)
                .body(containsString("paling sedikit 12 karakter"));
    }

    @Test
    void shouldOpenTheInboxAtTheRoot() {
        given().redirects().follow(false).when().get("/").then().statusCode(303).header("Location", endsWith("/inbox"));
    }
}
