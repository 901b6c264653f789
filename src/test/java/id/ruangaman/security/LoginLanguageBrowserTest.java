package id.ruangaman.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The login page has the language switch every other page has: a counsellor who typed the username and then
 * switches (by keyboard: Tab to the switch, Enter) finds the page in the other language with the username still in
 * its box and the cursor in the password box, and logs in to an inbox in that language. In Chromium. Synthetic account.
 */
@QuarkusTest
class LoginLanguageBrowserTest extends BrowserTest {

    LoginLanguageBrowserTest() {
        super(1280, 900);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldSwitchTheLoginPageLanguageAndKeepTheUsername() {
        fixtures.account("switches-language", Role.COUNSELLOR);
        String root = base.toString().replaceAll("/$", "");

        driver.get(root + "/login");
        assertEquals("id", driver.findElement(By.tagName("html")).getAttribute("lang"));
        driver.findElement(By.id("j_username")).sendKeys("switches-language");
        driver.findElement(By.id("switch-language")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));

        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Log in"), driver.findElement(By.tagName("h1")).getText());
        assertEquals("switches-language", driver.findElement(By.id("j_username")).getAttribute("value"), "the username is kept");
        assertEquals("j_password", driver.switchTo().activeElement().getAttribute("id"), "the cursor waits in the password box");

        driver.switchTo().activeElement().sendKeys(InboxFixtures.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"), "the inbox is in the language chosen");
        assertEquals("Bahasa Indonesia", driver.findElement(By.id("switch-language")).getText());
    }
}
