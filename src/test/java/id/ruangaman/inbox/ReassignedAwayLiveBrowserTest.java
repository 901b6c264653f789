package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor looks at their own cases while a coordinator (another session) reassigns one of them to a colleague: the
 * case leaves the open list without a reload. Before, the live feed told only the new assignee, and the case stayed on
 * the list as the counsellor's own until they reloaded it. The list is opened on the case's reference, so the case is
 * on the page whatever else the suite has made. Synthetic accounts and case.
 */
@QuarkusTest
class ReassignedAwayLiveBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldTakeACaseReassignedAwayOffTheOpenListWithoutAReload() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account from = fixtures.account("raw-from-" + suffix, Role.COUNSELLOR);
        Account to = fixtures.account("raw-to-" + suffix, Role.COUNSELLOR);
        Account coordinator = fixtures.account("raw-coord-" + suffix, Role.COORDINATOR);
        String ref = fixtures.submittedCase(true);
        InboxFixtures.as(InboxFixtures.login(from.username)).formParam("assignee", "me").when()
                .post("/inbox/cases/" + ref + "/assign").then().statusCode(303);

        driver.get(base.toString().replaceAll("/$", "") + "/inbox?view=mine&ref=" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin(from.username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-list tr[data-ref='" + ref + "']")));
        ((JavascriptExecutor) driver).executeScript("document.body.setAttribute('data-not-reloaded', 'yes')");

        InboxFixtures.as(InboxFixtures.login(coordinator.username)).formParam("assignee", String.valueOf(to.id)).when()
                .post("/inbox/cases/" + ref + "/assign").then().statusCode(303);

        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#case-list tr[data-ref='" + ref + "']")));
        assertEquals("yes", driver.findElement(By.tagName("body")).getAttribute("data-not-reloaded"), "the page was not reloaded");
    }
}
