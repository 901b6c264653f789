package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor whose case list is filtered (or on a later page) does not see a new report's row appear: the list
 * refreshes live, but the filter hides the case. A small notice above the list says that new reports came in and
 * links to the first page without filters; it appears without a reload and shows no case contents (not even the
 * reference). Before, nothing on the page changed.
 */
@QuarkusTest
class NewCaseNoticeBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;




    @Test
    void shouldTellAFilteredListThatNewReportsCameInWithoutSayingWhich() throws Exception {
        fixtures.account("notice-counsellor", Role.COUNSELLOR);
        String root = base.toString().replaceAll("/$", "");
        // A WhatsApp-only list: the Telegram reports below arrive but never match it.
        driver.get(root + "/inbox?channel=WHATSAPP");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("notice-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        driver.get(root + "/inbox?channel=WHATSAPP");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        assertTrue(driver.findElements(By.cssSelector("#new-cases:not([hidden])")).isEmpty(), "a notice before anything arrived");

        String first = CompletableFuture.supplyAsync(() -> fixtures.submittedTelegramCase(TelegramFixtures.newChatId())).get();
        By notice = By.cssSelector("#new-cases:not([hidden])");
        wait.until(ExpectedConditions.visibilityOfElementLocated(notice));
        wait.until(ExpectedConditions.textToBe(notice, "1 laporan baru masuk — lihat"));
        assertTrue(driver.findElements(By.cssSelector("tr[data-ref='" + first + "']")).isEmpty(), "the filter should hide the case");

        String second = CompletableFuture.supplyAsync(() -> fixtures.submittedTelegramCase(TelegramFixtures.newChatId())).get();
        wait.until(ExpectedConditions.textToBe(notice, "2 laporan baru masuk — lihat"));
        String shown = driver.findElement(notice).getText() + driver.findElement(notice).getAttribute("innerHTML");
        assertFalse(shown.contains(first) || shown.contains(second), "the notice must not name a case");

        WebElement link = driver.findElement(By.cssSelector("#new-cases a"));
        URI target = URI.create(link.getAttribute("href"));
        assertEquals("/inbox", target.getPath());
        assertEquals(null, target.getQuery(), "the notice should lead to page 1 without filters");
        link.click();
        wait.until(ExpectedConditions.urlMatches("/inbox$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        assertTrue(driver.findElements(By.id("new-cases")).isEmpty(), "the plain first page shows new rows itself, no notice");
    }
}
