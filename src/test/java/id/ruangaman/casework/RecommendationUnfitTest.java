package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
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
 * A terlapor's campus status corrected after a sanction was recommended (a student recorded as education staff): the
 * recommended expulsion as a student no longer fits (SOP Pengenaan Sanksi 3). The SOP page and the pimpinan's page say
 * so where they show the recommendation; the pimpinan's decision refuses it with the reason and a link to the sanctions
 * that fit, and takes one that fits. Synthetic case only.
 */
@QuarkusTest
class RecommendationUnfitTest {

    private static final String SAID = "Sanksi yang direkomendasikan tidak lagi sesuai status terlapor di kampus";

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldSayTheRecommendationNoLongerFitsAndRefuseToDecideIt() {
        Account counsellor = fixtures.account("unfit-rec-counsellor", Role.COUNSELLOR);
        fixtures.account("unfit-rec-pimpinan", Role.PIMPINAN);
        String session = InboxFixtures.login("unfit-rec-counsellor");
        String leader = InboxFixtures.login("unfit-rec-pimpinan");
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toConcluded(counsellor.id, "student_expulsion", () -> terlapor(id));
        String before = page(session, steps.base());
        assertTrue(!before.contains(SAID), "a fitting recommendation says nothing");

        // the terlapor was education staff, not a student
        long party = terlapor(id);
        assertEquals(303, steps.post().formParam("party_role", "terlapor").formParam("party_name", "Dodi Sintetis")
                .formParam("campus_status", "staff").when().post(steps.base() + "/parties/" + party).then().extract().statusCode());

        String sop = page(session, steps.base());
        String note = paragraph(sop, "recommendation-unfit");
        assertTrue(note.contains(SAID) && note.contains("Tenaga kependidikan"), note);
        assertTrue(note.contains("href=\"#party\""), "links to the party's status: " + note);

        String detail = page(leader, "/inbox/pimpinan/" + ref);
        String shown = paragraph(detail, "recommendation-unfit");
        assertTrue(shown.contains(SAID) && shown.contains("href=\"#decision-measure\""), shown);
        assertTrue(detail.indexOf("id=\"recommendation-unfit\"") > detail.indexOf("id=\"recommended-sanction\""),
                "said where the recommendation is shown");

        String refused = as(leader).formParam("decision_number", "KEP-SINTETIS/2").formParam("decided_on", CaseworkSteps.today())
                .formParam("sanction_measure", "student_expulsion").formParam("decision_text", "Isi keputusan sintetis")
                .post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(400).extract().asString();
        String reason = paragraph(refused, "refusal-decision");
        assertTrue(reason.contains("tidak sesuai status terlapor") && reason.contains("href=\"#decision-measure\""), reason);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> repo.one(Decision.class, id)).isEmpty(), "nothing decided");

        assertEquals(303, as(leader).formParam("decision_number", "KEP-SINTETIS/2").formParam("decided_on", CaseworkSteps.today())
                .formParam("sanction_measure", "suspension_from_position").formParam("decision_text", "Isi keputusan sintetis")
                .post("/inbox/pimpinan/" + ref + "/decision").then().extract().statusCode());
    }

    private long terlapor(long caseId) {
        return QuarkusTransaction.requiringNew().call(() -> repo.parties(caseId).stream().filter(p -> "terlapor".equals(p.role))
                .findFirst().orElseThrow().id);
    }

    private static String page(String session, String path) {
        return getAs(session).cookie("ruangaman-lang", "id").when().get(path).then().statusCode(200).extract().asString();
    }

    private static String paragraph(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertTrue(at > 0, "no #" + id + ": " + html);
        return html.substring(at, html.indexOf("</p>", at));
    }
}
