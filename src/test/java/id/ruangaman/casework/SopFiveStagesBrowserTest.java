package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One report taken through all five stages of the task force's SOP (shared/SOP.md; seeds/001) in one real browser, as
 * the team would, by typing and clicking in the rendered pages, each step by the role the SOP gives it:
 * <ol>
 * <li>Penerimaan laporan: a survivor reports through the Telegram webhook (real-shaped updates); a counsellor sees
 * the 3×24-hour deadline, takes the case, answers the survivor and prints the formulir penerimaan laporan.</li>
 * <li>Pemeriksaan/verifikasi: the six parts of the verified report, the initial assessment (formulir penanganan
 * awal), the 30-working-day deadline, the rapat terbatas, the surat tugas, a summons that names no victim, perpetrator
 * or violence, the examination with its berita acara pemeriksaan, and a rujukan sent only after the survivor's yes in
 * the chat.</li>
 * <li>Kesimpulan dan rekomendasi: a conclusion first refused for a missing part (the page keeps what was typed),
 * then the recommendation.</li>
 * <li>Sanksi administratif: the pimpinan decides; a counsellor cannot; the counsellor records the sanction's
 * execution.</li>
 * <li>Pemulihan dan pendampingan: with the victim's consent, monitored, with the letter on rights during recovery.</li>
 * </ol>
 * No page shows a status, choice or measure code.
 */
@QuarkusTest
class SopFiveStagesBrowserTest extends SopBrowserTest {

    private static final String CHRONOLOGY = "Kronologi sintetis: pesan tidak pantas di grup kelas";
    /** Codes of statuses, choices, measures and parts that a person must never read on a page. */
    private static final List<String> CODES = List.of("in_verification", "in_examination", "verified_", "written_warning",
            "student_rights_reduction", "victim_impact", "awaiting_consent", "consented", "in_person", "examination_minutes",
            "assignment_letter", "initial_handling", "null", "{", "}");

    @Inject
    InboxFixtures fixtures;

    private String root;

    @Override
    List<String> codes() {
        return CODES;
    }

    @Test
    void shouldTakeATelegramReportThroughAllFiveStagesOfTheSop() {
        root = root();
        Account counsellor = fixtures.account("sop5-counsellor", Role.COUNSELLOR);
        fixtures.account("sop5-pimpinan", Role.PIMPINAN);

        // 1. Penerimaan laporan: the survivor reports on Telegram.
        long chat = chats.reportedTelegramChat(CHRONOLOGY);
        String ref = chats.referenceOf(chat);

        login("sop5-counsellor");
        // The counsellor finds the report by its reference, as on a busy inbox where it is not on the first page.
        open(ref);
        waitText(By.id("case-status"), "Baru");
        assertTrue(body().contains("Tenggat 72 jam"), "the 3×24-hour deadline is shown\n" + body());
        assertTrue(body().contains(CHRONOLOGY), "the chronology as the survivor wrote it");
        pressAndWait(By.id("take-case"));
        waitText(By.id("assignee"), "sop5-counsellor");
        type(By.id("reply-text"), "Terima kasih sudah bercerita. Kami konselor Satgas dan akan mendampingi.");
        pressAndWait(By.id("send-reply"));
        Eventually.await("the reply at the Bot API", WAIT, () -> telegram.sentTo(chat).stream()
                .anyMatch(c -> c.text() != null && c.text().contains("akan mendampingi")));
        driver.get(root + "/inbox/cases/" + ref);
        assertFalse(body().contains("Tenggat 72 jam: "), "the deadline is met once answered");
        printed(root + "/inbox/cases/" + ref + "/print/intake-form", CHRONOLOGY);

        // 2. Pemeriksaan/verifikasi.
        driver.get(root + "/inbox/cases/" + ref);
        pressAndWait(By.id("status-in_verification"));
        waitText(By.id("case-status"), "Verifikasi");
        assertTrue(body().contains("Tenggat pemeriksaan"), "the 30-working-day examination deadline is shown\n" + body());
        assertTrue(body().contains("hari kerja tersisa"));
        // verified before the six parts and the assessment: refused, with what is missing
        pressAndWait(By.id("status-verified"));
        waitText(By.id("case-status"), "Verifikasi");
        String refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refused"))).getText();
        assertFalse(refused.isBlank(), "the refusal says what is missing");
        assertNoCodes();

        driver.get(root + "/inbox/cases/" + ref + "/sop#findings");
        type(By.id("evidence-examined"), "Tangkapan layar grup kelas, diperlihatkan pelapor");
        type(By.id("finding-chronology"), "Kronologi dibacakan ulang dan disetujui pelapor");
        pressAndWait(By.id("save-findings"));
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("condition")))).selectByIndex(1);
        new Select(driver.findElement(By.id("risk_level"))).selectByIndex(2);
        type(By.id("risks"), "Bertemu terlapor di kelas");
        type(By.id("mitigation"), "Jadwal kelas dipisah sementara");
        pressAndWait(By.id("save-assessment"));
        printed(root + "/inbox/cases/" + ref + "/sop/print/penanganan-awal", "Jadwal kelas dipisah sementara");

        driver.get(root + "/inbox/cases/" + ref);
        for (String component : id.ruangaman.inbox.VerificationComponent.ALL) {
            WebElement tick = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-" + component)));
            if (!"true".equals(tick.getAttribute("data-checked"))) {
                pressAndWait(By.id("check-" + component));
            }
        }
        pressAndWait(By.id("status-verified"));
        waitText(By.id("case-status"), "Terverifikasi");
        printed(root + "/inbox/cases/" + ref + "/print/verified-report", "Tangkapan layar grup kelas");

        driver.get(root + "/inbox/cases/" + ref + "/sop");
        date(By.id("meeting-held-on"), CaseworkSteps.today());
        check(By.cssSelector("#meeting input[name=attendees][value='" + counsellor.id + "']"));
        type(By.id("options-explained"), "Pemeriksaan, atau pendampingan saja");
        type(By.id("procedure-consequences"), "Pemeriksaan tertutup, paling lama 30 hari kerja");
        new Select(driver.findElement(By.id("victim-choice"))).selectByValue("examination");
        new Select(driver.findElement(By.id("meeting-consent"))).selectByValue("victim");
        pressAndWait(By.id("save-meeting"));
        waitText(By.id("meeting"), "Lanjut ke pemeriksaan");

        type(By.id("letter-number"), "ST/SOP5/1");
        date(By.id("letter-issued-on"), CaseworkSteps.today());
        type(By.id("signatory-name"), "Pimpinan Sintetis");
        type(By.id("signatory-title"), "Rektor");
        check(By.cssSelector("#letter input[name=team][value='" + counsellor.id + "']"));
        pressAndWait(By.id("save-letter"));
        printed(root + "/inbox/cases/" + ref + "/sop/print/surat-tugas", "ST/SOP5/1");

        driver.get(root + "/inbox/cases/" + ref + "/sop");
        pressAndWait(By.id("sop-status-in_examination"));
        waitText(By.id("case-status"), "Pemeriksaan");

        addParty("victim", "Ayu Sintetis");
        addParty("terlapor", "Dodi Sintetis");
        // the terlapor is summoned for tomorrow; the victim is heard now, with minutes
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(1) + "T10:00";
        interview("Terlapor: Dodi Sintetis", tomorrow, null);
        interview("Korban: Ayu Sintetis", CaseworkSteps.thisMinute(), "Keterangan korban dicatat tertutup");
        long terlapor = Long.parseLong(driver.findElements(By.cssSelector("tr[id^=party-]:not([id^=party-edit])")).get(1)
                .getAttribute("id").substring("party-".length()));
        String summons = printed(root + "/inbox/cases/" + ref + "/sop/print/pemanggilan/" + terlapor, "Dodi Sintetis");
        for (String never : List.of("terlapor", "korban", "pelaku", "kekerasan", "Ayu Sintetis", CHRONOLOGY)) {
            assertFalse(summons.toLowerCase().contains(never.toLowerCase()), "the summons must not say " + never + "\n" + summons);
        }
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        WebElement bap = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[id^=print-bap-]")));
        printed(bap.getAttribute("href"), "Keterangan korban dicatat tertutup");

        // the rujukan: drafted, asked, and printable only once the survivor said yes in the chat
        // the directory is searched for the services the survivor asked for (psychological help): the first one found
        long referral = draftReferralAndAskConsent(ref, chat);
        chats.send(TelegramFixtures.button(chat, "_ref" + referral + ":yes"), chat);
        driver.get(root + "/inbox/referrals/" + referral);
        waitText(By.id("referral-status"), "Disetujui");
        assertNoCodes();
        printed(root + "/inbox/referrals/" + referral + "/letter", CHRONOLOGY);

        // 3. Kesimpulan dan rekomendasi: a missing part is refused on the page, what was typed kept.
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        click(By.id("outcome-proven"));
        type(By.id("party-identity"), "Dodi Sintetis, mahasiswa");
        type(By.id("violence-form"), "Pesan bernuansa seksual di grup kelas");
        type(By.id("accompaniment"), "Pendampingan psikologis");
        pressAndWait(By.id("save-conclusion"));
        waitText(By.cssSelector("#conclusion .refusal"), "perlindungan korban");
        assertEquals("Pendampingan psikologis", driver.findElement(By.id("accompaniment")).getAttribute("value"));
        assertEquals("Pesan bernuansa seksual di grup kelas", driver.findElement(By.id("violence-form")).getAttribute("value"));
        type(By.id("protection"), "Jadwal kuliah dipisah");
        pressAndWait(By.id("save-conclusion"));
        waitText(By.id("conclusion-outcome"), "Terbukti");
        type(By.id("rec-recovery"), "Konseling psikolog");
        new Select(driver.findElement(By.id("sanction-measure"))).selectByValue("written_warning");
        type(By.id("rec-prevention"), "Pelatihan pencegahan di fakultas");
        check(By.cssSelector("#recommendation input[name=aggravating][value=victim_impact]"));
        pressAndWait(By.id("save-recommendation"));
        waitText(By.id("recommendation-summary"), "Peringatan tertulis");
        assertNoCodes();
        // the written report the task force gives the pimpinan
        String report = printed(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("print-conclusion-report")))
                .getAttribute("href"), "LAPORAN KESIMPULAN DAN REKOMENDASI");
        assertTrue(report.contains("Jadwal kuliah dipisah") && report.contains("Peringatan tertulis"), report);
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        pressAndWait(By.id("sop-status-concluded"));
        waitText(By.id("case-status"), "Disimpulkan");

        // 4. Sanksi administratif: decided by the pimpinan, never by a counsellor.
        driver.get(root + "/inbox/pimpinan/" + ref);
        assertTrue(driver.findElements(By.id("save-decision")).isEmpty(), "a counsellor has no decision form");
        logout();
        login("sop5-pimpinan");
        wait.until(ExpectedConditions.urlContains("/inbox/pimpinan"));
        click(By.linkText(ref));
        waitText(By.id("recommended-sanction"), "Peringatan tertulis");
        assertFalse(body().contains("Keterangan korban dicatat tertutup"), "no examination minutes for leadership");
        assertFalse(body().contains(CHRONOLOGY), "no chronology for leadership");
        assertNoCodes();
        type(By.id("decision-number"), "KEP/SOP5/1");
        date(By.id("decided-on"), CaseworkSteps.today());
        new Select(driver.findElement(By.id("decision-measure"))).selectByValue("written_warning");
        date(By.id("recovery-until"), LocalDate.now(ZoneId.of("Asia/Jakarta")).plusMonths(3).toString());
        type(By.id("decision-text"), "Menetapkan peringatan tertulis");
        pressAndWait(By.id("save-decision"));
        waitText(By.id("decision-facts"), "KEP/SOP5/1");
        driver.get(root + "/inbox/cases/" + ref);
        assertFalse(body().contains(CHRONOLOGY), "the pimpinan does not read the case file");
        logout();

        login("sop5-counsellor");
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        waitText(By.id("case-status"), "Diputuskan pimpinan");
        type(By.id("programme"), "Konseling di lembaga yang ditunjuk Satgas, biaya oleh pelaku");
        pressAndWait(By.id("save-execution"));

        // 5. Pemulihan dan pendampingan, with the victim's consent.
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("consent-by")))).selectByValue("victim");
        date(By.id("consent-on"), CaseworkSteps.today());
        new Select(driver.findElement(By.id("victim-status"))).selectByValue("student");
        type(By.id("recovery-plan"), "Konseling mingguan selama satu semester");
        pressAndWait(By.id("save-recovery"));
        date(By.id("checked-on"), CaseworkSteps.today());
        new Select(driver.findElement(By.id("with-whom"))).selectByValue("victim");
        type(By.id("checkin-note"), "Tidur mulai membaik");
        pressAndWait(By.id("add-checkin"));
        waitText(By.id("checkins"), "Tidur mulai membaik");
        waitText(By.id("timeline"), "Keputusan pimpinan dicatat");
        assertNoCodes();
        printed(root + "/inbox/cases/" + ref + "/sop/print/akomodasi", "Ayu Sintetis");
    }

    private void addParty(String role, String name) {
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("party-role")))).selectByValue(role);
        type(By.id("party-name"), name);
        new Select(driver.findElement(By.id("campus-status"))).selectByValue("student");
        pressAndWait(By.id("add-party"));
        waitText(By.id("party"), name);
    }

    private void interview(String party, String heldAt, String summary) {
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("interview-party")))).selectByVisibleText(party);
        date(By.id("interview-held-at"), heldAt);
        type(By.id("interview-place"), "Ruang tertutup Satgas");
        type(By.id("interview-attendees"), "Konselor, pendamping");
        if (summary != null) {
            type(By.id("interview-summary"), summary);
        }
        pressAndWait(By.id("add-interview"));
        waitText(By.id("interview"), party.substring(party.indexOf(':') + 2));
    }
}
