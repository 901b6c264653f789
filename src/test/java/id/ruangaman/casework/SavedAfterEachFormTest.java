package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every inbox form's success redirect carries what its page needs to say, once, what was saved: 303 to the page itself
 * (no query: nothing in the URL a reload would repeat or a shared link would carry), with the short-lived
 * {@code ruangaman-saved} cookie naming the form ({@code key~page}); the page then shows the line next to that form
 * with {@code role="status"}, in the reader's language, and clears the cookie, so the next load says nothing. A
 * refused form sets nothing. Synthetic cases and accounts.
 */
@QuarkusTest
class SavedAfterEachFormTest {

    private static final String COOKIE = "ruangaman-saved";

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    ReferralTestData data;

    @Test
    void shouldSayWhatEachCaseAndSopFormSavedOnceNextToIt() {
        Account counsellor = fixtures.account("saved-counsellor", Role.COUNSELLOR);
        Account coordinator = fixtures.account("saved-coordinator", Role.COORDINATOR);
        fixtures.account("saved-pimpinan", Role.PIMPINAN);
        String session = InboxFixtures.login("saved-counsellor");
        String coord = InboxFixtures.login("saved-coordinator");
        String leader = InboxFixtures.login("saved-pimpinan");
        String ref = fixtures.submittedCase(true);
        long caseId = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        String casePage = "/inbox/cases/" + ref;
        String sop = casePage + "/sop";

        // The case page: assignment, a note, a checklist item, a status change.
        says(session, as(session).formParam("assignee", "me"), casePage + "/assign", casePage, "assign", "Penanggung jawab kasus disimpan.");
        says(session, as(session).formParam("text", "Catatan sintetis"), casePage + "/notes", casePage, "note", "Catatan disimpan.");
        says(session, as(session).formParam("component", "identification").formParam("checked", "true"), casePage + "/checks", casePage,
                "checklist", "Daftar periksa disimpan.");
        says(session, as(session).formParam("status", "in_verification"), casePage + "/status", casePage, "status", "Status kasus diubah.");

        // The SOP page: each stage's record, in the order of the SOP.
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        says(session, as(session).formParam("evidence_examined", "Tangkapan layar sintetis"), sop + "/findings", sop, "findings",
                "Temuan verifikasi disimpan.");
        steps.tickChecklist();
        says(session, as(session).formParam("condition", "distressed").formParam("emergency", "psychological").formParam("risk_level", "medium")
                .formParam("risks", "Risiko sintetis").formParam("mitigation", "Mitigasi sintetis"), sop + "/assessment", sop, "assessment",
                "Assessment awal disimpan.");
        says(session, as(session).formParam("status", "verified"), sop + "/status", sop, "sop-status", "Status kasus diubah.");
        says(session, as(session).formParam("held_on", CaseworkSteps.today()).formParam("attendees", String.valueOf(counsellor.id))
                .formParam("options_explained", "Pilihan sintetis").formParam("procedure_consequences", "Prosedur sintetis")
                .formParam("victim_choice", "examination").formParam("meeting_consent", "victim"), sop + "/meetings", sop, "meeting",
                "Catatan rapat terbatas disimpan.");
        says(session, as(session).formParam("letter_number", "ST-SINTETIS/9").formParam("issued_on", CaseworkSteps.today())
                .formParam("signatory_name", "Pimpinan Sintetis").formParam("signatory_title", "Rektor").formParam("team", String.valueOf(counsellor.id)),
                sop + "/letter", sop, "letter", "Surat tugas disimpan.");
        assertEquals(303, steps.status("in_examination"));
        says(session, as(session).formParam("party_role", "terlapor").formParam("party_name", "Dodi Sintetis").formParam("campus_status", "student"),
                sop + "/parties", sop, "party", "Pihak ditambahkan.");
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(caseId).get(0).id);
        says(session, as(session).formParam("party", String.valueOf(party)).formParam("held_at", CaseworkSteps.thisMinute())
                .formParam("channel", "in_person").formParam("place", "Ruang sintetis").formParam("interview_attendees", "Konselor sintetis"),
                sop + "/interviews", sop, "interview", "Pemeriksaan dicatat.");
        long interview = QuarkusTransaction.requiringNew().call(() -> repo.interviews(caseId).get(0).id);
        String minutes = says(session, as(session).formParam("summary", "Berita acara sintetis"), sop + "/interviews/" + interview, sop,
                "minutes-" + interview, "Berita acara pemeriksaan disimpan.");
        assertTrue(minutes.indexOf("id=\"saved\"") > minutes.indexOf("id=\"interview-" + interview + "\"")
                || minutes.indexOf("id=\"saved\"") > minutes.indexOf("/sop/print/bap/" + interview), "said at that interview's minutes");
        says(session, as(session).formParam("outcome", "proven").formParam("party_identity", "Terlapor sintetis").formParam("violence_form", "Bentuk sintetis")
                .formParam("accompaniment", "Pendampingan sintetis").formParam("protection", "Perlindungan sintetis"), sop + "/conclusion", sop,
                "conclusion", "Kesimpulan disimpan.");
        says(session, as(session).formParam("recovery", "Pemulihan sintetis").formParam("sanction_measure", "written_warning")
                .formParam("prevention", "Pencegahan sintetis").formParam("aggravating", "victim_impact"), sop + "/recommendation", sop,
                "recommendation", "Rekomendasi disimpan.");
        assertEquals(303, steps.status("concluded"));
        says(leader, as(leader).formParam("decision_number", "KEP-SINTETIS/1").formParam("decided_on", CaseworkSteps.today())
                .formParam("sanction_measure", "written_warning").formParam("recovery_until", LocalDate.parse(CaseworkSteps.today()).plusDays(90).toString())
                .formParam("decision_text", "Keputusan sintetis"), "/inbox/pimpinan/" + ref + "/decision", "/inbox/pimpinan/" + ref, "decision",
                "Keputusan pimpinan disimpan.");
        says(session, as(session).formParam("programme", "Konseling sintetis").formParam("institution", "Lembaga sintetis").formParam("state", "completed")
                .formParam("completion_report_on", CaseworkSteps.today()), sop + "/execution", sop, "execution", "Pelaksanaan sanksi disimpan.");
        says(session, as(session).formParam("certificate_number", "SK-SINTETIS/1").formParam("certificate_on", CaseworkSteps.today())
                .formParam("certificate_issuer", "Rektor sintetis"), sop + "/certificate", sop, "certificate", "Surat keterangan disimpan.");
        says(session, as(session).formParam("consent_by", "victim").formParam("consent_on", CaseworkSteps.today()).formParam("victim_status", "student")
                .formParam("plan", "Konseling mingguan sintetis"), sop + "/recovery", sop, "recovery", "Rencana pemulihan disimpan.");
        says(session, as(session).formParam("checked_on", CaseworkSteps.today()).formParam("with_whom", "victim").formParam("checkin_note", "Perkembangan sintetis"),
                sop + "/checkins", sop, "checkin", "Pemantauan pemulihan dicatat.");
        says(session, as(session).formParam("ended_on", CaseworkSteps.today()).formParam("recovery_end_reason", "completed")
                .formParam("recovery_end_note", "Catatan sintetis"), sop + "/recovery-end", sop, "recovery-end", "Akhir pemulihan disimpan.");
        says(session, as(session), sop + "/recovery-end/clear", sop, "recovery-end-cleared", "Akhir pemulihan dibatalkan");
        Account other = fixtures.account("saved-other-" + UUID.randomUUID().toString().substring(0, 8), Role.COUNSELLOR);
        says(coord, as(coord).formParam("conflict_account", String.valueOf(other.id)), sop + "/conflicts", sop, "conflict",
                "Konflik kepentingan dicatat.");
        assertNotNull(coordinator);
    }

    @Test
    void shouldSayWhatEachReferralFormSaved() {
        fixtures.account("saved-ref-counsellor", Role.COUNSELLOR);
        fixtures.account("saved-ref-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("saved-ref-counsellor");
        String coord = InboxFixtures.login("saved-ref-coordinator");
        String ref = data.sentinelCase();
        Response drafted = as(session).formParam("provider", String.valueOf(data.provider("contoh-lbh"))).formParam("service", "legal")
                .formParam("part", "needs").when().post("/inbox/cases/" + ref + "/referrals");
        String page = URI.create(drafted.header("Location")).getRawPath();
        assertTrue(page.matches("/inbox/referrals/[0-9]+"), page);
        checkRedirect(drafted, page, "referral-drafted");
        shown(session, page, drafted.getDetailedCookie(COOKIE).getValue(), "Draf rujukan dibuat.");
        says(session, as(session).formParam("part", "needs").formParam("part", "chronology"), page + "/parts", page, "referral-parts",
                "Bagian yang dibagikan disimpan.");
        says(coord, as(coord).formParam("reason", "Alasan wali sintetis yang cukup panjang"), page + "/guardian", page, "referral-guardian",
                "Persetujuan orang tua/wali dicatat.");
        says(session, as(session).formParam("status", "sent"), page + "/status", page, "referral-status", "Status rujukan diubah.");

        String second = URI.create(as(session).formParam("provider", String.valueOf(data.provider("contoh-lbh"))).formParam("service", "legal")
                .formParam("part", "needs").when().post("/inbox/cases/" + ref + "/referrals").header("Location")).getRawPath();
        says(session, as(session), second + "/ask", second, "referral-ask", "Permintaan persetujuan dikirim ke penyintas.");
    }

    @Test
    void shouldSayWhatEachAccountAndProviderFormSavedOnItsRow() {
        fixtures.account("saved-admin", Role.COORDINATOR);
        String admin = InboxFixtures.login("saved-admin");
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        says(admin, as(admin).formParam("key", "saved-" + nonce).formParam("name", "Layanan Sintetis " + nonce).formParam("service", "legal")
                .formParam("region", "Jawa Barat").formParam("city", "Bandung").formParam("address", "Jl. Sintetis 1").formParam("contact", "022-000").formParam("hours", "Senin-Jumat 08.00-16.00")
                .formParam("languages", "id").formParam("accessibility", "Ramah kursi roda").formParam("cost", "free").formParam("minors", "yes"),
                "/inbox/providers", "/inbox/providers", "provider-added", "Penyedia ditambahkan.");
        long provider = data.provider("saved-" + nonce);
        String row = says(admin, as(admin).formParam("name", "Layanan Sintetis Baru " + nonce).formParam("service", "legal").formParam("region", "Jawa Barat")
                .formParam("city", "Bandung").formParam("address", "Jl. Sintetis 2").formParam("contact", "022-000").formParam("hours", "Senin-Jumat 08.00-16.00")
                .formParam("languages", "id").formParam("accessibility", "Ramah kursi roda").formParam("cost", "free").formParam("minors", "yes"), "/inbox/providers/" + provider,
                "/inbox/providers", "provider-saved-" + provider, "Perubahan penyedia disimpan.");
        assertTrue(row.indexOf("id=\"saved\"") > row.indexOf("Layanan Sintetis Baru " + nonce), "said on the provider's own row");
        says(admin, as(admin).formParam("active", "false"), "/inbox/providers/" + provider + "/active", "/inbox/providers",
                "provider-active-" + provider, "Status aktif penyedia diubah.");

        says(admin, as(admin).formParam("username", "saved-new-" + nonce).formParam("role", "counsellor").formParam("password", InboxFixtures.PASSWORD),
                "/inbox/accounts", "/inbox/accounts", "account-created", "Akun dibuat.");
        Account made = fixtures.account("saved-new-" + nonce, Role.COUNSELLOR);
        says(admin, as(admin).formParam("password", "another-synthetic-password"), "/inbox/accounts/" + made.id + "/password",
                "/inbox/accounts", "account-reset-" + made.id, "Kata sandi saved-new-" + nonce + " sudah diatur ulang.");
        says(admin, as(admin).formParam("active", "false"), "/inbox/accounts/" + made.id + "/active", "/inbox/accounts",
                "account-deactivated-" + made.id, "Akun dinonaktifkan: akun ini tidak bisa masuk lagi.");
        says(admin, as(admin).formParam("active", "false"), "/inbox/accounts/" + made.id + "/active", "/inbox/accounts",
                "account-already-inactive-" + made.id, "Akun ini sudah nonaktif."); // an older tab's press: nothing changed
        says(admin, as(admin).formParam("active", "true"), "/inbox/accounts/" + made.id + "/active", "/inbox/accounts",
                "account-activated-" + made.id, "Akun diaktifkan lagi.");
        says(admin, as(admin).formParam("show_media_unblurred", "yes"), "/inbox/settings", "/inbox/settings", "settings", "Pengaturan disimpan.");
        says(admin, as(admin).formParam("current_password", InboxFixtures.PASSWORD).formParam("new_password", InboxFixtures.PASSWORD + "-2")
                .formParam("repeat_password", InboxFixtures.PASSWORD + "-2"), "/inbox/account/password", "/inbox/account", "password-changed",
                "Kata sandi sudah diganti.");
    }

    @Test
    void shouldSayACaseWasErasedOnItsPageAndNothingForARefusedForm() {
        fixtures.account("saved-eraser", Role.COORDINATOR);
        String coord = InboxFixtures.login("saved-eraser");
        String ref = fixtures.submittedCase(true);
        Response refused = as(coord).accept("text/html").formParam("text", " ").when().post("/inbox/cases/" + ref + "/notes");
        assertTrue(refused.statusCode() == 303 && refused.header("Location").contains("refused="), refused.statusCode() + " " + refused.header("Location"));
        assertNull(refused.getDetailedCookie(COOKIE), "a refused form saved nothing: no line");
        Response sopRefused = as(coord).formParam("held_on", "not-a-date").when().post("/inbox/cases/" + ref + "/sop/meetings");
        assertTrue(sopRefused.statusCode() == 400 || sopRefused.statusCode() == 409, "refused: " + sopRefused.statusCode());
        assertNull(sopRefused.getDetailedCookie(COOKIE), "a refused SOP form saved nothing: no line");
        says(coord, as(coord).formParam("reason", "request_by_phone"), "/inbox/cases/" + ref + "/erase", "/inbox/cases/" + ref, "erased",
                "Data kasus ini sudah dihapus.");
    }

    @Test
    void shouldSayItInEnglishForAnEnglishReader() {
        fixtures.account("saved-english", Role.COUNSELLOR);
        String session = InboxFixtures.login("saved-english");
        String ref = fixtures.submittedCase(true);
        Response r = as(session).formParam("text", "Synthetic note").when().post("/inbox/cases/" + ref + "/notes");
        checkRedirect(r, "/inbox/cases/" + ref, "note");
        String html = getAs(session).cookie("ruangaman-lang", "en").cookie(COOKIE, r.getDetailedCookie(COOKIE).getValue()).get("/inbox/cases/" + ref)
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("<p class=\"notice saved\" id=\"saved\" role=\"status\">Note saved.</p>"), "in English");
    }

    /** Posts a form that succeeds, checks its redirect, shows its page with the cookie and again without; the page with the line. */
    private static String says(String session, RequestSpecification request, String path, String page, String key, String text) {
        Response r = request.when().post(path);
        checkRedirect(r, page, key);
        return shown(session, page, r.getDetailedCookie(COOKIE).getValue(), text);
    }

    private static void checkRedirect(Response r, String page, String key) {
        assertEquals(303, r.statusCode(), "saved: " + key);
        URI location = URI.create(r.header("Location"));
        assertEquals(page, location.getRawPath(), "back to the form's page: " + key);
        assertNull(location.getRawQuery(), "nothing in the URL a reload or a shared link would carry: " + location);
        Cookie cookie = r.getDetailedCookie(COOKIE);
        assertNotNull(cookie, "the redirect names what was saved: " + key);
        assertEquals(key + "~" + page, cookie.getValue());
        assertEquals("/inbox", cookie.getPath());
        assertEquals(60, cookie.getMaxAge());
        assertTrue(cookie.isHttpOnly());
    }

    private static String shown(String session, String page, String value, String text) {
        Response first = getAs(session).cookie(COOKIE, value).get(page);
        assertEquals(200, first.statusCode(), page);
        String html = first.asString();
        int at = html.indexOf("<p class=\"notice saved\" id=\"saved\" role=\"status\">");
        assertTrue(at >= 0, "the line on " + page + " for " + value);
        assertTrue(html.startsWith(text, at + "<p class=\"notice saved\" id=\"saved\" role=\"status\">".length()),
                "says " + text + ": " + html.substring(at, Math.min(html.length(), at + 200)));
        assertEquals(1, html.split("id=\"saved\"", -1).length - 1, "said once");
        Cookie cleared = first.getDetailedCookie(COOKIE);
        assertNotNull(cleared, "the page clears the cookie");
        assertEquals(0, cleared.getMaxAge());
        String again = getAs(session).get(page).then().statusCode(200).extract().asString();
        assertFalse(again.contains("id=\"saved\""), "a reload says nothing");
        return html;
    }
}
