package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxConfig;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.RenderedForm;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Dates typed into the casework forms are sanity-checked by one rule set (DateRules), each refusal shown on the form
 * with what was typed: nothing that already happened is dated in the future, a later SOP step is not dated before the
 * step it depends on, nothing is dated before the day the report was received, minutes wait for the examination's
 * time, and a summons never invites to a time already past.
 * Every refused submission is the rendered form as a browser sends it.
 */
@QuarkusTest
class CaseworkDatesTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    InboxConfig config;
    @Inject
    EntityManager em;

    private String session;
    private String leader;
    private Account counsellor;

    @BeforeEach
    void login() {
        counsellor = fixtures.account("dates-counsellor", Role.COUNSELLOR);
        fixtures.account("dates-pimpinan", Role.PIMPINAN);
        session = InboxFixtures.login("dates-counsellor");
        leader = InboxFixtures.login("dates-pimpinan");
    }

    private String page(String path, String who) {
        return getAs(who).accept("text/html").when().get(path).then().statusCode(200).extract().asString();
    }

    private static void refusedWith(Response response, String reason, String typed) {
        String body = response.then().statusCode(400).extract().asString();
        assertTrue(body.contains(reason), "reason \"" + reason + "\" missing");
        assertTrue(body.contains(typed), "what was typed (" + typed + ") is kept");
    }

    @Test
    void shouldRefuseImpossibleDatesOnEveryCaseworkFormAndKeepWhatWasTyped() {
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        // this report came in weeks ago, so the order of the SOP's own steps is what refuses the dates below
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update intake set received_at = timestamptz '2026-10-20 09:00+07' where id = ?1").setParameter(1, id).executeUpdate());
        LocalDate today = LocalDate.now(config.zone());
        String future = today.plusYears(4).toString();
        assertEquals(303, steps.status("in_verification"));
        steps.tickChecklist();
        assertEquals(303, steps.assessment());
        assertEquals(303, steps.status("verified"));

        // a meeting that was held cannot be dated in the future
        refusedWith(RenderedForm.holding(page(steps.base(), session), "save-meeting").with("held_on", future)
                .with("attendees", String.valueOf(counsellor.id)).with("options_explained", "Pilihan yang diketik sintetis")
                .with("procedure_consequences", "Prosedur sintetis").with("victim_choice", "examination").with("meeting_consent", "victim")
                .submit(session), "Tanggal ini belum tiba", "Pilihan yang diketik sintetis");
        assertEquals(303, steps.meeting(counsellor.id, "examination")); // today
        // the assignment letter follows the meeting where the victim chose an examination
        refusedWith(RenderedForm.holding(page(steps.base(), session), "save-letter").with("letter_number", "ST-DIKETIK/7")
                .with("issued_on", "2026-11-01").with("signatory_name", "Pimpinan Sintetis").with("signatory_title", "Rektor")
                .with("team", String.valueOf(counsellor.id)).submit(session), "sebelum rapat terbatas", "ST-DIKETIK/7");
        assertEquals(303, steps.letter(counsellor.id)); // today
        assertEquals(303, steps.status("in_examination"));
        assertEquals(303, steps.party("terlapor", "Dodi Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);

        // an examination is not dated before the assignment letter; minutes only once it has taken place
        RenderedForm interview = RenderedForm.holding(page(steps.base(), session), "add-interview").with("party", String.valueOf(party))
                .with("channel", "in_person").with("place", "Ruang sintetis diketik").with("interview_attendees", "Konselor sintetis");
        refusedWith(interview.with("held_at", "2026-11-02T10:00").submit(session), "sebelum surat tugas", "Ruang sintetis diketik");
        String tomorrow = today.plusDays(1) + "T10:00";
        refusedWith(interview.with("held_at", tomorrow).with("summary", "Berita acara diketik terlalu awal").submit(session),
                "pemeriksaan yang sudah berlangsung", "Berita acara diketik terlalu awal");
        interview.with("held_at", tomorrow).with("summary", "").submit(session).then().statusCode(303);
        long scheduled = QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).get(0).id);
        refusedWith(RenderedForm.holding(page(steps.base(), session), "save-minutes-" + scheduled).with("summary", "Ringkasan diketik")
                .submit(session), "pemeriksaan yang sudah berlangsung", "Ringkasan diketik");

        // a summons invites to the coming examination; a party whose only examination is past gets none
        page("/inbox/cases/" + ref + "/sop/print/pemanggilan/" + party, session);
        assertEquals(303, steps.party("witness", "Sari Sintetis"));
        long witness = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(1).id);
        assertEquals(303, steps.interview(witness, "Berita acara sintetis")); // today at midnight, past
        String past = getAs(session).when().get("/inbox/cases/" + ref + "/sop/print/pemanggilan/" + witness).then().statusCode(409)
                .extract().asString();
        assertTrue(past.contains("sudah lewat"), "a summons to a time already past is refused with the reason");

        // the decision follows the conclusion and has happened
        assertEquals(303, steps.provenConclusion());
        assertEquals(303, steps.provenRecommendation("written_warning"));
        assertEquals(303, steps.status("concluded"));
        String pimpinan = "/inbox/pimpinan/" + ref;
        RenderedForm decision = RenderedForm.holding(page(pimpinan, leader), "save-decision").with("decision_number", "KEP-DIKETIK/3")
                .with("sanction_measure", "written_warning").with("decision_text", "Keputusan sintetis diketik");
        refusedWith(decision.with("decided_on", today.minusDays(1).toString()).submit(leader), "sebelum kesimpulan dicatat", "KEP-DIKETIK/3");
        refusedWith(decision.with("decided_on", future).submit(leader), "Tanggal ini belum tiba", "KEP-DIKETIK/3");
        decision.with("decided_on", today.toString()).submit(leader).then().statusCode(303);

        // the completion report follows the decision
        refusedWith(RenderedForm.holding(page(steps.base(), session), "save-execution").with("programme", "Program sintetis diketik")
                .with("institution", "Lembaga sintetis")
                .with("state", "completed").with("completion_report_on", today.minusDays(1).toString()).submit(session),
                "sebelum tanggal keputusan", "Program sintetis diketik");

        // recovery comes after the decision (it runs for the period the decision sets), dated like any other record
        refusedWith(RenderedForm.holding(page(steps.base(), session), "save-recovery").with("consent_by", "victim")
                .with("consent_on", "2026-10-19").with("victim_status", "student").with("plan", "Rencana diketik sebelum laporan")
                .submit(session), "sebelum laporan diterima", "Rencana diketik sebelum laporan");
        RenderedForm.holding(page(steps.base(), session), "save-recovery").with("consent_by", "victim")
                .with("consent_on", today.toString()).with("victim_status", "student").with("plan", "Rencana sintetis")
                .submit(session).then().statusCode(303);
        refusedWith(RenderedForm.holding(page(steps.base(), session), "add-checkin").with("checked_on", "2026-10-19")
                .with("with_whom", "victim").with("checkin_note", "Pemantauan diketik sebelum laporan").submit(session),
                "sebelum laporan diterima", "Pemantauan diketik sebelum laporan");
    }

    /**
     * A report received today: every form that dates something in its SOP file refuses yesterday with the reason,
     * keeping what was typed (SOP Penerimaan Laporan: the casework starts from the report), and accepts today.
     */
    @Test
    void shouldRefuseDatesBeforeTheReportWasReceivedAndKeepWhatWasTyped() {
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        // the day before the report's own day: a day before today read from the clock here is the report's day when
        // the report came in just before midnight in the inbox's zone (Asia/Jakarta: 17:00 UTC) and would be accepted
        String yesterday = LocalDate.ofInstant(QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().receivedAt),
                config.zone()).minusDays(1).toString();
        String reason = "sebelum laporan diterima";
        assertEquals(303, steps.status("in_verification"));
        steps.tickChecklist();
        assertEquals(303, steps.assessment());
        assertEquals(303, steps.status("verified"));

        refusedWith(RenderedForm.holding(page(steps.base(), session), "save-meeting").with("held_on", yesterday)
                .with("attendees", String.valueOf(counsellor.id)).with("options_explained", "Pilihan diketik sebelum laporan")
                .with("procedure_consequences", "Prosedur sintetis").with("victim_choice", "examination").with("meeting_consent", "victim")
                .submit(session), reason, "Pilihan diketik sebelum laporan");
        assertEquals(303, steps.meeting(counsellor.id, "examination"));
        refusedWith(RenderedForm.holding(page(steps.base(), session), "save-letter").with("letter_number", "ST-SEBELUM/1")
                .with("issued_on", yesterday).with("signatory_name", "Pimpinan Sintetis").with("signatory_title", "Rektor")
                .with("team", String.valueOf(counsellor.id)).submit(session), reason, "ST-SEBELUM/1");
        assertEquals(303, steps.letter(counsellor.id));
        assertEquals(303, steps.status("in_examination"));
        assertEquals(303, steps.party("terlapor", "Dodi Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        refusedWith(RenderedForm.holding(page(steps.base(), session), "add-interview").with("party", String.valueOf(party))
                .with("held_at", yesterday + "T10:00").with("channel", "in_person").with("place", "Ruang diketik sebelum laporan")
                .with("interview_attendees", "Konselor sintetis").submit(session), reason, "Ruang diketik sebelum laporan");
        // SOP Investigasi dan Pendampingan 2.1: the recovery plan waits for the decision (it sets the period); the page says
        // so in place of the form and points to referrals, which start accompaniment now; a post is refused with the reason
        String sop = page(steps.base(), session);
        assertTrue(sop.contains("id=\"recovery-after-decision\"") && !sop.contains("id=\"save-recovery\""), "no recovery form yet");
        assertTrue(sop.contains("Pendampingan (medis, hukum, psikologis, sosial dan rohani) dan layanan darurat tidak perlu menunggu"));
        String refused = steps.post().accept("text/html").formParam("consent_by", "victim").formParam("consent_on", CaseworkSteps.today())
                .formParam("victim_status", "student").formParam("plan", "Rencana diketik sebelum keputusan").when()
                .post(steps.base() + "/recovery").then().statusCode(409).extract().asString();
        assertTrue(refused.contains("Rencana pemulihan dicatat setelah keputusan pimpinan"), refused);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> repo.one(RecoveryPlan.class, id).isEmpty()), "nothing saved");
    }

    /**
     * The examination's time is held against the moment the report came in, not only its day: a report received at 00:30
     * today (in the task force's zone) refuses an examination at 00:10 today with the reason and the time of receipt,
     * keeping what was typed, and accepts one at 00:30. Before, only the day was compared and 00:10 was accepted.
     */
    @Test
    void shouldRefuseAnExaminationEarlierOnTheReportsOwnDay() {
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        String today = CaseworkSteps.today();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set received_at = cast(?2 as timestamptz) where id = ?1")
                .setParameter(1, id).setParameter(2, today + " 00:30:20+07").executeUpdate());
        assertEquals(303, steps.status("in_verification"));
        steps.tickChecklist();
        assertEquals(303, steps.assessment());
        assertEquals(303, steps.status("verified"));
        assertEquals(303, steps.meeting(counsellor.id, "examination"));
        assertEquals(303, steps.letter(counsellor.id));
        assertEquals(303, steps.status("in_examination"));
        assertEquals(303, steps.party("terlapor", "Dodi Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);

        RenderedForm interview = RenderedForm.holding(page(steps.base(), session), "add-interview").with("party", String.valueOf(party))
                .with("channel", "in_person").with("place", "Ruang diketik pagi sekali").with("interview_attendees", "Konselor sintetis");
        Response early = interview.with("held_at", today + "T00:10").submit(session);
        refusedWith(early, "Waktu ini sebelum laporan diterima", "Ruang diketik pagi sekali");
        assertTrue(early.asString().contains("Laporan ini diterima " + today + " 00:30 WIB."), "the refusal says when the report came in");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).isEmpty()), "nothing saved");
        interview.with("held_at", today + "T00:30").submit(session).then().statusCode(303);
    }
}
