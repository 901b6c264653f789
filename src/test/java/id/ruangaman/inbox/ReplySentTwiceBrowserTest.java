package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In Chromium, a counsellor who double-clicks "Kirim", or presses Enter twice on it from the keyboard, sends the
 * survivor one message: the page that comes back shows the reply once and no error. (Chromium itself sends one of two
 * quick presses when the service answers at once; those two steps passed before the server-side guard too.) The form
 * posted twice from the page, as a slow network delivers it, is the case the guard is for: one message.
 * Synthetic texts.
 */
@QuarkusTest
class ReplySentTwiceBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldSendOneMessageWhenKirimIsPressedTwice() {
        fixtures.account("presses-twice", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("presses-twice", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/inbox/cases/" + ref));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));

        driver.findElement(By.id("reply-text")).sendKeys("Balasan klik ganda di peramban (sintetis)");
        WebElement sentFrom = driver.findElement(By.id("reply-text"));
        new Actions(driver).doubleClick(driver.findElement(By.id("send-reply"))).perform();
        assertShownOnce(sentFrom, "Balasan klik ganda di peramban (sintetis)");

        driver.findElement(By.id("reply-text")).sendKeys("Balasan Enter dua kali (sintetis)", Keys.TAB);
        // the reply box's Tab goes on to the button (or the safety tick first, when the chat is not safe)
        assertEquals("send-reply", driver.switchTo().activeElement().getAttribute("id"));
        sentFrom = driver.findElement(By.id("reply-text"));
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertShownOnce(sentFrom, "Balasan Enter dua kali (sintetis)");

        // What reaches the server on a slow network: the same rendered form posted twice (the first post's answer lost,
        // the browser or the counsellor sending it again), both posts on their way at once. The script returns once
        // both are answered; the page, opened again then, is what the counsellor sees.
        driver.findElement(By.id("reply-text")).sendKeys("Balasan terkirim dua kali (sintetis)");
        ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var form = document.getElementById('send-reply').form;"
                + "function post() { return fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)) }); }"
                + "Promise.all([post(), post()]).then(function () { done(); }, function () { done(); });");
        sentFrom = driver.findElement(By.id("reply-text"));
        driver.navigate().refresh();
        assertShownOnce(sentFrom, "Balasan terkirim dua kali (sintetis)");
    }

    /**
     * Waits until the page the form was sent from ({@code sentFrom}, its reply box) has been replaced by the page the
     * post was answered with, then counts the text's lines there. No fixed pause: the answer comes only once both
     * posts are done (a second post is answered when the first is), so the page shown is the final one. A wait on
     * the line alone could be met by the page the form was sent from, whose live refresh adds the new line while the
     * post's answer is still on its way.
     */
    private void assertShownOnce(WebElement sentFrom, String text) {
        wait.until(ExpectedConditions.stalenessOf(sentFrom));
        By line = By.xpath("//li[contains(@class,'out')][.//div[@class='text' and contains(., '" + text + "')]]");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        wait.until(ExpectedConditions.presenceOfElementLocated(line));
        assertEquals(1, driver.findElements(line).size(), "one message to the survivor: " + text);
        String body = driver.findElement(By.tagName("body")).getText();
        assertTrue(!body.contains("ERR-") && !body.contains("Formulir kedaluwarsa"), "no error page");
    }
}
