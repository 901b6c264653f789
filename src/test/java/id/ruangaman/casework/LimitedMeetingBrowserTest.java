package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rapat terbatas (SOP Pemeriksaan/Verifikasi 5) typed and clicked in a real browser: the meeting decides the next
 * steps with the victim, so its record keeps the date, who attended by role (the task force and the victim's side), the
 * alternatives discussed, the procedure and consequences explained, the accompaniment agreed, the path the victim chose
 * and who consented to it. A refused form (a date not come yet, a missing date, an examination without consent) shows
 * the page again with the reason and every field as typed. The record shows on the SOP page and in the case's history,
 * in the formulir penanganan awal, in the report to leadership (the decision, not the text about the case) and in the
 * berita acara pemeriksaan (the meeting the examination rests on), always in words, never codes.
 */
@QuarkusTest
class LimitedMeetingBrowserTest extends BrowserTest {

    private static final String ALTERNATIVES = "Pemeriksaan oleh Satgas, atau pendampingan dan pemulihan saja";
    private static final String PROCEDURE = "Pemeriksaan tertutup paling lama 30 hari kerja; terlapor dipanggil tanpa menyebut korban";
    private static final List<String> CODES = List.of("examination", "accompaniment_only", "psychological", "companion", "guardian",
            "(counsellor)", "victim", "null", "{", "}");

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseworkRepository repo;
    @Inject
    CaseFileRepository cases;

    @Test
    void shouldRecordTheMeetingsDecisionAndConsentAndKeepWhatWasTypedWhenRefused() {
        String root = base.toString().replaceAll("/$", "");
        Account counsellor = fixtures.account("meeting-browser-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("meeting-browser-counsellor"), ref);
        assertEquals(303, steps.status("in_verification"));
        steps.verify();

        driver.get(root + "/inbox");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("meeting-browser-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        driver.get(root + "/inbox/cases/" + ref + "/sop#meeting");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-status"), "Terverifikasi"));

        // A date that has not come yet: refused by the service, everything typed still there.
        date(By.id("meeting-held-on"), LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(2).toString());
        check(By.cssSelector("#meeting input[name=attendees][value='" + counsellor.id + "']"));
        check(By.id("present-victim"));
        check(By.id("present-companion"));
        type(By.id("options-explained"), ALTERNATIVES);
        type(By.id("procedure-consequences"), PROCEDURE);
        check(By.id("accompaniment-psychological"));
        check(By.id("accompaniment-legal"));
        new Select(driver.findElement(By.id("victim-choice"))).selectByValue("examination");
        pressAndWait(By.id("save-meeting"));
        refusedSaying("Tanggal ini belum tiba");
        assertTyped(counsellor, "", true);

        // No date at all (a browser that does not check the required field): refused the same way.
        date(By.id("meeting-held-on"), "");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('meeting-held-on').removeAttribute('required')");
        pressAndWait(By.id("save-meeting"));
        refusedSaying("Isi tanggal");
        assertTyped(counsellor, "", true);

        // The examination chosen, nobody's consent recorded: refused, the reason says whose consent the SOP asks for.
        date(By.id("meeting-held-on"), CaseworkSteps.today());
        pressAndWait(By.id("save-meeting"));
        refusedSaying("catat persetujuan korban, atau orang tua/wali");
        assertTyped(counsellor, "", true);
        assertEquals(CaseworkSteps.today(), driver.findElement(By.id("meeting-held-on")).getAttribute("value"));
        long id = caseId(ref);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> repo.meetings(id)).isEmpty(), "nothing refused was saved");

        // With the victim's own consent: saved, and the record says each part in words.
        new Select(driver.findElement(By.id("meeting-consent"))).selectByValue("victim");
        pressAndWait(By.id("save-meeting"));
        WebElement record = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#meeting table.meeting")));
        String said = record.getText();
        for (String part : List.of("(Konselor)", "Korban, Pendamping", ALTERNATIVES, PROCEDURE, "Psikologis, Hukum", "Lanjut ke pemeriksaan",
                "Persetujuan atas jalan yang dipilih Korban")) {
            assertTrue(said.contains(part), "the meeting's record says " + part + "\n" + said);
        }
        assertTrue(driver.findElement(By.id("timeline")).getText()
                .contains("Rapat terbatas dicatat: Lanjut ke pemeriksaan (Persetujuan atas jalan yang dipilih: Korban)"),
                "the case's history says the path chosen and whose consent\n" + driver.findElement(By.id("timeline")).getText());
        assertNoCodes(record.getText() + "\n" + driver.findElement(By.id("timeline")).getText());
        // the form is empty again for another meeting
        assertEquals("", driver.findElement(By.id("procedure-consequences")).getAttribute("value"));

        // The formulir penanganan awal keeps the whole record.
        String handling = printed(root + "/inbox/cases/" + ref + "/sop/print/penanganan-awal");
        assertTrue(handling.contains(PROCEDURE) && handling.contains("Persetujuan atas jalan yang dipilih Korban"), handling);

        // The examination rests on the meeting: its berita acara names it.
        assertEquals(303, steps.letter(counsellor.id));
        assertEquals(303, steps.status("in_examination"));
        assertEquals(303, steps.party("victim", "Ayu Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        assertEquals(303, steps.interview(party, "Keterangan sintetis"));
        long interview = QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).get(0).id);
        String minutes = printed(root + "/inbox/cases/" + ref + "/sop/print/bap/" + interview);
        String basis = driver.findElement(By.id("minutes-meeting")).getText();
        assertTrue(basis.contains("Lanjut ke pemeriksaan") && basis.contains("Persetujuan atas jalan yang dipilih: Korban"), minutes);

        // The report to leadership carries the decision and the accompaniment agreed, not what was said about the case.
        assertEquals(303, steps.provenConclusion());
        assertEquals(303, steps.provenRecommendation("written_warning"));
        String report = printed(root + "/inbox/cases/" + ref + "/sop/print/kesimpulan");
        String meetings = driver.findElement(By.id("report-meetings")).getText();
        assertTrue(meetings.contains("Lanjut ke pemeriksaan") && meetings.contains("Psikologis, Hukum")
                && meetings.contains("Persetujuan atas jalan yang dipilih Korban"), report);
        assertFalse(report.contains(PROCEDURE) || report.contains(ALTERNATIVES), "no text about the case for leadership\n" + report);
    }

    private long caseId(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
    }

    private void refusedSaying(String reason) {
        WebElement refusal = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#meeting .refusal")));
        assertTrue(refusal.getText().contains(reason), "the refusal says " + reason + ": " + refusal.getText());
    }

    /** Every field of the meeting form still holds what was typed before the refusal. */
    private void assertTyped(Account counsellor, String consent, boolean examination) {
        assertTrue(driver.findElement(By.cssSelector("#meeting input[name=attendees][value='" + counsellor.id + "']")).isSelected());
        assertTrue(driver.findElement(By.id("present-victim")).isSelected());
        assertTrue(driver.findElement(By.id("present-companion")).isSelected());
        assertFalse(driver.findElement(By.id("present-reporter")).isSelected());
        assertEquals(ALTERNATIVES, driver.findElement(By.id("options-explained")).getAttribute("value"));
        assertEquals(PROCEDURE, driver.findElement(By.id("procedure-consequences")).getAttribute("value"));
        assertTrue(driver.findElement(By.id("accompaniment-psychological")).isSelected());
        assertTrue(driver.findElement(By.id("accompaniment-legal")).isSelected());
        assertFalse(driver.findElement(By.id("accompaniment-medical")).isSelected());
        assertEquals(examination ? "examination" : "", new Select(driver.findElement(By.id("victim-choice"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals(consent, new Select(driver.findElement(By.id("meeting-consent"))).getFirstSelectedOption().getAttribute("value"));
    }

    private String printed(String url) {
        driver.get(url);
        String text = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body"))).getText();
        assertNoCodes(text);
        return text;
    }

    private void assertNoCodes(String text) {
        for (String code : CODES) {
            assertFalse(text.contains(code), "a code on " + driver.getCurrentUrl() + ": " + code + "\n" + text);
        }
    }

    /** Presses a form's button and waits for the answer's page to replace the one pressed on. */
    private void pressAndWait(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        wait.until(ExpectedConditions.stalenessOf(element));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
    }
}
