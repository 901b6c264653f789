package id.ruangaman.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.BrowserTest;
import id.ruangaman.testing.HeadlessChromium;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor's own browser locked after repeated wrong passwords, seen and lifted by a coordinator on the Akun page,
 * each in a real browser (Debian's chromium + chromedriver). The counsellor's row says the browser is locked and until
 * when, in words in Bahasa Indonesia and in English, never a code; the coordinator presses Buka kunci; the row says so,
 * the unlock is in the audit log, and the counsellor's browser logs in with the right password at once, the password
 * unchanged. Synthetic accounts.
 */
@QuarkusTest
class UnlockAccountBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    EntityManager em;

    @Test
    void shouldShowALockedBrowserAndLetACoordinatorUnlockIt() throws Exception {
        String username = "kunci-" + UUID.randomUUID().toString().substring(0, 8);
        Account counsellor = fixtures.account(username, Role.COUNSELLOR);
        fixtures.account("unlock-coordinator", Role.COORDINATOR);
        String root = base.toString().replaceAll("/$", "");

        // The counsellor's browser logs in once (it becomes trusted), then its person mistypes the password again and again.
        driver.get(root + "/login");
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout"))).click();
        for (int i = 0; i < 5; i++) {
            failLogin(username, "salah-ketik-sintetis-" + i);
        }
        failLogin(username, InboxFixtures.PASSWORD);
        assertTrue(driver.findElements(By.id("logout")).isEmpty(), "locked: even the right password is refused");

        try (HeadlessChromium other = HeadlessChromium.start(1280, 1600)) {
            WebDriver coordinator = other.driver();
            WebDriverWait waitFor = other.await();
            coordinator.get(root + "/inbox/accounts");
            waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username"))).sendKeys("unlock-coordinator");
            coordinator.findElement(By.id("j_password")).sendKeys(InboxFixtures.PASSWORD);
            coordinator.findElement(By.id("login")).click();
            waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
            coordinator.get(root + "/inbox/accounts");
            WebElement flag = waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("browser-locked-" + username)));
            assertEquals("BROWSER DIKUNCI", flag.getText());
            String row = flag.findElement(By.xpath("./ancestor::tr")).getText();
            assertTrue(row.contains("Browser yang biasa dipakai akun ini dikunci sampai"), row);

            coordinator.findElement(By.id("switch-language")).click();
            waitFor.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
            row = coordinator.findElement(By.id("browser-locked-" + username)).findElement(By.xpath("./ancestor::tr")).getText();
            assertTrue(row.contains("BROWSER LOCKED") && row.contains("The browser this account usually signs in with is locked until"),
                    row);

            WebElement unlock = coordinator.findElement(By.id("unlock-" + counsellor.id));
            assertEquals("Unlock", unlock.getText());
            unlock.click();
            waitFor.until(ExpectedConditions.stalenessOf(unlock));
            WebElement said = waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
            assertTrue(said.getText().startsWith("The account's sign-in lock was lifted"), said.getText());
            assertTrue(coordinator.findElements(By.id("browser-locked-" + username)).isEmpty(), "no longer locked");
            assertTrue(coordinator.findElements(By.id("unlock-" + counsellor.id)).isEmpty(), "nothing left to unlock");
        }
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_event where action = 'account_unlock' and detail = ?1")
                .setParameter(1, "account:" + counsellor.id).getSingleResult()).longValue()), "audited");

        // The counsellor's browser logs in now, with the password it always had.
        driver.get(root + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username"))).clear();
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertFalse(driver.getCurrentUrl().contains("/login"), driver.getCurrentUrl());
    }

    /** Types a login that is refused, and waits for the login page it is answered with (the one sent from gone). */
    private void failLogin(String username, String password) {
        WebElement button = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        driver.findElement(By.id("j_username")).clear(); // the page puts back the username typed before
        typeLogin(username, password);
        wait.until(ExpectedConditions.stalenessOf(button));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
    }
}
