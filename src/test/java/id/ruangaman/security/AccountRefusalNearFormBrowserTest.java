package id.ruangaman.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 13, item 1: a refused account form says why once, right above that form, and keeps what was typed (never a
 * password). The accounts page said it at the top, above a long table, far from the new-account form at the bottom;
 * the own-account page above the section of the password form. In a real browser that types and submits the forms.
 * Synthetic accounts.
 */
@QuarkusTest
class AccountRefusalNearFormBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldSayATakenUsernameOnceAboveTheNewAccountForm() {
        fixtures.account("near-accounts-coordinator", Role.COORDINATOR);
        fixtures.account("near-accounts-taken", Role.COUNSELLOR);
        logIn("near-accounts-coordinator", "/inbox/accounts");
        WebElement username = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-username")));
        username.sendKeys("near-accounts-taken");
        new Select(driver.findElement(By.id("new-role"))).selectByValue("pimpinan");
        username.findElement(By.xpath("./ancestor::form")).findElement(By.name("password")).sendKeys("synthetic-password-456");
        driver.findElement(By.id("create-account")).click();

        WebElement reason = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-username-refused")));
        assertEquals("Nama pengguna itu sudah dipakai.", reason.getText());
        assertEquals(1, driver.findElements(By.cssSelector("main .alert, main .error")).size(), "the reason once");
        assertTrue((Boolean) js("return arguments[0].previousElementSibling.contains(document.getElementById('new-username'));", reason),
                "the reason is right beside the username field");
        assertEquals("near-accounts-taken", driver.findElement(By.id("new-username")).getAttribute("value"), "what was typed is kept");
        assertEquals("pimpinan", new Select(driver.findElement(By.id("new-role"))).getFirstSelectedOption().getAttribute("value"));
    }

    /**
     * Walkthrough of the Akun page: a name with capitals and a space, and a short password, were refused one at a time (the
     * browser stopped at the short password first, then the server named the username). Now both are said at once, each
     * beside its field; the username and the role stay as typed, the password field is empty.
     */
    @Test
    void shouldSayEveryWrongFieldOfANewAccountAtOnceBesideIt() {
        fixtures.account("near-all-coordinator", Role.COORDINATOR);
        logIn("near-all-coordinator", "/inbox/accounts");
        WebElement username = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-username")));
        username.sendKeys("Budi Santoso");
        new Select(driver.findElement(By.id("new-role"))).selectByValue("coordinator");
        driver.findElement(By.id("new-password")).sendKeys("pendek");
        driver.findElement(By.id("create-account")).click();

        WebElement name = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-username-refused")));
        assertTrue(name.getText().startsWith("Nama pengguna: 3–64 huruf kecil"), name.getText());
        WebElement password = driver.findElement(By.id("new-password-refused"));
        assertTrue(password.getText().startsWith("Kata sandi terlalu pendek. Kata sandi paling sedikit"), password.getText());
        assertEquals(2, driver.findElements(By.cssSelector("main .alert, main .error")).size(), "each reason once");
        assertTrue((Boolean) js("return arguments[0].previousElementSibling.contains(document.getElementById('new-username'))"
                + " && arguments[1].previousElementSibling.contains(document.getElementById('new-password'));", name, password),
                "each reason beside its field");
        assertEquals("Budi Santoso", driver.findElement(By.id("new-username")).getAttribute("value"), "what was typed is kept");
        assertEquals("coordinator", new Select(driver.findElement(By.id("new-role"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("", driver.findElement(By.id("new-password")).getAttribute("value"), "never the password");
        assertEquals("true", driver.findElement(By.id("new-username")).getAttribute("aria-invalid"));
    }

    @Test
    void shouldSayAWrongCurrentPasswordOnceBesideThePasswordForm() {
        fixtures.account("near-own-counsellor", Role.COUNSELLOR);
        logIn("near-own-counsellor", "/inbox/account");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("current_password"))).sendKeys("not-the-password-1");
        driver.findElement(By.name("new_password")).sendKeys("synthetic-password-789");
        driver.findElement(By.name("repeat_password")).sendKeys("synthetic-password-789");
        driver.findElement(By.id("change-password")).click();

        WebElement reason = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main [role=alert]")));
        assertEquals(1, driver.findElements(By.cssSelector("main .alert, main .error")).size(), "the reason once");
        assertTrue((Boolean) js("return arguments[0].parentNode === document.getElementById('change-password').form.parentNode;", reason),
                "the reason is beside the password form, in its section");
    }

    private void logIn(String username, String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
