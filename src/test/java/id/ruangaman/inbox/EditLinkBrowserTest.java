package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In a real browser, an edit line on a case's page shows the first words of the message it changes, and its link
 * scrolls to that message, far above on a long conversation (Telegram {@code edited_message} through the webhook).
 * Synthetic chat and texts.
 */
@QuarkusTest
class EditLinkBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    TelegramChats chats;
    @Inject
    InboxFixtures fixtures;

    EditLinkBrowserTest() {
        super(1280, 700);
    }

    @Test
    void shouldShowTheExcerptAndScrollToTheOriginalWhenItsLinkIsFollowed() {
        long chat = chats.reportedTelegramChat("Kronologi sintetis untuk uji peramban.");
        String ref = chats.referenceOf(chat);
        long messageId = chats.sayTelegram(chat, "Kejadiannya tanggal 13 Maret (sintetis)");
        for (int i = 1; i <= 12; i++) { // a long conversation after it
            chats.send(TelegramFixtures.text(chat, "Pesan lanjutan sintetis nomor " + i), chat);
        }
        chats.editTelegram(chat, messageId, "Kejadiannya tanggal 12 Maret (sintetis)");
        fixtures.account("edit-link-browser", Role.COUNSELLOR);

        driver.get(base.toString().replaceAll("/$", "") + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("edit-link-browser", InboxFixtures.PASSWORD);
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".edit-of-link")));
        String target = link.getAttribute("href").replaceAll("^.*#", "");
        WebElement original = driver.findElement(By.id(target));
        assertTrue(original.getText().contains("Kejadiannya tanggal 13 Maret (sintetis)"), "the link leads to the original line");
        assertEquals("Mengubah pesan \u201cKejadiannya tanggal 13 Maret (sintetis)\u201d",
                driver.findElement(By.cssSelector(".edit-of")).getText(), "the excerpt as read");

        js("arguments[0].scrollIntoView({block: 'end'});", link);
        assertEquals(Boolean.FALSE, inView(original), "the original is out of sight before the link is followed");
        link.click();

        wait.until(d -> Boolean.TRUE.equals(inView(original)));
        assertEquals("#" + target, js("return location.hash;"));
    }

    private Object inView(WebElement element) {
        return js("var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", element);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
