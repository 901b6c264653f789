package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Leadership's case page ({@code /inbox/pimpinan/<ref>}): a refused decision form shows its reason next to the form as
 * well as at the top (as the SOP page does; inbox.js then takes the browser to it), and the decision shows the
 * recovery's recorded end (V140 "Akhir pemulihan") with its label and date beside the recovery period, without the
 * task force's note. Synthetic cases.
 */
@QuarkusTest
class LeadershipPageTest {

    private static final Pattern DECISION = Pattern.compile("(?s)<section id=\"decision\">(.*?)</section>");

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
        counsellor = fixtures.account("leader-page-counsellor", Role.COUNSELLOR);
        fixtures.account("leader-page-pimpinan", Role.PIMPINAN);
        session = InboxFixtures.login("leader-page-counsellor");
        leader = InboxFixtures.login("leader-page-pimpinan");
    }

    private CaseworkSteps concluded() {
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toConcluded(counsellor.id, "written_warning", () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        return steps;
    }

    private static String ref(CaseworkSteps steps) {
        return steps.base().split("/")[3];
    }

    private static String decisionSection(String html) {
        Matcher m = DECISION.matcher(html);
        assertTrue(m.find(), "the decision section");
        return m.group(1);
    }

    @Test
    void shouldShowARefusedDecisionsReasonNextToTheForm() {
        String ref = ref(concluded());
        String page = as(leader).formParam("decided_on", CaseworkSteps.today()).formParam("sanction_measure", "written_warning")
                .formParam("decision_text", "Isi keputusan sintetis yang diketik").post("/inbox/pimpinan/" + ref + "/decision").then()
                .statusCode(400).extract().asString();
        assertFalse(page.contains("id=\"refusal\""), "no reason at the top as well (walkthrough 13: said once)");
        assertEquals(1, page.split("Isi nomor keputusan\\.", -1).length - 1, "the reason once");
        String decision = decisionSection(page);
        assertTrue(decision.contains("class=\"alert refusal\"") && decision.contains("Isi nomor keputusan."),
                "the reason next to the form: " + decision);
        assertTrue(decision.indexOf("Isi nomor keputusan.") < decision.indexOf("<form"), "above the form it refused");
        assertTrue(decision.contains(">Isi keputusan sintetis yang diketik</textarea>"), "what was typed is kept");
        String fresh = getAs(leader).get("/inbox/pimpinan/" + ref).then().statusCode(200).extract().asString();
        assertFalse(fresh.contains("alert refusal"), "no refusal on a page nobody was refused on");
    }

    @Test
    void shouldShowTheRecordedEndOfRecoveryWithItsLabelAndDate() {
        CaseworkSteps steps = concluded();
        String ref = ref(steps);
        String until = LocalDate.parse(CaseworkSteps.today()).plusDays(60).toString();
        as(leader).formParam("decision_number", "KEP-AKHIR/1").formParam("decided_on", CaseworkSteps.today())
                .formParam("sanction_measure", "written_warning").formParam("recovery_until", until)
                .formParam("decision_text", "Keputusan sintetis").post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);
        String before = decisionSection(getAs(leader).get("/inbox/pimpinan/" + ref).then().statusCode(200).extract().asString());
        assertTrue(before.contains("Masa pemulihan sampai") && before.contains(until), "the recovery period");
        assertFalse(before.contains("Akhir pemulihan"), "no end recorded yet");

        steps.post().formParam("consent_by", "victim").formParam("consent_on", CaseworkSteps.today()).formParam("victim_status", "student")
                .formParam("plan", "Konseling mingguan sintetis").post(steps.base() + "/recovery").then().statusCode(303);
        steps.post().formParam("ended_on", CaseworkSteps.today()).formParam("recovery_end_reason", "completed")
                .formParam("recovery_end_note", "Catatan akhir pemulihan sintetis").post(steps.base() + "/recovery-end").then().statusCode(303);

        String after = decisionSection(getAs(leader).get("/inbox/pimpinan/" + ref).then().statusCode(200).extract().asString());
        Matcher end = Pattern.compile("(?s)<dt>Akhir pemulihan</dt><dd id=\"recovery-ended\">(.*?)</dd>").matcher(after);
        assertTrue(end.find(), "the end, labelled, where the recovery is shown: " + after);
        assertTrue(end.group(1).contains("Pemulihan selesai") && end.group(1).contains(CaseworkSteps.today()), "its reason and date: " + end.group(1));
        assertTrue(after.indexOf("Masa pemulihan sampai") < after.indexOf("Akhir pemulihan"), "after the recovery period");
        assertFalse(after.contains("completed"), "the reason's label, never its code");
        assertFalse(after.contains("Catatan akhir pemulihan sintetis"), "the task force's note is not leadership's to read");
    }
}
