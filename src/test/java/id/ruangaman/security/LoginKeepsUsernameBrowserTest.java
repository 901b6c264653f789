package id.ruangaman.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A mistyped password does not cost the counsellor the username: the refused login shows its reason with the username
 * still in its box and the cursor in the empty password box, as any refused form keeps what was typed (never the
 * password). Then the right password logs in. In a real browser: the form login's redirect is what loses it.
 * Synthetic account.
 */
@QuarkusTest
class LoginKeepsUsernameBrowserTest extends BrowserTest {

    LoginKeepsUsernameBrowserTest() {
        super(1280, 900);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldKeepTheUsernameAfterAWrongPassword() {
        fixtures.account("keeps-username", Role.COUNSELLOR);
        String root = base.toString().replaceAll("/$", "");

        driver.get(root + "/login");
        typeLogin("keeps-username", "not-the-password-123");
        wait.until(ExpectedConditions.urlContains("error="));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".login .alert")));

        assertEquals("keeps-username", driver.findElement(By.id("j_username")).getAttribute("value"), "the username is kept");
        assertEquals("", driver.findElement(By.id("j_password")).getAttribute("value"), "the password never is");
        assertEquals("j_password", driver.switchTo().activeElement().getAttribute("id"), "the cursor waits in the password box");

        driver.findElement(By.id("j_password")).sendKeys(InboxFixtures.PASSWORD);
        driver.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals(root + "/inbox", driver.getCurrentUrl());
    }
}
