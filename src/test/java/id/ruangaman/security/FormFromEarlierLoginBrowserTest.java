package id.ruangaman.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough (later stages, fresh6): a counsellor types a note on a case page, logs out and in again in another tab, and
 * then presses the first tab's button. That form carries the earlier session's CSRF token. It used to be answered with a
 * bare line of text in two languages, with no way back and the note lost (the back button reloads the page empty).
 * Now the case page comes back with the reason next to the form and the note typed in it. The test uses a real
 * browser, the rendered forms and synthetic text.
 */
@QuarkusTest
class FormFromEarlierLoginBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldShowTheCasePageAgainWithTheNoteWhenTheFormIsFromAnEarlierLogin() {
        String ref = fixtures.submittedCase(true);
        fixtures.account("earlier-login", Role.COUNSELLOR);
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin("earlier-login", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-text")));
        String note = "Catatan sintetis: sudah menelepon pelapor pukul 10.";
        type(By.id("note-text"), note);
        String first = driver.getWindowHandle();

        // Another tab: logging out and in again, as a person does when the inbox asks them to.
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(root + "/inbox");
        click(By.id("logout"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin("earlier-login", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        driver.close();
        driver.switchTo().window(first);

        click(By.id("add-note"));
        wait.until(ExpectedConditions.urlContains("refused=form_expired"));
        wait.until(d -> note.equals(d.findElement(By.id("note-text")).getAttribute("value")));
        String reason = driver.findElement(By.id("refused")).getText();
        assertTrue(reason.startsWith("Formulir ini dari halaman yang dibuka sebelum Anda masuk lagi"), reason);
        assertEquals("/inbox/cases/" + ref, java.net.URI.create(driver.getCurrentUrl()).getPath(), "the case page, not a bare line");

        // The note is saved this time, from the page the new login rendered.
        click(By.id("add-note"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes"), note));
    }
}
