package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditLog;
import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxConfig;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.inbox.WorkingDays;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.RenderedForm;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every transition of the SOP workflow, refused until the SOP's record exists and then allowed, each with its audit
 * row (status_refused with the reason, status_change with from->to), and each refusal shown on the page.
 */
@QuarkusTest
class CaseworkWorkflowTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    AuditLog audit;
    @Inject
    InboxConfig config;

    private String session;
    private String leader;
    private Account counsellor;

    @BeforeEach
    void login() {
        counsellor = fixtures.account("flow-counsellor", Role.COUNSELLOR);
        fixtures.account("flow-pimpinan", Role.PIMPINAN);
        session = InboxFixtures.login("flow-counsellor");
        leader = InboxFixtures.login("flow-pimpinan");
    }

    private CaseFile file(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow());
    }

    private long audits(String action, long intakeId, String detailLike) {
        return QuarkusTransaction.requiringNew()
                .call(() -> audit.count("action = ?1 and intakeId = ?2 and detail like ?3", action, intakeId, detailLike));
    }

    /** A refused close on the SOP page: 303 back to it with the refusal, which the page then shows. */
    private static void refusedClose(CaseworkSteps steps, String code, String visibleText) {
        String location = steps.post().formParam("status", "closed").formParam("reason", "resolved").when().post(steps.base() + "/status")
                .then().statusCode(303).extract().header("Location");
        assertTrue(location.contains("/sop?refused=step_" + code), location);
        getAs(steps.session()).when()
                .get(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "")).then().statusCode(200)
                .body(containsString(visibleText));
    }

    private void refused(CaseworkSteps steps, long id, String from, String to, String code, String visibleText) {
        long before = audits("status_refused", id, from + "->" + to + " refused:" + code);
        String location = steps.post().formParam("status", to).formParam("reason", "resolved").when().post(steps.base() + "/status")
                .then().statusCode(303).extract().header("Location");
        assertTrue(location.contains("/sop?refused=step_" + code), location);
        getAs(steps.session()).when()
                .get(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "")).then().statusCode(200)
                .body(containsString(visibleText));
        assertEquals(before + 1, audits("status_refused", id, from + "->" + to + " refused:" + code), code + " audited");
        assertEquals(from, file(steps.base().split("/")[3]).status, "status unchanged after " + code);
    }

    private void allowed(CaseworkSteps steps, long id, String from, String to) {
        assertEquals(303, steps.status(to), from + "->" + to);
        assertEquals(1, audits("status_change", id, from + "->" + to + "%"), from + "->" + to + " audited");
    }

    @Test
    void shouldGateEveryStepOnWhatTheSopNeedsAndAuditBothOutcomes() {
        String ref = fixtures.submittedCase(true);
        long id = file(ref).id;
        CaseworkSteps steps = new CaseworkSteps(session, ref);

        refused(steps, id, "new", "verified", "illegal_step", "tidak bisa dilakukan dari status sekarang");
        allowed(steps, id, "new", "in_verification");
        refused(steps, id, "in_verification", "verified", "checklist_incomplete", "Daftar periksa verifikasi belum lengkap");
        steps.tickChecklist();
        refused(steps, id, "in_verification", "verified", "assessment_missing", "Catat assessment awal dulu");

        // A refused form shows the page again with the reason and keeps what was typed.
        steps.post().formParam("condition", "crisis").formParam("risk_level", "high").formParam("risks", "Risiko sintetis yang diketik")
                .when().post(steps.base() + "/assessment").then().statusCode(400)
                .body(containsString("Tuliskan rencana mitigasi")).body(containsString("Risiko sintetis yang diketik"));
        assertEquals(303, steps.assessment(), "assessment saved");
        LocalDate dayBefore = LocalDate.now(config.zone());
        allowed(steps, id, "in_verification", "verified");
        LocalDate dayAfter = LocalDate.now(config.zone());
        CaseFile verified = file(ref);
        java.time.Instant verifiedAt = QuarkusTransaction.requiringNew().call(() -> repo.one(CaseStage.class, id).orElseThrow().verifiedAt);
        assertNotNull(verifiedAt);
        // the day of the verification as the service recorded it: a day read from the clock here is a day off when
        // the step crosses midnight in the inbox's zone (Asia/Jakarta: 17:00 UTC)
        LocalDate verifiedDay = LocalDate.ofInstant(verifiedAt, config.zone());
        assertTrue(!verifiedDay.isBefore(dayBefore) && !verifiedDay.isAfter(dayAfter), "verified today: " + verifiedDay);
        assertEquals(new WorkingDays(config.holidays().orElse(List.of())).plus(verifiedDay, 30), verified.examinationDueOn,
                "30 working days from verification");
        getAs(session).when().get(steps.base()).then().statusCode(200).body(containsString("Tenggat pemeriksaan"))
                .body(containsString(verified.examinationDueOn.toString()));

        refused(steps, id, "verified", "in_examination", "meeting_missing", "Catat rapat terbatas dulu");
        assertEquals(303, steps.meeting(counsellor.id, "accompaniment_only"));
        refused(steps, id, "verified", "in_examination", "victim_did_not_choose_examination", "korban tidak memilih pemeriksaan");
        assertEquals(303, steps.meeting(counsellor.id, "examination"));
        refused(steps, id, "verified", "in_examination", "assignment_letter_missing", "Catat surat tugas");
        assertEquals(303, steps.letter(counsellor.id));
        allowed(steps, id, "verified", "in_examination");

        refused(steps, id, "in_examination", "concluded", "minutes_missing", "berita acara");
        assertEquals(303, steps.party("terlapor", "Terlapor Sintetis"));
        long partyId = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        assertEquals(303, steps.interview(partyId, null));
        refused(steps, id, "in_examination", "concluded", "minutes_missing", "berita acara");
        long interviewId = QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).get(0).id);
        steps.post().formParam("summary", "Berita acara sintetis").when().post(steps.base() + "/interviews/" + interviewId).then()
                .statusCode(303);
        refused(steps, id, "in_examination", "concluded", "conclusion_missing", "Kesimpulan belum dicatat");

        // Each required part of a proven conclusion is required.
        steps.post().formParam("outcome", "proven").formParam("party_identity", "Terlapor sintetis").formParam("violence_form", "Bentuk")
                .formParam("accompaniment", "Pendampingan").when().post(steps.base() + "/conclusion").then().statusCode(400)
                .body(containsString("perlindungan korban"));
        assertEquals(303, steps.provenConclusion());
        refused(steps, id, "in_examination", "concluded", "recommendation_missing", "Rekomendasi belum dicatat");
        assertEquals(303, steps.provenRecommendation("written_warning"));
        allowed(steps, id, "in_examination", "concluded");

        refused(steps, id, "concluded", "decided", "decision_missing", "Keputusan pimpinan belum dicatat");
        refusedClose(steps, "resolved_needs_decision", "setelah keputusan pimpinan");
        assertEquals(1, audits("status_refused", id, "concluded->closed refused:resolved_needs_decision"));

        // Leadership decides, heavier than recommended: only with the reason (SOP Pengenaan Sanksi 8-9). The rendered form
        // without one is refused with the reason, what was typed kept; then the case moves to decided with the pimpinan's
        // audit row, and the reason stands in the decision on both pages.
        String pimpinan = "/inbox/pimpinan/" + ref;
        RenderedForm decision = RenderedForm.holding(getAs(leader).accept("text/html").get(pimpinan).then().statusCode(200).extract()
                .asString(), "save-decision").with("decision_number", "KEP-SINTETIS/9").with("decided_on", CaseworkSteps.today())
                .with("sanction_measure", "student_rights_reduction").with("decision_text", "Keputusan sintetis diketik");
        decision.submit(leader).then().statusCode(400).body(containsString("lebih berat dari rekomendasi Satuan Tugas: tuliskan alasannya"))
                .body(containsString("Keputusan sintetis diketik"));
        assertEquals("concluded", file(ref).status);
        decision.with("heavier_reason", "Dampak berat pada korban, sintetis").submit(leader).then().statusCode(303);
        for (String page : List.of(pimpinan, steps.base())) {
            String shown = getAs(page.equals(pimpinan) ? leader : session).accept("text/html").get(page).then().statusCode(200).extract()
                    .asString();
            assertTrue(shown.contains("Alasan sanksi lebih berat dari rekomendasi") && shown.contains("Dampak berat pada korban, sintetis"),
                    page + " shows the reason");
        }
        assertEquals("decided", file(ref).status);
        assertEquals(1, QuarkusTransaction.requiringNew()
                .call(() -> audit.count("action = 'status_change' and intakeId = ?1 and actor = 'flow-pimpinan' and detail = "
                        + "'concluded->decided'", id)));
        assertEquals(1, audits("decision", id, "tier:sedang heavier"));

        refused(steps, id, "decided", "closed", "sanction_not_completed", "Pelaksanaan sanksi belum selesai");
        // SOP Pengenaan Sanksi 4: the educational programme after a light or medium sanction is at an institution the
        // task force names: the rendered form without one is refused with the reason, what was typed kept
        RenderedForm.holding(getAs(session).accept("text/html").get(steps.base()).then().statusCode(200).extract().asString(),
                "save-execution").with("programme", "Konseling sintetis diketik").with("state", "in_progress").submit(session).then()
                .statusCode(400).body(containsString("lembaga yang ditunjuk Satuan Tugas")).body(containsString("Konseling sintetis diketik"));
        steps.post().formParam("programme", "Konseling sintetis").formParam("institution", "Lembaga konseling sintetis")
                .formParam("state", "completed").when().post(steps.base() + "/execution")
                .then().statusCode(400).body(containsString("Isi tanggal laporan hasil program"));
        steps.post().formParam("programme", "Konseling sintetis").formParam("institution", "Lembaga konseling sintetis")
                .formParam("state", "completed")
                .formParam("completion_report_on", CaseworkSteps.today()).when().post(steps.base() + "/execution").then().statusCode(303);
        // SOP Pengenaan Sanksi 6: on the programme's report the institution states the sanction was carried out; the case
        // closes as resolved only once that statement is recorded (its number, date and issuer), and the timeline shows it.
        refused(steps, id, "decided", "closed", "certificate_missing", "Surat keterangan bahwa pelaku telah melaksanakan sanksi belum dicatat");
        RenderedForm certificate = RenderedForm.holding(getAs(session).accept("text/html").get(steps.base()).then().statusCode(200).extract()
                .asString(), "save-certificate").with("certificate_number", "SK-SINTETIS/7").with("certificate_issuer", "Rektor sintetis");
        certificate.with("certificate_on", LocalDate.parse(CaseworkSteps.today()).plusDays(1).toString()).submit(session).then()
                .statusCode(400).body(containsString("Tanggal ini belum tiba")).body(containsString("SK-SINTETIS/7"));
        certificate.with("certificate_on", CaseworkSteps.today()).submit(session).then().statusCode(303);
        String sop = getAs(session).accept("text/html").get(steps.base()).then().statusCode(200).extract().asString();
        assertTrue(sop.contains("SK-SINTETIS/7") && sop.contains("Surat keterangan telah melaksanakan sanksi dicatat"), "shown, and on the timeline");
        assertEquals(303, steps.close("resolved"));
        assertEquals(1, audits("status_change", id, "decided->closed reason:resolved"));
        // A closed case has no next step: its page is shown again, read-only, with the reason (409), and nothing changes.
        steps.post().formParam("status", "new").when().post(steps.base() + "/status").then().statusCode(409)
                .body(containsString("Kasus sudah ditutup"));
        assertEquals("closed", file(ref).status);
        // Closing without a reason is refused on the page, not with a bare error.
        String open = fixtures.submittedCase(true);
        new CaseworkSteps(session, open).post().formParam("status", "closed").when().post("/inbox/cases/" + open + "/sop/status").then()
                .statusCode(400).body(containsString("Pilih alasan penutupan"));

        // The timeline shows each step with labels.
        getAs(session).when().get(steps.base()).then().statusCode(200).body(containsString("Terverifikasi → Pemeriksaan"))
                .body(containsString("Diputuskan pimpinan → Ditutup"))
                // an examination added and its minutes recorded later are two different lines
                .body(containsString("Pemeriksaan ditambahkan")).body(containsString("Berita acara pemeriksaan dicatat"));
        assertEquals(6, audits("status_change", id, "%"), "new→in_verification→verified→in_examination→concluded→decided→closed");
        assertTrue(audits("status_refused", id, "%") >= 12);
    }

    @Test
    void shouldCloseAnOpenCaseEarlyForAWithdrawalButNeverAsResolvedWithoutADecision() {
        String ref = fixtures.submittedCase(true);
        long id = file(ref).id;
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        allowed(steps, id, "new", "in_verification");
        steps.tickChecklist();
        assertEquals(303, steps.assessment());
        allowed(steps, id, "in_verification", "verified");
        assertEquals(303, steps.meeting(counsellor.id, "examination"));
        assertEquals(303, steps.letter(counsellor.id));
        allowed(steps, id, "verified", "in_examination");
        refusedClose(steps, "resolved_needs_decision", "setelah keputusan pimpinan");
        assertEquals(1, audits("status_refused", id, "in_examination->closed refused:resolved_needs_decision"));
        assertEquals(303, steps.close("withdrawn_by_reporter"));
        assertEquals(1, audits("status_change", id, "in_examination->closed reason:withdrawn_by_reporter"));
        // Nothing more is recorded on a closed case.
        steps.post().formParam("party_role", "witness").formParam("party_name", "Saksi").formParam("campus_status", "staff").when()
                .post(steps.base() + "/parties").then().statusCode(409).body(containsString("Kasus sudah ditutup"));
    }

    @Test
    void shouldRecordANotProvenConclusionWithEachOfItsPartsAndRestoreTheGoodName() {
        String ref = fixtures.submittedCase(true);
        long id = file(ref).id;
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        allowed(steps, id, "new", "in_verification");
        steps.tickChecklist();
        steps.assessment();
        allowed(steps, id, "in_verification", "verified");
        steps.meeting(counsellor.id, "examination");
        steps.letter(counsellor.id);
        allowed(steps, id, "verified", "in_examination");
        steps.party("terlapor", "Terlapor Dua");
        long partyId = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        assertEquals(303, steps.interview(partyId, "Berita acara sintetis dua"));
        for (String missing : List.of("examination_summary", "not_proven_statement")) {
            var request = steps.post().formParam("outcome", "not_proven").formParam("party_identity", "Terlapor dua")
                    .formParam("violence_form", "Dugaan sintetis");
            if (!missing.equals("examination_summary")) {
                request = request.formParam("examination_summary", "Ringkasan sintetis");
            }
            if (!missing.equals("not_proven_statement")) {
                request = request.formParam("not_proven_statement", "Tidak terbukti");
            }
            request.when().post(steps.base() + "/conclusion").then().statusCode(400).body(containsString("Bagian wajib kosong"));
        }
        steps.post().formParam("outcome", "not_proven").formParam("party_identity", "Terlapor dua").formParam("violence_form", "Dugaan")
                .formParam("examination_summary", "Ringkasan").formParam("not_proven_statement", "Tidak terbukti adanya kekerasan seksual")
                .when().post(steps.base() + "/conclusion").then().statusCode(303);
        // No sanction for a case not proven; the good name is required.
        steps.post().formParam("sanction_measure", "written_warning").formParam("good_name", "Pemulihan").when()
                .post(steps.base() + "/recommendation").then().statusCode(400).body(containsString("Sanksi hanya bila terbukti"));
        steps.post().when().post(steps.base() + "/recommendation").then().statusCode(400).body(containsString("nama baik"));
        // Nor grounds for a heavier sanction (SOP Pengenaan Sanksi 9): they name a perpetrator, and there is none.
        steps.post().formParam("good_name", "Pemulihan nama baik sintetis").formParam("aggravating", "perpetrator_task_force").when()
                .post(steps.base() + "/recommendation").then().statusCode(400).body(containsString("tidak ada alasan pemberat"));
        steps.post().formParam("good_name", "Pemulihan nama baik sintetis").when().post(steps.base() + "/recommendation").then()
                .statusCode(303);
        allowed(steps, id, "in_examination", "concluded");
        // Leadership reads the good name, and no row of grounds for a sanction that cannot be (walkthrough 10, F19: no
        // empty heading either).
        String detail = getAs(leader).accept("text/html").get("/inbox/pimpinan/" + ref).then().statusCode(200).extract().asString();
        assertTrue(detail.contains("Pemulihan nama baik sintetis") && !detail.contains("id=\"aggravating\"")
                && !detail.contains("Faktor pemberat"), detail);
        as(leader).formParam("decision_number", "KEP/2").formParam("decided_on", CaseworkSteps.today()).formParam("good_name_restored", "yes")
                .formParam("decision_text", "Nama baik dipulihkan").when().post("/inbox/pimpinan/" + ref + "/decision").then()
                .statusCode(303);
        assertEquals("decided", file(ref).status);
        // No sanction decided: the case may close as resolved.
        assertEquals(303, steps.close("resolved"));
    }
}
