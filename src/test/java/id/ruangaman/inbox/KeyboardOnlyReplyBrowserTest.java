package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor without a mouse: on a case page the first Tab reaches "Langsung ke isi halaman" (hidden until focused,
 * then on screen), Enter moves past the bar into the page, and Tab alone then reaches the reply box; the text typed
 * there is sent with Tab and Enter and shows in the thread. Before, the page had no way past the bar. The case is
 * opened by its address (the list is paged). Synthetic account, case and text.
 */
@QuarkusTest
class KeyboardOnlyReplyBrowserTest extends BrowserTest {

    private static final int MOST_TABS = 250;

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldReachTheReplyBoxAndSendWithTheKeyboardOnly() {
        fixtures.account("keyboard-only", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        driver.get(base.toString().replaceAll("/$", "") + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("keyboard-only", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));

        press(Keys.TAB);
        WebElement skip = driver.switchTo().activeElement();
        assertEquals("skip-link", skip.getAttribute("id"), "the first Tab reaches the skip link");
        assertTrue(skip.getRect().getX() >= 0 && skip.isDisplayed(), "the skip link is on screen once focused");
        assertEquals("Langsung ke isi halaman", skip.getText());

        press(Keys.ENTER);
        wait.until(d -> "content".equals(d.switchTo().activeElement().getAttribute("id")));

        int tabs = 0;
        while (!"reply-text".equals(driver.switchTo().activeElement().getAttribute("id")) && tabs < MOST_TABS) {
            press(Keys.TAB);
            tabs++;
        }
        assertEquals("reply-text", driver.switchTo().activeElement().getAttribute("id"), "Tab reaches the reply box");

        WebElement sentFrom = driver.switchTo().activeElement();
        press("Balasan lewat papan ketik saja (sintetis)");
        press(Keys.TAB);
        assertEquals("send-reply", driver.switchTo().activeElement().getAttribute("id"));
        press(Keys.ENTER);

        wait.until(ExpectedConditions.stalenessOf(sentFrom));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//li[contains(@class,'out')][.//div[@class='text' and contains(., 'Balasan lewat papan ketik saja (sintetis)')]]")));
    }

    private void press(CharSequence keys) {
        new Actions(driver).sendKeys(keys).perform();
    }
}
