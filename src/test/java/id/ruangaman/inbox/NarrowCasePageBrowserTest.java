package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
}
