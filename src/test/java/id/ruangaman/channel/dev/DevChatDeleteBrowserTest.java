package id.ruangaman.channel.dev;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * /hapus in /dev/chat, in a real browser, as on Telegram: the bot's confirmation question is seen in the chat and is
 * answered there, by typing or by tapping; after the erasure its confirmation is seen in the same chat, and the chat
 * can begin again. Before, the page jumped to the list of flows and the person never saw what happened.
 */
@QuarkusTest
class DevChatDeleteBrowserTest extends BrowserTest {

    private static final String CONFIRM = "Hapus semua yang sudah kamu kirim di sini?";
    private static final String DONE = "Sudah dihapus dari server kami";

    DevChatDeleteBrowserTest() {
        super(375, 900);
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldAskAndEraseInTheSameChatByTyping() {
        String chat = startIntake();
        type("/hapus");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), CONFIRM));
        assertTrue(driver.getCurrentUrl().startsWith(chat), "still the chat: " + driver.getCurrentUrl());

        type("ya");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), DONE));
        assertTrue(driver.getCurrentUrl().startsWith(chat), "the erasure's answer is seen in the chat: " + driver.getCurrentUrl());
        String body = driver.findElement(By.tagName("body")).getText();
        assertTrue(!body.contains("Kamu setuju dan mau lanjut?"), "what was sent before is gone: " + body);

        type("/mulai"); // the same chat goes on, as a Telegram chat does after /hapus
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Bahasa Indonesia"));
        assertTrue(driver.getCurrentUrl().startsWith(chat), driver.getCurrentUrl());
    }

    @Test
    void shouldAskAndEraseInTheSameChatByTapping() {
        String chat = startIntake();
        type("/hapus");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), CONFIRM));
        tap("Tidak");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Baik, tidak ada yang dihapus."));
        assertTrue(driver.getCurrentUrl().startsWith(chat), driver.getCurrentUrl());

        type("/hapus");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.xpath("//div[contains(@class,'msg') and contains(., '" + CONFIRM + "')]"), 2));
        tap("Ya");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), DONE));
        assertTrue(driver.getCurrentUrl().startsWith(chat), driver.getCurrentUrl());
    }

    /** Opens a new intake chat and answers the language: the chat's address. */
    private String startIntake() {
        driver.get(base.toString().replaceAll("/$", "") + "/dev/chat");
        driver.findElement(By.xpath("//button[contains(., 'intake')]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat-text")));
        tap("Bahasa Indonesia");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Kamu setuju dan mau lanjut?"));
        return driver.getCurrentUrl().replaceAll("#.*$", "");
    }

    private void tap(String label) {
        driver.findElement(By.xpath("//div[contains(@class,'choices') and not(contains(@class,'old'))]//button[normalize-space(.)='" + label + "']"))
                .click();
    }

    private void type(String text) {
        driver.findElement(By.id("chat-text")).sendKeys(text);
        driver.findElement(By.id("chat-send")).click();
    }
}
