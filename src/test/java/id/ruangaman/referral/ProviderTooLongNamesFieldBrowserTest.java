package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 13, item 1: a provider form refused because one of its texts is too long names that field in its reason
 * ("Alamat: Teks terlalu panjang: 320 karakter, batasnya 300."), marks it, and keeps everything typed; the reason is
 * said once on the page. In a real browser that types the new-provider form and submits it (the address pasted past
 * the field's maxlength, as an older page or a paste would). Synthetic provider.
 */
@QuarkusTest
class ProviderTooLongNamesFieldBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldNameTheFieldThatIsTooLong() {
        fixtures.account("provider-long-coordinator", Role.COORDINATOR);
        driver.get(base.toString().replaceAll("/$", "") + "/inbox/providers");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin("provider-long-coordinator", InboxFixtures.PASSWORD);
        WebElement name = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form input[name=name]")));
        WebElement form = name.findElement(By.xpath("./ancestor::form"));
        name.sendKeys("Layanan Sintetis Panjang");
        form.findElement(By.cssSelector("input[name=service][value=legal]")).click();
        form.findElement(By.name("region")).sendKeys("Jawa Tengah");
        form.findElement(By.name("city")).sendKeys("Kota Uji");
        String address = "Jalan Sintetis Nomor Satu, ".repeat(12); // 324 characters, the field takes 300
        ((JavascriptExecutor) driver).executeScript("arguments[0].removeAttribute('maxlength'); arguments[0].value = arguments[1];",
                form.findElement(By.name("address")), address);
        form.findElement(By.cssSelector("input[name=cost][value=free]")).click();
        form.findElement(By.cssSelector("input[name=minors][value=no]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement reason = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-refused")));
        assertTrue(reason.getText().startsWith("Alamat: Teks terlalu panjang: 324 karakter, batasnya 300."), reason.getText());
        assertEquals(1, driver.findElements(By.cssSelector("main .alert")).size(), "the reason once");
        WebElement kept = driver.findElement(By.cssSelector("form input[name=address]"));
        assertEquals(address, kept.getAttribute("value"), "what was typed is kept");
        assertEquals("true", kept.getAttribute("aria-invalid"), "the field that is too long is marked");
        assertEquals("Layanan Sintetis Panjang", driver.findElement(By.cssSelector("form input[name=name]")).getAttribute("value"));
    }
}
