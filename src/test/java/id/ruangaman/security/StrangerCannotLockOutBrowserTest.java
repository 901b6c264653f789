package id.ruangaman.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URL;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor logs in and out in a real browser by typing into the login form; then a stranger types five wrong
 * passwords for the same username (from another client) and is locked out. The counsellor's browser, which holds the
 * device cookie of the earlier login, still logs in with the right password through the same form. Synthetic account.
 */
@QuarkusTest
class StrangerCannotLockOutBrowserTest extends BrowserTest {

    StrangerCannotLockOutBrowserTest() {
        super(1280, 900);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldLetTheCounsellorsBrowserInAfterAStrangerLockedTheAccount() {
        String username = "ayu-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.account(username, Role.COUNSELLOR);
        String root = base.toString().replaceAll("/$", "");

        driver.get(root + "/login");
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));

        for (int i = 0; i < 5; i++) {
            InboxFixtures.login(username, "a-strangers-guess-" + i);
        }
        assertNull(InboxFixtures.login(username, InboxFixtures.PASSWORD).cookie("ruangaman-session"),
                "the stranger is locked out, even with the right password");

        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals(root + "/inbox", driver.getCurrentUrl(), "the counsellor's browser logs in");
    }
}
