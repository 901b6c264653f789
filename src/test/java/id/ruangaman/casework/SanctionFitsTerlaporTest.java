package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.RenderedForm;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Administrative sanctions by who the terlapor is (SOP Pengenaan Sanksi 3): for a lecturer the recommendation and the
 * pimpinan's decision offer no student's sanction, and one submitted anyway is refused with the reason and not saved;
 * the measures that fit are saved. Synthetic case only.
 */
@QuarkusTest
class SanctionFitsTerlaporTest {

    private static final String REASON = "Sanksi ini tidak sesuai status terlapor di kampus";

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldOfferAndTakeOnlyTheSanctionsThatFitALecturer() {
        Account counsellor = fixtures.account("sanction-fits-counsellor", Role.COUNSELLOR);
        fixtures.account("sanction-fits-pimpinan", Role.PIMPINAN);
        String session = InboxFixtures.login("sanction-fits-counsellor");
        String leader = InboxFixtures.login("sanction-fits-pimpinan");
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);
        assertEquals(303, steps.post().formParam("party_role", "terlapor").formParam("party_name", "Dodi Sintetis")
                .formParam("campus_status", "lecturer").when().post(steps.base() + "/parties").then().extract().statusCode());
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        assertEquals(303, steps.interview(party, "Berita acara sintetis"));
        assertEquals(303, steps.provenConclusion());

        String page = page(session, steps.base());
        String select = select(page, "sanction-measure");
        assertTrue(select.contains("value=\"permanent_dismissal\"") && select.contains("value=\"suspension_from_position\"")
                && select.contains("value=\"written_warning\""), select);
        assertFalse(select.contains("value=\"student_expulsion\"") || select.contains("value=\"student_rights_reduction\""),
                "no student's sanction for a lecturer: " + select);
        assertTrue(page.contains("Status terlapor: Dosen."), "the page says whose status the list follows");

        // the real form, a student's sanction submitted anyway (a stale page, a crafted post)
        RenderedForm form = RenderedForm.holding(page, "save-recommendation").with("recovery", "Pemulihan sintetis")
                .with("prevention", "Pencegahan sintetis");
        var refused = form.with("sanction_measure", "student_expulsion").submit(session);
        assertNotEquals(303, refused.statusCode());
        assertTrue(refused.asString().contains(REASON), "the reason is said");
        assertTrue(recommendation(id).isEmpty(), "nothing saved");
        assertEquals(303, form.with("sanction_measure", "permanent_dismissal").submit(session).statusCode());
        assertEquals("permanent_dismissal", recommendation(id).orElseThrow().sanctionMeasure);
        assertEquals(303, steps.status("concluded"));

        // the pimpinan's decision: the same list, the same refusal
        String decision = getAs(leader).cookie("ruangaman-lang", "id").when().get("/inbox/pimpinan/" + ref).then().statusCode(200)
                .extract().asString();
        String choices = select(decision, "decision-measure");
        assertFalse(choices.contains("value=\"student_expulsion\"") || choices.contains("value=\"student_rights_reduction\""), choices);
        assertTrue(choices.contains("value=\"permanent_dismissal\""), choices);
        String answer = as(leader).formParam("decision_number", "KEP-SINTETIS/1").formParam("decided_on", CaseworkSteps.today())
                .formParam("sanction_measure", "student_expulsion").formParam("decision_text", "Isi keputusan sintetis")
                .post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(400).extract().asString();
        assertTrue(answer.contains(REASON), "the decision's refusal says why");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> repo.one(Decision.class, id)).isEmpty(), "no decision saved");
    }

    @Test
    void shouldFitEachStatusAsTheSopListsThem() {
        assertEquals(List.of("written_warning", "public_apology", "educational", "student_rights_reduction", "student_expulsion"),
                Vocabulary.measuresFor(List.of("student")));
        for (String staff : List.of("lecturer", "staff", "community")) {
            assertEquals(List.of("written_warning", "public_apology", "educational", "suspension_from_position", "permanent_dismissal"),
                    Vocabulary.measuresFor(List.of(staff)), staff);
        }
        assertEquals(List.of("written_warning", "public_apology", "educational"), Vocabulary.measuresFor(List.of("external")));
        assertEquals(Vocabulary.ALL_MEASURES, Vocabulary.measuresFor(List.of()), "no terlapor recorded yet: every measure");
        assertEquals(Vocabulary.ALL_MEASURES, Vocabulary.measuresFor(List.of("student", "lecturer")), "a student and a lecturer");
    }

    private Optional<Recommendation> recommendation(long id) {
        return QuarkusTransaction.requiringNew().call(() -> repo.one(Recommendation.class, id));
    }

    private static String page(String session, String path) {
        return getAs(session).cookie("ruangaman-lang", "id").when().get(path).then().statusCode(200).extract().asString();
    }

    private static String select(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertTrue(at > 0, "no #" + id);
        return page.substring(at, page.indexOf("</select>", at));
    }
}
