package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.BrowserTest;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramChats;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * The steps the SOP's browser tests share ({@link SopFiveStagesBrowserTest}, {@link SopOtherPathsBrowserTest}): logging
 * in and out, finding a case by its reference, pressing a form's button and waiting for the answer's page, a canned
 * reply sent to the survivor on Telegram, a rujukan drafted and its consent asked in the chat, a print read, and the
 * check that a page shows no code ({@link #codes()}). Each test keeps its own assertions.
 */
abstract class SopBrowserTest extends BrowserTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    final FakeTelegram telegram = FakePlatforms.telegram();

    @TestHTTPResource("/")
    URL base;
    @Inject
    TelegramChats chats;

    /** Codes of statuses, choices, measures and parts this test's pages must never show. */
    abstract List<String> codes();

    /** The server's root URL, without the trailing slash. */
    String root() {
        return base.toString().replaceAll("/$", "");
    }

    void login(String username) {
        driver.get(root() + "/inbox");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    void logout() {
        click(By.id("logout"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    /**
     * Finds the case by typing its reference into the list's search, as on a busy inbox where it is not on the first
     * page (the list is paged at 50), and opens it.
     */
    void open(String ref) {
        driver.get(root() + "/inbox");
        type(By.id("ref-search"), ref);
        driver.findElement(By.id("ref-search")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-list tr[data-ref='" + ref + "']")));
        driver.get(root() + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
    }

    /** Presses a form's button and waits for the answer's page to replace the one pressed on. */
    void pressAndWait(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        wait.until(ExpectedConditions.stalenessOf(element));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
    }

    void waitText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    String body() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body"))).getText();
    }

    void assertNoCodes() {
        String page = body();
        for (String code : codes()) {
            assertFalse(page.contains(code), "a code on " + driver.getCurrentUrl() + ": " + code + "\n" + page);
        }
    }

    /** Opens a print, checks it holds {@code expected} (null: anything) and no code, and returns its text. */
    String printed(String url, String expected) {
        driver.get(url);
        String text = body();
        assertTrue(expected == null || text.contains(expected), url + " should say " + expected + "\n" + text);
        assertNoCodes();
        return text;
    }

    /**
     * On the case page, picks the canned reply {@code canned}, returns its text as put into the reply box (for the
     * test's own checks) after {@code check} accepted it, sends it, and waits until a message holding {@code arrived}
     * reaches the Bot API for {@code chat}.
     */
    String sendCanned(String ref, long chat, String canned, java.util.function.Consumer<String> check, String arrived) {
        driver.get(root() + "/inbox/cases/" + ref);
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("canned")))).selectByValue(canned);
        String text = driver.findElement(By.id("reply-text")).getAttribute("value");
        check.accept(text);
        pressAndWait(By.id("send-reply"));
        Eventually.await("'" + canned + "' at the Bot API", WAIT, () -> telegram.sentTo(chat).stream()
                .anyMatch(c -> c.text() != null && c.text().contains(arrived)));
        return text;
    }

    /**
     * From the case's referral page: a rujukan drafted to the first provider the directory finds for the survivor's
     * services, sharing the chronology, no letter offered before consent, and the consent asked in the chat (the
     * question and its yes/no buttons at the Bot API). Returns the referral's id.
     */
    long draftReferralAndAskConsent(String ref, long chat) {
        driver.get(root() + "/inbox/cases/" + ref + "/referrals");
        WebElement provider = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.provider")));
        String key = provider.getAttribute("id").substring("provider-".length());
        provider.findElement(By.cssSelector("input[name=part][value=chronology]")).click();
        pressAndWait(By.id("draft-" + key));
        wait.until(d -> d.getCurrentUrl().matches(".*/inbox/referrals/[0-9]+.*"));
        long referral = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/inbox/referrals/([0-9]+).*", "$1"));
        assertTrue(driver.findElements(By.id("print-letter")).isEmpty(), "no referral letter before consent");
        pressAndWait(By.id("ask-consent"));
        waitText(By.id("referral-status"), "Menunggu persetujuan");
        Eventually.await("the consent question at the Bot API", WAIT, () -> telegram.sentTo(chat).stream()
                .anyMatch(c -> String.valueOf(c.body().get("reply_markup")).contains("_ref" + referral + ":yes")
                        && String.valueOf(c.body().get("reply_markup")).contains("_ref" + referral + ":no")));
        return referral;
    }
}
