package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.RowHeld;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Two leaders record the decision of the same concluded case at the same moment (each on their own page): one decision
 * is recorded, the other is refused beside its form with the reason ({@code changed_since_opened}, 409), never an error
 * page from the decision's key. The race is made certain, not left to timing: the test holds the case's row while both
 * posts are sent, so each gets as far as it can, and lets go once both wait on a lock. Through the leadership page's form
 * posts as a browser sends them. Synthetic case and texts.
 */
@QuarkusTest
class TwoDecisionsAtOnceTest {

    private static final String HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    AgroalDataSource data;

    @Test
    void shouldRecordOneOfTwoSimultaneousDecisionsAndRefuseTheOther() throws Exception {
        Account counsellor = fixtures.account("two-decisions-counsellor", Role.COUNSELLOR);
        fixtures.account("two-decisions-leader-a", Role.PIMPINAN);
        fixtures.account("two-decisions-leader-b", Role.PIMPINAN);
        String session = InboxFixtures.login("two-decisions-counsellor");
        String leaderA = InboxFixtures.login("two-decisions-leader-a");
        String leaderB = InboxFixtures.login("two-decisions-leader-b");
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        new CaseworkSteps(session, ref).toConcluded(counsellor.id, "written_warning",
                () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));

        List<Response> answers = RowHeld.whileBothWait(data, "select 1 from intake where id = ? for update", id,
                () -> decide(leaderA, ref, "KEP-SINTETIS/A"), () -> decide(leaderB, ref, "KEP-SINTETIS/B"));
        List<String> seen = answers.stream().map(r -> r.statusCode() + " " + r.header("Location")).toList();
        long recorded = answers.stream().filter(r -> r.statusCode() == 303 && !r.header("Location").contains("refused=")).count();
        long refused = answers.stream().filter(r -> r.statusCode() == 409
                && r.body().asString().contains("Formulir ini sudah disimpan lagi setelah halaman ini dibuka")).count();
        assertEquals(1, recorded, "one decision is recorded: " + seen);
        assertEquals(1, refused, "the other is refused beside its form with the reason, not an error page: " + seen);
        String number = QuarkusTransaction.requiringNew().call(() -> repo.one(Decision.class, id).orElseThrow().decisionNumber);
        String winner = answers.get(0).statusCode() == 409 ? "KEP-SINTETIS/B" : "KEP-SINTETIS/A";
        assertEquals(winner, number, "what is stored is the decision that was accepted");
    }

    private static Response decide(String session, String ref, String number) {
        return as(session).accept(HTML).formParam("decision_number", number).formParam("decided_on", CaseworkSteps.today())
                .formParam("sanction_measure", "written_warning").formParam("decision_text", "Keputusan sintetis " + number)
                .when().post("/inbox/pimpinan/" + ref + "/decision");
    }
}
