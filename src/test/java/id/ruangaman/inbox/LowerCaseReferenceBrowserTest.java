package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor types a case's reference as it came to them, in lower case with a space around, into the list's search
 * and finds the case; the same reference in lower case in the address opens the case page ({@link CaseReference}). In
 * a real browser. Synthetic case.
 */
@QuarkusTest
class LowerCaseReferenceBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldFindAndOpenACaseTypedInLowerCase() {
        fixtures.account("lower-ref-browser", Role.COORDINATOR);
        String ref = fixtures.submittedCase(true);
        String lower = ref.toLowerCase(Locale.ROOT);
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("lower-ref-browser", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ref-search")));

        type(By.id("ref-search"), " " + lower + " ");
        driver.findElement(By.id("ref-search")).submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-list tr[data-ref='" + ref + "']")));
        assertEquals(1, driver.findElements(By.cssSelector("#case-list tr[data-ref]")).size(), "only the case typed");

        driver.get(root + "/inbox/cases/" + lower);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains(ref), "the case page, its reference as it is made");
    }
}
