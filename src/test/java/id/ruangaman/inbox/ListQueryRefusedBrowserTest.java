package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In a real browser: an inbox list opened by a hand-edited address with a value it cannot use shows the list and the
 * reason next to its filter form, with what was typed in the field; a wrong date typed into the audit log's form and
 * submitted is said the same way, and the corrected date is used; such a list still refreshes live when a report comes
 * in. Synthetic accounts and cases.
 */
@QuarkusTest
class ListQueryRefusedBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldKeepAWrongDateInTheAuditFormWithTheReasonAndUseTheCorrectedOne() {
        fixtures.account("query-browser", Role.COORDINATOR);
        logIn("query-browser", "/inbox/audit?from=31/12/2026&actor=query-browser");

        // The hand-edited address: the log is shown, filtered by the actor, with the reason next to the form.
        WebElement reason = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".query-refused[data-field=from]")));
        assertTrue(reason.getText().startsWith("Dari: tanggalnya tidak bisa dibaca"), reason.getText());
        assertEquals("31/12/2026", value("audit-from"), "the date as it was written, to correct");
        assertEquals("query-browser", value("audit-actor"));
        assertFalse(driver.findElements(By.cssSelector("table.audit tbody tr")).isEmpty(), "the log itself");
        assertTrue(driver.findElements(By.cssSelector(".error-page")).isEmpty(), "not the cannot-open page");

        // A wrong date typed into the form and submitted.
        WebElement from = driver.findElement(By.id("audit-from"));
        from.clear();
        from.sendKeys("kemarin");
        from.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("from=kemarin"));
        reason = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".query-refused[data-field=from]")));
        assertTrue(reason.getText().contains("2026-12-31"), "says how to write it: " + reason.getText());
        assertEquals("kemarin", value("audit-from"));
        assertEquals(1, driver.findElements(By.cssSelector(".query-refused")).size(), "one reason, for the one refused value");

        // Corrected: the date is used and the field is a date field again.
        from = driver.findElement(By.id("audit-from"));
        from.clear();
        from.sendKeys("2026-01-01");
        from.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("from=2026-01-01"));
        wait.until(ExpectedConditions.attributeToBe(By.id("audit-from"), "type", "date"));
        assertTrue(driver.findElements(By.cssSelector(".query-refused")).isEmpty(), "no reason once the date is readable");
        assertEquals("2026-01-01", value("audit-from"));
    }

    @Test
    void shouldShowTheCaseListWithTheReasonForAnOldBookmark() {
        fixtures.account("query-browser-list", Role.COORDINATOR);
        String ref = fixtures.submittedCase(true);
        logIn("query-browser-list", "/inbox?status=xyz&page=abc&ref=" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".query-refused[data-field=status]")));
        assertEquals(2, driver.findElements(By.cssSelector(".query-refused")).size(), "the status and the page");
        assertEquals(1, driver.findElements(By.cssSelector("#case-list tr[data-ref='" + ref + "']")).size(),
                "the list, filtered by the reference that was valid");
        assertEquals(ref, value("ref-search"));
        assertTrue((Boolean) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var r = document.querySelectorAll('.query-refused'); return r[r.length - 1].nextElementSibling"
                        + " === document.getElementById('case-filters');"), "the reasons right above the filter form");
    }

    @Test
    void shouldKeepRefreshingAListOpenedWithAValueItCannotUse() throws Exception {
        fixtures.account("query-browser-live", Role.COORDINATOR);
        logIn("query-browser-live", "/inbox?status=xyz");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".query-refused[data-field=status]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        // The list is the open cases (the status it could not use left out), so a report coming in now belongs on it.
        String ref = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> fixtures.submittedTelegramCase(id.ruangaman.testing.TelegramFixtures.newChatId())).get();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-list tr[data-ref='" + ref + "']")));
        assertEquals(1, driver.findElements(By.cssSelector(".query-refused")).size(), "the reason stays, said once");
        assertTrue(driver.getCurrentUrl().endsWith("/inbox?status=xyz"), "no reload: " + driver.getCurrentUrl());
    }

    private void logIn(String username, String path) {
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    private String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }
}
