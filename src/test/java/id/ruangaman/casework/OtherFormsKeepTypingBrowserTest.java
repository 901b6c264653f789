package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough finding (session 53): a page with several forms lost what was typed into one when another was sent. A
 * counsellor half-way through a reply to the survivor saved a private note, and the reply was gone; on the SOP page an
 * unsaved finding went when the assessment was saved. In a real browser (Debian's chromium + chromedriver) the forms
 * are typed into key by key and sent by their buttons: what was typed and not sent is back in its own form on the page
 * after the post; what was sent is not put back. Synthetic cases and texts.
 */
@QuarkusTest
class OtherFormsKeepTypingBrowserTest extends BrowserTest {

    OtherFormsKeepTypingBrowserTest() {
        super(1280, 900);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldKeepAHalfWrittenReplyWhenANoteIsSavedAndTheNoteWhenTheReplyIsSent() {
        fixtures.account("others-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        openLoggedIn(base, "/inbox/cases/" + ref, "others-counsellor", InboxFixtures.PASSWORD);

        String reply = "Halo, ini balasan sintetis yang belum selesai ditulis";
        type(By.id("reply-text"), reply);
        type(By.id("note-text"), "Catatan sintetis: pelapor minta dihubungi sore");
        click(By.id("add-note"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#notes #saved")));
        wait.until(d -> reply.equals(value("reply-text")));
        assertEquals("", value("note-text"), "the note that was saved is not put back");
        assertTrue(driver.getPageSource().contains("Catatan sintetis: pelapor minta dihubungi sore"), "the note is saved");

        // the other way round: a note being written while the reply is sent
        String note = "Catatan sintetis kedua, belum disimpan";
        type(By.id("note-text"), note);
        click(By.id("send-reply"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript-lines"), reply));
        wait.until(d -> note.equals(value("note-text")));
        assertEquals("", value("reply-text"), "the reply that was sent is not put back");

        // a reload is no post: nothing comes back a second time
        type(By.id("note-text"), "");
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-text")));
        assertEquals("", value("note-text"));
    }

    @Test
    void shouldKeepAnUnsavedFindingWhenTheAssessmentIsSaved() {
        fixtures.account("others-sop-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        assertEquals(303, new CaseworkSteps(InboxFixtures.login("others-sop-counsellor"), ref).status("in_verification"));
        openLoggedIn(base, "/inbox/cases/" + ref + "/sop", "others-sop-counsellor", InboxFixtures.PASSWORD);

        String finding = "Temuan sintetis: kronologi runtut, belum disimpan";
        type(By.id("finding-chronology"), finding);
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("condition")))).selectByIndex(1);
        new Select(driver.findElement(By.id("risk_level"))).selectByIndex(2);
        type(By.id("risks"), "Risiko sintetis: bertemu terlapor di kelas");
        type(By.id("mitigation"), "Mitigasi sintetis: jadwal kelas dipisah");
        click(By.id("save-assessment"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assessment #saved")));
        wait.until(d -> finding.equals(value("finding-chronology")));
        assertEquals("Mitigasi sintetis: jadwal kelas dipisah", value("mitigation"), "what was saved shows as saved");

        // the finding, saved now, then changed and left while the assessment is saved again with a new mitigation
        click(By.id("save-findings"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#findings #saved")));
        assertEquals(finding, value("finding-chronology"));
        String changed = finding + " (diubah)";
        type(By.id("finding-chronology"), changed);
        type(By.id("mitigation"), "Mitigasi sintetis: pendamping di kelas");
        click(By.id("save-assessment"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assessment #saved")));
        wait.until(d -> changed.equals(value("finding-chronology")));
        assertEquals("Mitigasi sintetis: pendamping di kelas", value("mitigation"));
    }

    private String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }
}
