package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Role;
import id.ruangaman.testing.CsrfForms;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Walkthrough 12, finding 1: a form that refuses a text as too long says how long it was and the limit, in the reader's
 * language ("Teks terlalu panjang: 4.210 karakter, batasnya 4.000."), whichever form it is: a note (shown again after a
 * redirect), an SOP form and a provider form (shown again at once), a guardian's reason on a referral, a referral search,
 * the audit log's filter.
 * Posted as the browser's form is (HTML accepted, form-encoded). Synthetic texts.
 */
@QuarkusTest
class TooLongSaysTheLimitTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;

    private static String page(String session, String location, String lang) {
        return getAs(session).cookie("ruangaman-lang", lang).accept(ContentType.HTML).when().get(location).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void shouldSayTheLengthAndTheLimitOfARefusedNoteInBothLanguages() {
        fixtures.account("toolong-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("toolong-coordinator");
        String ref = fixtures.submittedCase(true);
        String location = as(session).accept(ContentType.HTML).formParam("text", "x".repeat(4210))
                .post("/inbox/cases/" + ref + "/notes").then().statusCode(303).extract().header("Location");
        assertTrue(page(session, location, "id").contains("Teks terlalu panjang: 4.210 karakter, batasnya 4.000."), location);
        assertTrue(page(session, location, "en").contains("The text is too long: 4,210 characters, the limit is 4,000."), location);
    }

    @Test
    void shouldSayTheLengthAndTheLimitNextToARefusedSopForm() {
        fixtures.account("toolong-sop", Role.COORDINATOR);
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("toolong-sop"), ref);
        assertEquals(303, steps.status("in_verification"));
        String again = steps.post().accept(ContentType.HTML).formParam("finding_chronology", "y".repeat(8001))
                .post(steps.base() + "/findings").then().statusCode(400).extract().asString();
        assertTrue(again.contains("Teks terlalu panjang: 8.001 karakter, batasnya 8.000."), again);
        // the reason next to the form says it too
        assertTrue(again.substring(again.indexOf("id=\"findings\"")).contains("8.001 karakter, batasnya 8.000"), "not next to the form");
    }

    @Test
    void shouldSayTheLengthAndTheLimitOfARefusedProviderField() {
        fixtures.account("toolong-providers", Role.COORDINATOR);
        String session = InboxFixtures.login("toolong-providers");
        String list = page(session, "/inbox/providers", "id");
        Response refused = getAs(session).contentType(ContentType.URLENC).accept(ContentType.HTML)
                .formParam("csrf-token", CsrfForms.tokenIn(list)).formParam("service", "legal").formParam("name", "n".repeat(205))
                .formParam("region", "Jawa Tengah").formParam("city", "Kota Uji").formParam("cost", "free").formParam("minors", "no")
                .post("/inbox/providers");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("205 karakter, batasnya 200"), refused.asString());
    }

    @Test
    void shouldSayTheLengthAndTheLimitOfARefusedGuardianReasonAndSearch() {
        fixtures.account("toolong-counsellor", Role.COUNSELLOR);
        fixtures.account("toolong-guardian", Role.COORDINATOR);
        String ref = data.sentinelCase();
        String coordinator = InboxFixtures.login("toolong-guardian");
        long id = data.draftAndAsk(InboxFixtures.login("toolong-counsellor"), ref);
        String location = as(coordinator).accept(ContentType.HTML).formParam("reason", "z".repeat(1500))
                .post("/inbox/referrals/" + id + "/guardian").then().statusCode(303).extract().header("Location");
        assertTrue(page(coordinator, location, "en").contains("1,500 characters, the limit is 1,000"), location);

        String search = getAs(coordinator).accept(ContentType.HTML).queryParam("q", "q".repeat(120))
                .get("/inbox/cases/" + ref + "/referrals").then().statusCode(400).extract().asString();
        assertTrue(search.contains("120 karakter, batasnya 100"), search);

        String audit = getAs(coordinator).accept(ContentType.HTML).queryParam("actor", "a".repeat(70)).get("/inbox/audit").then()
                .statusCode(400).extract().asString();
        assertTrue(audit.contains("70 karakter, batasnya 64"), audit);
    }
}
