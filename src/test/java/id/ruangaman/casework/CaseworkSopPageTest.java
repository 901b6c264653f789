package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The SOP page after the examination: the whole recommendation is shown, and stage hints only while they apply. */
@QuarkusTest
class CaseworkSopPageTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    private String session;
    private String leader;
    private Account counsellor;

    @BeforeEach
    void login() {
        counsellor = fixtures.account("sop-page-counsellor", Role.COUNSELLOR);
        fixtures.account("sop-page-pimpinan", Role.PIMPINAN);
        session = InboxFixtures.login("sop-page-counsellor");
        leader = InboxFixtures.login("sop-page-pimpinan");
    }

    @Test
    void shouldShowTheWholeRecommendationAndNoExaminationHintOnceConcludedAndDecided() {
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        String before = getAs(session).when().get(steps.base()).then().statusCode(200).extract().asString();
        assertTrue(before.contains("Pemeriksaan dicatat setelah kasus masuk tahap pemeriksaan"), "the hint applies before the examination");
        steps.toConcluded(counsellor.id, "written_warning", () -> QuarkusTransaction.requiringNew()
                .call(() -> repo.parties(cases.findByReference(ref).orElseThrow().id).get(0).id));
        for (boolean decided : new boolean[] { false, true }) {
            if (decided) {
                InboxFixtures.as(leader).formParam("decision_number", "KEP-SINTETIS/5").formParam("decided_on", CaseworkSteps.today())
                        .formParam("sanction_measure", "written_warning").formParam("decision_text", "Keputusan sintetis").when()
                        .post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);
            }
            String page = getAs(session).when().get(steps.base()).then().statusCode(200).extract().asString();
            assertTrue(page.contains("Peringatan tertulis"), "the recommended sanction");
            assertTrue(page.contains("Pemulihan sintetis") && page.contains("Pencegahan sintetis"),
                    "the recovery and prevention recommendations the counsellor typed (decided: " + decided + ")");
            assertFalse(page.contains("Pemeriksaan dicatat setelah kasus masuk tahap pemeriksaan"), "a hint that no longer applies");
        }
    }
}
