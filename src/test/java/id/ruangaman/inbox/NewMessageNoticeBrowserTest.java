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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.conversation.Input;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 12, finding 6, in a real browser: a counsellor on a filtered case list was told of a new report elsewhere
 * but not of a survivor's new message on a case the list hides. A second notice counts the cases not shown that a
 * survivor wrote on, without a reload, and names nothing (no reference, no name, no text); it links to the first page
 * without filters; it is worded in the reader's language. A change that is not the survivor's line (a status) is not
 * counted. Synthetic cases.
 */
@QuarkusTest
class NewMessageNoticeBrowserTest extends BrowserTest {

    private static final String SENTINEL = "PESAN-SINTETIS-Q7";

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;




    @Test
    void shouldTellAFilteredListThatASurvivorWroteOnAHiddenCaseWithoutSayingWhich() throws Exception {
        fixtures.account("message-notice-counsellor", Role.COUNSELLOR);
        // Two cases from the dev chat; the WhatsApp-only list below hides both.
        String first = fixtures.submittedCase(true);
        String second = fixtures.submittedCase(true);
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox?channel=WHATSAPP");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("message-notice-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        driver.get(root + "/inbox?channel=WHATSAPP");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        By notice = By.cssSelector("#new-messages:not([hidden])");
        assertTrue(driver.findElements(notice).isEmpty(), "a notice before anyone wrote");

        CompletableFuture.runAsync(() -> fixtures.survivorSends(first, new Input.Text(SENTINEL))).get();
        wait.until(ExpectedConditions.visibilityOfElementLocated(notice));
        wait.until(ExpectedConditions.textToBe(notice, "Pesan baru dari penyintas di 1 kasus yang tidak tampil di sini — lihat"));
        // The same case again is still one case; another case makes two.
        CompletableFuture.runAsync(() -> fixtures.survivorSends(first, new Input.Text(SENTINEL + " lagi"))).get();
        CompletableFuture.runAsync(() -> fixtures.survivorSends(second, new Input.Text(SENTINEL))).get();
        wait.until(ExpectedConditions.textToBe(notice, "Pesan baru dari penyintas di 2 kasus yang tidak tampil di sini — lihat"));
        String shown = driver.findElement(notice).getAttribute("outerHTML");
        assertFalse(shown.contains(first) || shown.contains(second) || shown.contains(SENTINEL), "the notice must name nothing: " + shown);
        assertTrue(driver.findElements(By.cssSelector("#new-cases:not([hidden])")).isEmpty(), "no report is new");

        WebElement link = driver.findElement(By.cssSelector("#new-messages a"));
        URI target = URI.create(link.getAttribute("href"));
        assertEquals("/inbox", target.getPath());
        assertEquals(null, target.getQuery(), "the notice should lead to page 1 without filters");

        // In English, after a reload the count starts again; a survivor's line is counted, worded in English.
        driver.manage().addCookie(new Cookie("ruangaman-lang", "en"));
        driver.get(root + "/inbox?channel=WHATSAPP");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        CompletableFuture.runAsync(() -> fixtures.survivorSends(second, new Input.Text(SENTINEL + " again"))).get();
        wait.until(ExpectedConditions.textToBe(notice, "A survivor wrote on 1 case not shown here — view"));
    }
}
