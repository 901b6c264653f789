package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.RowHeld;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Two saves of the same SOP form sent at the same moment, from two tabs that showed the same saved version: one is saved,
 * the other refused beside its form ({@code changed_since_opened}, 409), never both with the later silently replacing the earlier. The race
 * is made certain, not left to timing: the test holds the assessment's row while both posts are sent, so each gets as
 * far as it can (on the old code both past the version check, to their write), and lets go once both wait on a lock.
 * Through the inbox's form posts as a browser sends them. Synthetic case and texts.
 */
@QuarkusTest
class TwoSavesAtOnceTest {

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
    void shouldSaveOneOfTwoSimultaneousSavesAndRefuseTheOther() throws Exception {
        fixtures.account("race-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        String session = InboxFixtures.login("race-counsellor");
        assertEquals(303, save(session, ref, null, "Risiko sintetis awal").statusCode());
        String seen = QuarkusTransaction.requiringNew()
                .call(() -> FormVersions.of(repo.one(Assessment.class, id).orElseThrow().recordedAt));

        List<Response> answers = RowHeld.whileBothWait(data, "select 1 from case_assessment where intake_id = ? for update", id,
                () -> save(session, ref, seen, "Risiko sintetis tab pertama"), () -> save(session, ref, seen, "Risiko sintetis tab kedua"));
        long saved = answers.stream().filter(r -> r.statusCode() == 303 && !r.header("Location").contains("refused=")).count();
        long refused = answers.stream().filter(r -> r.statusCode() == 409
                && r.body().asString().contains("Formulir ini sudah disimpan lagi setelah halaman ini dibuka")).count();
        assertEquals(1, saved, "one save goes through: " + answers.stream().map(r -> r.statusCode() + " " + r.header("Location")).toList());
        assertEquals(1, refused, "the other is refused beside its form with the reason");
        String stored = QuarkusTransaction.requiringNew().call(() -> repo.one(Assessment.class, id).orElseThrow().risks);
        String winner = answers.get(0).statusCode() == 409 ? "Risiko sintetis tab kedua" : "Risiko sintetis tab pertama";
        assertEquals(winner, stored, "what is stored is the save that was accepted");
    }

    private static Response save(String session, String ref, String seen, String risks) {
        var post = as(session).accept(HTML).formParam("condition", "distressed").formParam("risk_level", "medium")
                .formParam("risks", risks).formParam("mitigation", "Mitigasi sintetis");
        if (seen != null) {
            post = post.formParam("seen", seen);
        }
        return post.when().post("/inbox/cases/" + ref + "/sop/assessment");
    }
}
