package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.testing.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A coordinator lists only the cases whose reporter said they are in danger now: the case list's BAHAYA box, ticked in
 * Chromium with a reference typed, keeps the case in danger, leaves out one that is not, and stays ticked in the address
 * and the form for the next search. Before, the list had no such filter (danger only sorted first). Synthetic cases.
 */
@QuarkusTest
class DangerFilterBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    EntityManager em;

    @Test
    void shouldListOnlyTheCasesInDangerWhenTheBoxIsTicked() {
        String coordinator = "danger-filter-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.account(coordinator, id.ruangaman.security.Role.COORDINATOR);
        String inDanger = fixtures.submittedCase(true);
        String safe = fixtures.submittedCase(true);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update intake set in_danger = (reference_code = ?1) where reference_code in (?1, ?2)")
                .setParameter(1, inDanger).setParameter(2, safe).executeUpdate());

        driver.get(base.toString().replaceAll("/$", "") + "/inbox");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin(coordinator, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filter-danger")));
        assertEquals("BAHAYA (pelapor dalam bahaya sekarang)", driver.findElement(By.id("filter-danger")).findElement(By.xpath("..")).getText());

        check(By.id("filter-danger"));
        type(By.id("ref-search"), inDanger);
        driver.findElement(By.id("ref-search")).submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-list tr[data-ref='" + inDanger + "']")));
        assertTrue(driver.getCurrentUrl().contains("danger=yes"), driver.getCurrentUrl());
        assertTrue(driver.findElement(By.id("filter-danger")).isSelected(), "still ticked after the search");

        type(By.id("ref-search"), safe);
        driver.findElement(By.id("ref-search")).submit();
        wait.until(ExpectedConditions.urlContains("ref=" + safe));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        assertEquals(0, driver.findElements(By.cssSelector("#case-list tr[data-ref='" + safe + "']")).size(),
                "a case not in danger is left out");
        assertTrue(driver.findElement(By.id("filter-danger")).isSelected(), "the box stays ticked, combined with the reference");
    }
}
