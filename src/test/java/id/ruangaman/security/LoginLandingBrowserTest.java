package id.ruangaman.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor who opens the login page directly (a bookmark, the address typed, the page after logging out) lands
 * on the case list after a correct password, not on the login form again; a login that started at a deep link still
 * returns to that link. In a real browser, so the form-login cookies behave as they do for people. Synthetic account.
 */
@QuarkusTest
class LoginLandingBrowserTest extends BrowserTest {

    LoginLandingBrowserTest() {
        super(1280, 900);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;




    @Test
    void shouldLandOnTheCaseListAfterLoggingInFromTheLoginPageItself() {
        fixtures.account("landing-counsellor", Role.COUNSELLOR);
        String root = root();

        driver.get(root + "/login");
        logIn("landing-counsellor");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals(root + "/inbox", driver.getCurrentUrl(), "a login from the bookmarked page lands on the case list");

        // Logged out, the browser is on the login page; logging in again lands on the case list too.
        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        logIn("landing-counsellor");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals(root + "/inbox", driver.getCurrentUrl(), "a login after logging out lands on the case list");

        // Already logged in, the bookmark of the login page opens the case list.
        driver.get(root + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals(root + "/inbox", driver.getCurrentUrl(), "the login page of a logged-in counsellor opens the case list");
    }

    @Test
    void shouldLandOnTheCaseListWhenTheLoginPageIsOpenedWithAnEndedSessionsCookie() {
        fixtures.account("landing-ended", Role.COUNSELLOR);
        String root = root();
        driver.get(root + "/login");
        logIn("landing-ended");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));

        // The session ends on the server (another tab logged out everywhere, an idle timeout); the cookie stays.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("update account_session set ended_at = now() where account_id = "
                        + "(select id from account where username = 'landing-ended') and ended_at is null").executeUpdate());
        driver.get(root + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        logIn("landing-ended");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals(root + "/inbox", driver.getCurrentUrl(), "a login after the session ended lands on the case list");
    }

    @Test
    void shouldReturnToTheDeepLinkALoginStartedFrom() {
        fixtures.account("landing-deep", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        String root = root();

        driver.get(root + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        logIn("landing-deep");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals(root + "/inbox/cases/" + ref, driver.getCurrentUrl());
        assertTrue(driver.getPageSource().contains(ref));
    }

    private void logIn(String username) {
        typeLogin(username, InboxFixtures.PASSWORD);
    }

    private String root() {
        return base.toString().replaceAll("/$", "");
    }
}
