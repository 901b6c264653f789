package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough (inbox fixes, finding 2): a form the server refuses comes back as its page with the reason, and what the
 * counsellor typed is still in that form (not in the page's other form with a field of the same name), with the reason
 * next to it, said once (walkthrough 13: it was at the top of the page as well), and the cursor in it. In a real browser that types and submits the rendered forms: the internal note and
 * the reply on the case page, the guardian's consent on a referral. Synthetic cases and text.
 */
@QuarkusTest
class RefusedFormKeepsTypingBrowserTest extends BrowserTest {

    RefusedFormKeepsTypingBrowserTest() {
        super(1280, 1200);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;




    @Test
    void shouldKeepATooLongNoteAndReplyInTheirOwnFormsWhenRefused() {
        String ref = fixtures.submittedCase(true);
        fixtures.account("kept-counsellor", Role.COUNSELLOR);
        logIn("kept-counsellor", "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-text")));

        // A long note within the form's limit is saved (the HTTP layer's 2 KB default per field refused it before).
        String longNote = "Catatan sintetis yang cukup panjang, dengan kata-kata bermakna é. ".repeat(50);
        type("note-text", longNote);
        driver.findElement(By.id("add-note")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes"), longNote.substring(0, 200)));
        assertEquals("", value("note-text"));

        // A long paste (the browser's own limit lifted, as an older page or a paste past it would be): the server refuses.
        String note = "Catatan sintetis yang panjang. ".repeat(140);
        type("note-text", note);
        driver.findElement(By.id("add-note")).click();
        wait.until(ExpectedConditions.urlContains("refused="));
        // given back from its seal (WebCrypto answers a moment after the page's load), then checked
        wait.until(d -> note.equals(value("note-text")));
        assertEquals(note, value("note-text"), "the refused note is still in the note form");
        assertEquals("", value("reply-text"), "the reply form, with a field of the same name, stays empty");
        WebElement near = driver.findElement(By.id("refused"));
        assertEquals(1, driver.findElements(By.cssSelector("main .alert")).size(), "the reason once, not at the top as well");
        assertTrue(near.getText().startsWith("Teks terlalu panjang"), near.getText());
        assertEquals("note-text", driver.switchTo().activeElement().getAttribute("id"), "the cursor is in the refused form");
        assertTrue((Boolean) js("return document.getElementById('refused').nextElementSibling"
                + " === document.getElementById('note-text').form;"), "the reason is right above the refused form");

        String reply = "Balasan sintetis yang terlalu panjang. ".repeat(110);
        type("reply-text", reply);
        driver.findElement(By.id("send-reply")).click();
        wait.until(ExpectedConditions.stalenessOf(near));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#refused.kept")));
        assertEquals(1, driver.findElements(By.cssSelector("main .alert")).size(), "the reason once");
        assertTrue((Boolean) js("return document.getElementById('refused').nextElementSibling"
                + " === document.getElementById('reply-text').form;"), "the reason is right above the refused reply form");
        assertEquals(reply, value("reply-text"), "the refused reply is still in the reply form");
        // the refused note, still unsent in its own form, stays there while the reply is sent (OtherFormsKeepTypingBrowserTest)
        assertEquals(note, value("note-text"), "the unsent note is still in the note form");

        // A reload of the refused page does not bring the text back a second time.
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        assertEquals("", value("reply-text"));
        assertEquals("", value("note-text"));
        assertTrue(driver.findElements(By.cssSelector("#refused.kept")).isEmpty(), "the reason back at the top, nothing kept");
    }

    @Test
    void shouldKeepTheGuardiansReasonWhenItIsRefused() {
        String ref = data.sentinelCase();
        fixtures.account("kept-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("kept-coordinator");
        String location = as(session).formParam("provider", String.valueOf(data.provider("contoh-lbh"))).formParam("service", "legal")
                .formParam("part", "needs").when().post("/inbox/cases/" + ref + "/referrals").then().statusCode(303)
                .extract().header("Location");
        String referral = location.substring(location.indexOf("/inbox/referrals/"));

        logIn("kept-coordinator", referral);
        WebElement reason = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#guardian textarea[name=reason]")));
        // Ten characters for the browser, eight once the spaces are trimmed: the server asks for a longer reason.
        String typed = "Ayah ok.  ";
        reason.sendKeys(typed);
        driver.findElement(By.cssSelector("#guardian button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("refused=guardian_reason"));
        wait.until(d -> typed.equals(d.findElement(By.cssSelector("#guardian textarea[name=reason]")).getAttribute("value")));
        assertEquals(typed, driver.findElement(By.cssSelector("#guardian textarea[name=reason]")).getAttribute("value"));
        assertTrue(driver.findElement(By.cssSelector("#guardian #refused")).isDisplayed());
        assertEquals(1, driver.findElements(By.cssSelector("main .alert")).size(), "the reason once, next to the form");
    }

    private void logIn(String username, String path) {
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    /** Pastes into a textarea past the maxlength the page set (lifted first): the server's own limit refuses it. */
    private void type(String id, String text) {
        js("var t = document.getElementById(arguments[0]); t.removeAttribute('maxlength'); t.value = arguments[1];", id, text);
    }

    private String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
