package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A conclusion changed from terbukti to tidak terbukti left the proven case's sanction recommendation on the case until
 * the recommendation was saved again: on the SOP page and in the printed report of the conclusion, as if still current.
 * Now the changed outcome removes the recommendation made for the old one (the audit log keeps its record and says it
 * was removed), the report is not printed until a recommendation for the new outcome is saved, and the case cannot be
 * concluded before. The same outcome saved again keeps it. Synthetic case.
 */
@QuarkusTest
class ChangedConclusionClearsRecommendationTest {

    private static final String SANCTION = "Peringatan tertulis";

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    EntityManager em;

    private Account counsellor;
    private String session;

    @BeforeEach
    void login() {
        counsellor = fixtures.account("changed-conclusion-counsellor", Role.COUNSELLOR);
        session = InboxFixtures.login("changed-conclusion-counsellor");
    }

    @Test
    void shouldRemoveTheSanctionRecommendationWhenTheConclusionBecomesNotProven() {
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);
        assertEquals(303, steps.party("terlapor", "Dodi Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        assertEquals(303, steps.interview(party, "Berita acara sintetis"));
        assertEquals(303, steps.provenConclusion());
        assertEquals(303, steps.provenRecommendation("written_warning"));
        assertEquals(303, steps.provenConclusion());
        assertTrue(recommended(id), "the same outcome saved again keeps the recommendation");
        assertTrue(print(steps).contains(SANCTION), "printed while proven");

        assertEquals(303, steps.post().formParam("outcome", "not_proven").formParam("party_identity", "Terlapor sintetis")
                .formParam("violence_form", "Dugaan sintetis").formParam("examination_summary", "Ringkasan sintetis")
                .formParam("not_proven_statement", "Tidak terbukti (sintetis)").post(steps.base() + "/conclusion").then().extract()
                .statusCode());

        assertFalse(recommended(id), "the recommendation for the old outcome is gone");
        String page = getAs(session).get(steps.base()).then().statusCode(200).extract().asString();
        String recommendation = SopFormsSayWhenTheyOpenTest.section(page, "recommendation");
        assertFalse(recommendation.contains(SANCTION), "the page shows no sanction as current: " + recommendation);
        assertTrue(recommendation.contains("id=\"rec-good-name\""), "the form asks for the not proven recommendation");
        assertFalse(print(steps).contains(SANCTION), "the report of the conclusion does not print the old sanction");
        assertEquals(409, getAs(session).get(steps.base() + "/print/kesimpulan").then().extract().statusCode(),
                "not printed until a recommendation for the new outcome is saved");
        assertEquals(303, steps.status("concluded"));
        assertEquals("in_examination", QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().status),
                "not concluded without a recommendation");
        String audit = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select detail from audit_event where intake_id = ?1 and action = 'conclusion' order by id desc limit 1")
                .setParameter(1, id).getSingleResult());
        assertEquals("outcome:not_proven recommendation_cleared", audit);
    }

    private boolean recommended(long id) {
        return QuarkusTransaction.requiringNew().call(() -> repo.one(Recommendation.class, id).isPresent());
    }

    private String print(CaseworkSteps steps) {
        return getAs(session).get(steps.base() + "/print/kesimpulan").then().extract().asString();
    }
}
