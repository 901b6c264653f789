package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import id.ruangaman.transcript.ChatMessage;
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

    /**
     * A counsellor has the case page open when the survivor corrects their story (Telegram {@code edited_message} of the
     * line typed during the intake, after the report): without a reload, the report's chronology says the new words,
     * marked "Diubah pelapor", and the words sent are one click away. Before, the open page's report never changed, and a
     * reload showed only the old words.
     */
    @Test
    void shouldShowTheSurvivorsCorrectionOfTheStoryOnTheOpenCasePage() {
        String story = "Kronologi sintetis: di lab lantai 3.";
        long chat = chats.reportedTelegramChat(story);
        String ref = chats.referenceOf(chat);
        long messageId = Long.parseLong(chats.transcript(chat).stream().filter(m -> m.direction == ChatMessage.Direction.IN
                && m.body != null && m.body.contains(story)).findFirst().orElseThrow().providerMessage);
        fixtures.account("correction-browser", Role.COUNSELLOR);
        driver.get(base.toString().replaceAll("/$", "") + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("correction-browser", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("intake")));
        assertTrue(driver.findElements(By.cssSelector("#intake .corrected")).isEmpty(), "nothing corrected yet");
        markNotReloaded();

        chats.editTelegram(chat, messageId, "Kronologi sintetis: di lab lantai 4, bukan 3.");

        WebElement mark = lineShownInPlace("corrected-chronology", "Diubah pelapor");
        WebElement answer = mark.findElement(By.xpath(".."));
        assertTrue(answer.getText().contains("di lab lantai 4, bukan 3."), answer.getText());
        WebElement sent = answer.findElement(By.cssSelector("details.reported"));
        assertFalse(sent.findElement(By.tagName("s")).isDisplayed(), "the words sent wait behind a click");
        sent.findElement(By.tagName("summary")).click();
        assertEquals(story, sent.findElement(By.tagName("s")).getText());
    }

    private Object inView(WebElement element) {
        return js("var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", element);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
