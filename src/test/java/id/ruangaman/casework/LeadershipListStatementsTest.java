package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.StatementCounter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 12, finding 5: leadership's list read each case's recovery end (and its conclusion, recommendation and
 * decision) with a statement per case. The statements the list makes are counted (Hibernate's statement inspector on
 * this thread): one more concluded case, with a decision and a recorded recovery end, adds none. Synthetic cases.
 */
@QuarkusTest
class LeadershipListStatementsTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    LeadershipService leadership;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @ActivateRequestContext
    int statementsOfTheList(long accountId, String mustList) {
        try (StatementCounter.Recording recording = StatementCounter.record()) {
            List<LeadershipService.Item> items = leadership.list(accountId);
            assertTrue(items.stream().anyMatch(i -> i.referenceCode().equals(mustList)), mustList + " not listed");
            LeadershipService.Item item = items.stream().filter(i -> i.referenceCode().equals(mustList)).findFirst().orElseThrow();
            assertEquals("consent_not_given", item.recoveryEnd().reason(), "the recovery end comes with the list");
            return recording.count();
        }
    }

    private String decidedCaseWithRecoveryEnd(Account counsellor, String session, String pimpinan) {
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toConcluded(counsellor.id, "written_warning", () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        as(pimpinan).formParam("decision_number", "KEP-N1/" + id).formParam("decided_on", CaseworkSteps.today())
                .formParam("sanction_measure", "written_warning")
                .formParam("recovery_until", LocalDate.parse(CaseworkSteps.today()).plusDays(90).toString())
                .formParam("decision_text", "Keputusan sintetis").post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);
        steps.post().formParam("ended_on", CaseworkSteps.today()).formParam("recovery_end_reason", "consent_not_given")
                .formParam("recovery_end_note", "Selesai sintetis").post(steps.base() + "/recovery-end").then().statusCode(303);
        return ref;
    }

    @Test
    void shouldReadTheListWithTheSameStatementsHoweverManyCasesItHolds() {
        Account counsellor = fixtures.account("n1-counsellor", Role.COUNSELLOR);
        Account pimpinan = fixtures.account("n1-pimpinan", Role.PIMPINAN);
        String session = InboxFixtures.login("n1-counsellor");
        String leader = InboxFixtures.login("n1-pimpinan");
        String first = decidedCaseWithRecoveryEnd(counsellor, session, leader);
        int before = statementsOfTheList(pimpinan.id, first);
        String second = decidedCaseWithRecoveryEnd(counsellor, session, leader);
        int after = statementsOfTheList(pimpinan.id, second);
        assertEquals(before, after, "one more case made the list run more statements");
        assertTrue(after <= 6, "the list ran " + after + " statements");
    }
}
