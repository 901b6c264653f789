package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough (explore, session 18): in Chromium, a counsellor who sends a reply and then presses the browser's Back
 * button finds the reply box empty, not refilled with the words just sent; the same for an internal note. Before, the
 * browser put the sent text back into the box of the page it went back to, and one more press of "Kirim" sent the
 * survivor the same message a second time (a fresh page, so no guard against a repeated form applied). Synthetic texts.
 */
@QuarkusTest
class SentFormNotRefilledBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldLeaveTheReplyAndNoteBoxesEmptyAfterBack() {
        fixtures.account("goes-back", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("goes-back", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));

        sendThenGoBack("reply-text", "send-reply", "Balasan yang sudah terkirim (sintetis)");
        assertEquals("", value("reply-text"), "the sent reply is not back in the reply box");

        sendThenGoBack("note-text", "add-note", "Catatan yang sudah tersimpan (sintetis)");
        assertEquals("", value("note-text"), "the saved note is not back in the note box");
    }

    private void sendThenGoBack(String box, String button, String text) {
        driver.findElement(By.id(box)).sendKeys(text);
        WebElement before = driver.findElement(By.id(box));
        driver.findElement(By.id(button)).click();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
        WebElement after = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(box)));
        driver.navigate().back();
        wait.until(ExpectedConditions.stalenessOf(after));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(box)));
        // the page's own script has run (it puts back a refused form's text, which this is not)
        wait.until(driver -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    private String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }
}
