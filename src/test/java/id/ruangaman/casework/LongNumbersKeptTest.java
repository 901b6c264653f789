package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A letter or decision number as long as its form takes ({@link CaseworkService#MAX_SHORT} characters, the inputs'
 * maxlength) is saved and shown, not answered with an error page that loses the form (the columns held 100). Synthetic
 * numbers.
 */
@QuarkusTest
class LongNumbersKeptTest {

    private static final String LONGEST = ("Nomor: 0123/UN-SINTETIS/SATGAS-PPKS/ST/XII/2026 perihal penugasan pemeriksaan; ")
            .repeat(3).substring(0, CaseworkService.MAX_SHORT);

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldKeepALetterNumberAsLongAsTheFormTakes() {
        Account counsellor = fixtures.account("long-letter-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("long-letter-counsellor");
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        assertEquals(303, steps.status("in_verification"));
        steps.verify();
        assertEquals(303, steps.meeting(counsellor.id, "examination"));
        assertEquals(303, steps.post().formParam("letter_number", LONGEST).formParam("issued_on", CaseworkSteps.today())
                .formParam("signatory_name", "Pimpinan Sintetis").formParam("signatory_title", "Rektor")
                .formParam("team", String.valueOf(counsellor.id)).when().post(steps.base() + "/letter").then().extract().statusCode());
        String page = getAs(session).when().get(steps.base()).then().statusCode(200).extract().asString();
        assertTrue(page.contains(LONGEST), "the number as typed");
    }

    @Test
    void shouldKeepADecisionNumberAsLongAsTheFormTakes() {
        Account counsellor = fixtures.account("long-decision-counsellor", Role.COUNSELLOR);
        fixtures.account("long-decision-pimpinan", Role.PIMPINAN);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        new CaseworkSteps(InboxFixtures.login("long-decision-counsellor"), ref).toConcluded(counsellor.id, "written_warning",
                () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        String leader = InboxFixtures.login("long-decision-pimpinan");
        InboxFixtures.as(leader).formParam("decision_number", LONGEST).formParam("decided_on", CaseworkSteps.today())
                .formParam("sanction_measure", "written_warning").formParam("decision_text", "Keputusan sintetis").when()
                .post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);
        String page = getAs(leader).when().get("/inbox/pimpinan/" + ref).then().statusCode(200).extract().asString();
        assertTrue(page.contains(LONGEST), "the number as typed");
    }
}
