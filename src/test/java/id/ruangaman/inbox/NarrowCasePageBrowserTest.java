package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.conversation.Input;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor on a phone (375 CSS pixels wide): the case page's thread and reply box fit the width (nothing to scroll
 * sideways to read a line or see the send button), and a reply typed and sent there shows in the thread. The case is
 * opened by its address. Synthetic account, case and text.
 */
@QuarkusTest
class NarrowCasePageBrowserTest extends BrowserTest {

    NarrowCasePageBrowserTest() {
        super(375, 812);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldReadTheThreadAndReplyAt375Pixels() {
        fixtures.account("narrow-phone", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        driver.get(base.toString().replaceAll("/$", "") + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("narrow-phone", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));

        long width = ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth")).longValue();
        for (String id : new String[] { "reply-text", "send-reply", "transcript-lines" }) {
            WebElement element = driver.findElement(By.id(id));
            int right = element.getRect().getX() + element.getRect().getWidth();
            assertTrue(element.getRect().getX() >= 0 && right <= width, id + " fits " + width + " px: ends at " + right);
        }
        for (WebElement line : driver.findElements(By.cssSelector("#transcript-lines li"))) {
            int right = line.getRect().getX() + line.getRect().getWidth();
            assertTrue(right <= width, "a thread line fits " + width + " px: ends at " + right);
        }

        WebElement box = driver.findElement(By.id("reply-text"));
        type(By.id("reply-text"), "Balasan dari layar sempit (sintetis)");
        click(By.id("send-reply"));
        wait.until(ExpectedConditions.stalenessOf(box));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//li[contains(@class,'out')][.//div[@class='text' and contains(., 'Balasan dari layar sempit (sintetis)')]]")));
    }

    /**
     * A word longer than the screen: a link a survivor pastes (the post that shared their photo, a profile), written in
     * the thread and noted by the counsellor in the note form. It wraps inside its line; the page never scrolls
     * sideways. Before, one such line made the whole case page thousands of pixels wide at 375.
     */
    @Test
    void shouldWrapALongUnbrokenLinkWithinThePhoneWidth() {
        fixtures.account("narrow-link", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        String link = "https://contoh.invalid/p/" + "Ab1x".repeat(60) + "?igsh=" + "Zz9".repeat(20);
        fixtures.survivorSends(ref, new Input.Text(link));
        driver.get(base.toString().replaceAll("/$", "") + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("narrow-link", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-text")));

        WebElement box = driver.findElement(By.id("note-text"));
        type(By.id("note-text"), link);
        click(By.id("add-note"));
        wait.until(ExpectedConditions.stalenessOf(box));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-text")));

        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertTrue(((String) js.executeScript("return document.getElementById('notes').innerText")).contains(link.substring(0, 40)),
                "the note was saved");
        long page = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long width = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        assertEquals(width, page, "the page is as wide as the phone, nothing to scroll sideways");
    }
}
