package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A case a deactivation returned to the queue says so where a coordinator looks for its counsellor: the case list's
 * assignee cell reads "Dikembalikan: pendamping nonaktif" (it read "—", like any case nobody ever took), and the case
 * page says from whom and when it came back, in the reader's language. Assigned again, both are gone. The deactivation
 * is pressed on the Akun page in Chromium. Synthetic accounts and cases.
 */
@QuarkusTest
class ReturnedCaseShownBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    EntityManager em;

    @Test
    void shouldLabelAReturnedCaseInTheListAndSayFromWhomAndWhenOnItsPage() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account coordinator = fixtures.account("rcs-coord-" + suffix, Role.COORDINATOR);
        Account leaving = fixtures.account("rcs-leaving-" + suffix, Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        String never = fixtures.submittedCase(true);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set assignee_id = ?1 where reference_code = ?2")
                .setParameter(1, leaving.id).setParameter(2, ref).executeUpdate());
        open("/inbox/accounts");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin(coordinator.username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tr[td[1][normalize-space()='" + leaving.username + "']]//button[@name='active' and @value='false']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("returned-cases-" + leaving.id)));

        assertEquals("Dikembalikan: pendamping nonaktif", assigneeCell(ref));
        assertEquals("—", assigneeCell(never), "a case nobody took is still a dash");

        open("/inbox/cases/" + ref);
        String said = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-returned"))).getText();
        assertTrue(said.matches("Dikembalikan ke antrean dari " + leaving.username
                + " pada \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\S+: akunnya dinonaktifkan\\."), said);

        driver.manage().addCookie(new Cookie("ruangaman-lang", "en", "/"));
        driver.navigate().refresh();
        said = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-returned"))).getText();
        assertTrue(said.matches("Returned to the queue from " + leaving.username
                + " on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\S+: their account was deactivated\\."), said);
        assertEquals("Returned: counsellor deactivated", assigneeCell(ref));

        // Taken by the coordinator: the case is someone's again, and neither line is shown.
        open("/inbox/cases/" + ref);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("assignee"))).selectByValue(String.valueOf(coordinator.id));
        driver.findElement(By.id("assign")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertTrue(driver.findElements(By.id("case-returned")).isEmpty(), "no longer said on the case page");
        assertFalse(assigneeCell(ref).startsWith("Returned"), assigneeCell(ref));
    }

    /**
     * A coordinator looks at the returned view while another coordinator deactivates a counsellor (another session): the
     * returned case appears in the list without a reload, labelled. Before, a deactivation recorded no inbox event, and
     * the open list stayed as it was.
     */
    @Test
    void shouldShowACaseReturnedInAnotherSessionOnTheOpenReturnedViewWithoutAReload() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account watching = fixtures.account("rcl-watch-" + suffix, Role.COORDINATOR);
        Account other = fixtures.account("rcl-other-" + suffix, Role.COORDINATOR);
        Account leaving = fixtures.account("rcl-leaving-" + suffix, Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set assignee_id = ?1 where reference_code = ?2")
                .setParameter(1, leaving.id).setParameter(2, ref).executeUpdate());
        open("/inbox?view=returned");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin(watching.username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        assertTrue(driver.findElements(By.cssSelector("#case-list tr[data-ref='" + ref + "']")).isEmpty(), "not returned yet");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.body.setAttribute('data-not-reloaded', 'yes')");

        InboxFixtures.as(InboxFixtures.login(other.username)).formParam("active", "false").when()
                .post("/inbox/accounts/" + leaving.id + "/active").then().statusCode(303);

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-list tr[data-ref='" + ref + "']")));
        assertEquals("Dikembalikan: pendamping nonaktif", row.findElements(By.tagName("td")).get(8).getText());
        assertEquals("yes", driver.findElement(By.tagName("body")).getAttribute("data-not-reloaded"), "the page was not reloaded");
    }

    private void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    /** The assignee cell of the case in the case list (searched by its reference, so it is on the page). */
    private String assigneeCell(String ref) {
        open("/inbox?ref=" + ref);
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-list tr[data-ref='" + ref + "']")));
        return row.findElements(By.tagName("td")).get(8).getText();
    }
}
