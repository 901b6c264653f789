package id.ruangaman.channel.dev;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.quarkus.test.common.http.TestHTTPResource;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The README's "try it locally" path in a real browser: start the intake in /dev/chat and answer by typing into
 * the rendered send form (its CSRF field included), as well as by tapping buttons.
 */
@QuarkusTest
class DevChatBrowserTest extends BrowserTest {

    DevChatBrowserTest() {
        super(375, 900);
    }


    @TestHTTPResource("/")
    URL base;




    @Test
    void shouldWalkTheIntakeByTypingAndTapping() {
        driver.get(base.toString().replaceAll("/$", "") + "/dev/chat");
        driver.findElement(By.xpath("//button[contains(., 'intake')]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat-text")));
        driver.findElement(By.xpath("//button[normalize-space(.)='Bahasa Indonesia']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Kamu setuju dan mau lanjut?"));

        type("iyaa"); // a natural yes, typed
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "apakah kamu dalam bahaya sekarang?"));
        type("tidak");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Apakah aman chat di HP ini?"));
        driver.findElement(By.xpath("//div[contains(@class,'choices') and not(contains(@class,'old'))]//button[contains(., 'Ya, aman')]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Kejadian ini dialami siapa?"));
        String body = driver.findElement(By.tagName("body")).getText();
        assertFalse(body.contains("400") || body.contains("Bad Request"), body);
        // The person's own taps read as the buttons they tapped, not as option ids.
        assertTrue(body.contains("[Bahasa Indonesia]") && body.contains("[Ya, aman]"), body);
        assertFalse(body.contains("[id]") || body.contains("[yes]"), body);

        // The buttons of answered questions look inactive; the current question's do not.
        assertFalse(driver.findElements(By.cssSelector(".choices.old")).isEmpty(), "answered questions' buttons not marked");
        assertTrue(driver.findElements(By.cssSelector(".choices:not(.old)")).size() == 1, "exactly one live set of buttons");
        driver.findElement(By.xpath("//div[contains(@class,'choices') and not(contains(@class,'old'))]//button[contains(., 'Saya sendiri')]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Sekarang kamu bisa pilih"));
    }

    /**
     * "diteruskan dari chat lain" ticked beside the message box sends the line as Telegram and WhatsApp send a forwarded
     * message: at the consent question a forwarded "iya" is no consent, and the page shows the line as forwarded.
     */
    @Test
    void shouldSendALineAsForwardedWhenTicked() {
        driver.get(base.toString().replaceAll("/$", "") + "/dev/chat");
        driver.findElement(By.xpath("//button[contains(., 'intake')]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat-text")));
        driver.findElement(By.xpath("//button[normalize-space(.)='Bahasa Indonesia']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Kamu setuju dan mau lanjut?"));

        driver.findElement(By.id("chat-forwarded")).click();
        type("iya");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Pesan itu diteruskan dari chat lain"));
        String body = driver.findElement(By.tagName("body")).getText();
        assertTrue(body.contains("[diteruskan / forwarded] iya"), body);
        assertFalse(body.contains("apakah kamu dalam bahaya sekarang?"), "a forwarded yes is no consent: " + body);
    }

    /**
     * An upload through the rendered form reads as its kind in the page's words, with its caption only when one was
     * typed: not "[document: ]" for an empty caption field, and never the kind's code.
     */
    @Test
    void shouldShowAnUploadAsItsKindAndTheCaptionTyped() throws Exception {
        driver.get(base.toString().replaceAll("/$", "") + "/dev/chat");
        driver.findElement(By.xpath("//button[contains(., 'intake')]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat-text")));
        Path file = Files.createTempFile("bukti-sintetis", ".txt");
        Files.writeString(file, "isi berkas sintetis untuk uji");
        try {
            upload("document", file, "");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "[dokumen / document]"));
            upload("photo", file, "  tangkapan layar sintetis ");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "[foto / photo: tangkapan layar sintetis]"));
        } finally {
            Files.deleteIfExists(file);
        }
        String body = driver.findElement(By.tagName("body")).getText();
        assertFalse(body.contains("[document: ]") || body.contains("[document]") || body.contains("[photo"), body);
    }

    private void upload(String kind, Path file, String caption) {
        WebElement form = driver.findElement(By.xpath("//form[contains(@action, '/media')]"));
        if (!form.isDisplayed()) {
            driver.findElement(By.xpath("//summary[contains(., 'Kirim bukti')]")).click();
        }
        new Select(form.findElement(By.name("kind"))).selectByValue(kind);
        form.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        form.findElement(By.name("caption")).sendKeys(caption);
        form.findElement(By.xpath(".//button[contains(., 'Unggah')]")).click();
        wait.until(ExpectedConditions.stalenessOf(form));
    }

    private void type(String text) {
        var box = driver.findElement(By.id("chat-text"));
        box.sendKeys(text);
        driver.findElement(By.id("chat-send")).click();
    }
}
