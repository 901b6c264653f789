package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The stage actions refuse what the victim's latest path does not allow ({@link VictimPath}), over the pages' own
 * posts: a recovery plan after the victim chose not to proceed (found: it was recorded), and the examination's forms,
 * the conclusion, the decision and the summons after the victim chose another path than the examination at a later
 * meeting; and a summons for a report withdrawn and closed. A
 * refused form comes back with the reason beside it and what was typed; a form that cannot be used is not offered.
 * Synthetic cases.
 */
@QuarkusTest
class SopPathRefusalsTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    private Account counsellor;
    private String session;
    private String leader;

    @BeforeEach
    void login() {
        counsellor = fixtures.account("path-counsellor", Role.COUNSELLOR);
        fixtures.account("path-pimpinan", Role.PIMPINAN);
        session = InboxFixtures.login("path-counsellor");
        leader = InboxFixtures.login("path-pimpinan");
    }

    @Test
    void shouldNotRecordARecoveryPlanAfterTheVictimChoseNotToProceed() {
        String ref = fixtures.submittedCase(true);
        long id = id(ref);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toConcluded(counsellor.id, "written_warning", () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        as(leader).formParam("decision_number", "KEP-JALAN/1").formParam("decided_on", CaseworkSteps.today())
                .formParam("sanction_measure", "written_warning").formParam("decision_text", "Keputusan sintetis")
                .formParam("recovery_until", LocalDate.parse(CaseworkSteps.today()).plusDays(60).toString())
                .post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);
        assertEquals(303, steps.meeting(counsellor.id, "not_proceed"));

        String page = getAs(session).get(steps.base()).then().statusCode(200).extract().asString();
        String recovery = SopFormsSayWhenTheyOpenTest.section(page, "recovery");
        assertFalse(recovery.contains("id=\"save-recovery\""), "the plan is not offered");
        assertTrue(recovery.contains("id=\"recovery-not-open\"") && recovery.contains("korban memilih tidak melanjutkan"), recovery);

        String typed = "Konseling mingguan sintetis yang diketik sebelum halaman berubah";
        String refused = steps.post().formParam("consent_by", "victim").formParam("consent_on", CaseworkSteps.today())
                .formParam("victim_status", "student").formParam("plan", typed).post(steps.base() + "/recovery").then().statusCode(409)
                .extract().asString();
        recovery = SopFormsSayWhenTheyOpenTest.section(refused, "recovery");
        assertTrue(recovery.contains("class=\"alert refusal\"") && recovery.contains("korban memilih tidak melanjutkan"), recovery);
        assertTrue(recovery.contains(typed), "what was typed is kept");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> repo.one(RecoveryPlan.class, id).isEmpty()), "no plan recorded");

        // the recovery's end is still recorded (consent not given), so the decided case can close
        assertEquals(303, steps.post().formParam("ended_on", CaseworkSteps.today()).formParam("recovery_end_reason", "consent_not_given")
                .post(steps.base() + "/recovery-end").then().extract().statusCode());
        // the victim changes their mind at a new meeting: the plan is offered again
        assertEquals(303, steps.meeting(counsellor.id, "examination"));
        page = getAs(session).get(steps.base()).then().statusCode(200).extract().asString();
        assertTrue(SopFormsSayWhenTheyOpenTest.section(page, "recovery").contains("id=\"save-recovery\""), "offered again");
    }

    @ParameterizedTest
    @ValueSource(strings = { "accompaniment_only", "not_proceed", "undecided" })
    void shouldStopTheExaminationWhenALaterMeetingChoseAnotherPath(String choice) {
        String ref = fixtures.submittedCase(true);
        long id = id(ref);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);
        assertEquals(303, steps.party("terlapor", "Dodi Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        assertEquals(303, steps.interview(party, "Berita acara sintetis"));
        assertEquals(303, steps.schedule(party, inTwoDays()));
        assertEquals(200, summons(steps, party), "the summons to the next examination prints while the examination is chosen");
        assertEquals(303, steps.meeting(counsellor.id, choice));
        assertEquals(409, summons(steps, party), "no one is called to an examination the victim left");

        String page = getAs(session).get(steps.base()).then().statusCode(200).extract().asString();
        assertFalse(page.contains("id=\"save-conclusion\""), "the conclusion is not offered");
        assertFalse(page.contains("id=\"interview-form-heading\""), "no new examination is offered");
        assertTrue(SopFormsSayWhenTheyOpenTest.section(page, "conclusion").contains("korban tidak memilih pemeriksaan"), "and why");

        assertEquals(409, steps.interview(party, "Berita acara lain"));
        String typed = "Terlapor sintetis, diketik sebelum halaman berubah";
        String refused = steps.post().formParam("outcome", "proven").formParam("party_identity", typed).formParam("violence_form", "Bentuk")
                .formParam("accompaniment", "Pendampingan").formParam("protection", "Perlindungan").post(steps.base() + "/conclusion")
                .then().statusCode(409).extract().asString();
        String conclusion = SopFormsSayWhenTheyOpenTest.section(refused, "conclusion");
        assertTrue(conclusion.contains("korban tidak memilih pemeriksaan") && conclusion.contains(typed), conclusion);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> repo.one(Conclusion.class, id).isEmpty()), "no conclusion recorded");
    }

    @Test
    void shouldNotDecideOnAnExaminationTheVictimLeftAfterTheConclusion() {
        String ref = fixtures.submittedCase(true);
        long id = id(ref);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toConcluded(counsellor.id, "written_warning", () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        assertEquals(303, steps.meeting(counsellor.id, "not_proceed"));

        String refused = as(leader).formParam("decision_number", "KEP-JALAN/2").formParam("decided_on", CaseworkSteps.today())
                .formParam("sanction_measure", "written_warning").formParam("decision_text", "Keputusan sintetis")
                .post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(409).extract().asString();
        assertTrue(refused.contains("korban tidak memilih pemeriksaan"), "the reason");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> repo.one(Decision.class, id).isEmpty()), "no decision recorded");
    }

    @Test
    void shouldNotPrintASummonsForAWithdrawnReport() {
        String ref = fixtures.submittedCase(true);
        long id = id(ref);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);
        assertEquals(303, steps.party("terlapor", "Dodi Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        assertEquals(303, steps.schedule(party, inTwoDays()));
        assertEquals(200, summons(steps, party));

        assertEquals(303, steps.close("withdrawn_by_reporter"));

        String refused = getAs(session).get(steps.base() + "/print/pemanggilan/" + party).then().statusCode(409).extract().asString();
        assertTrue(refused.contains("Kasus sudah ditutup"), "the reason");
    }

    private int summons(CaseworkSteps steps, long party) {
        return getAs(session).get(steps.base() + "/print/pemanggilan/" + party).then().extract().statusCode();
    }

    private static String inTwoDays() {
        return java.time.LocalDateTime.parse(CaseworkSteps.thisMinute()).plusDays(2).toString();
    }

    private long id(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
    }
}
