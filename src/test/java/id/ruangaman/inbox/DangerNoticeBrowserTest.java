package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor on a narrowed case list (a filter, a view, a later page) was told that a survivor wrote on a case the
 * list hides, but never that the line said the person is in danger now: "dia di depan pintu" on a hidden case was
 * counted like "terima kasih kak". The list now has a danger notice of its own, above the others, that names no case
 * and whose link opens the case. In a real browser, with the person's lines posted as the platforms' webhooks (Telegram
 * and WhatsApp). Synthetic cases and texts.
 */
@QuarkusTest
class DangerNoticeBrowserTest extends BrowserTest {

    private static final By DANGER = By.cssSelector("#new-danger:not([hidden])");

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    TelegramChats chats;

    @Test
    void aLineOfDangerOnATelegramCaseTheListHidesRaisesTheDangerNoticeAndACalmLineDoesNot() throws Exception {
        long chat = TelegramFixtures.newChatId();
        String ref = CompletableFuture.supplyAsync(() -> fixtures.submittedTelegramCase(chat)).get();
        openAs("danger-notice-tg", "/inbox?channel=WHATSAPP"); // a WhatsApp-only list hides the Telegram case
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-danger")));
        assertTrue(driver.findElements(By.cssSelector("#case-list tr[data-ref='" + ref + "']")).isEmpty(), "the list hides the case");

        // A calm line: counted as a message, not as danger.
        CompletableFuture.runAsync(() -> chats.send(TelegramFixtures.text(chat, "halo kak, terima kasih ya"), chat)).get();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#new-messages:not([hidden])")));
        assertTrue(driver.findElements(DANGER).isEmpty(), "a calm line must not raise the danger notice");

        String line = "tolong kak, dia di depan pintu";
        CompletableFuture.runAsync(() -> chats.send(TelegramFixtures.text(chat, line), chat)).get();
        wait.until(ExpectedConditions.textToBe(DANGER,
                "BAHAYA: di 1 kasus yang tidak tampil di sini, pelapor menyebut sedang dalam bahaya — buka"));
        // Its words name no case and hold nothing the person wrote; only its link leads to the case.
        String shown = driver.findElement(DANGER).getText();
        assertFalse(shown.contains(ref) || shown.contains("pintu"), "the notice names no case and no text: " + shown);
        assertEquals("new-danger", driver.findElement(By.cssSelector("p.live-notice")).getAttribute("id"),
                "the danger notice comes above the others");

        driver.findElement(By.cssSelector("#new-danger a")).click();
        wait.until(ExpectedConditions.urlContains("/inbox/cases/"));
        assertEquals("/inbox/cases/" + ref, URI.create(driver.getCurrentUrl()).getPath(), "the notice opens the case");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1.case-title .flag"), "BAHAYA"));
    }

    @Test
    void aLineOfDangerOnAWhatsAppCaseTheListHidesRaisesTheDangerNoticeInEnglish() throws Exception {
        String number = CompletableFuture.supplyAsync(() -> chats.reportedWhatsAppNumber("Kejadian sintetis di kampus")).get();
        String ref = chats.referenceOf(id.ruangaman.transcript.Channel.WHATSAPP, number);
        openAs("danger-notice-wa", "/inbox?channel=TELEGRAM");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        driver.manage().addCookie(new Cookie("ruangaman-lang", "en"));
        driver.get(base.toString().replaceAll("/$", "") + "/inbox?channel=TELEGRAM");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-danger")));

        CompletableFuture.runAsync(() -> chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json",
                "kak dia udah di depan kos aku, takut", null, null)).get();
        wait.until(ExpectedConditions.textToBe(DANGER,
                "DANGER: on 1 case not shown here, the person reporting said they may be in danger now — open"));
        WebElement link = driver.findElement(By.cssSelector("#new-danger a"));
        link.click();
        wait.until(ExpectedConditions.urlContains("/inbox/cases/"));
        assertEquals("/inbox/cases/" + ref, URI.create(driver.getCurrentUrl()).getPath(), "the notice opens the case");
    }

    private void openAs(String username, String path) {
        fixtures.account(username, Role.COUNSELLOR);
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + path);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        driver.get(root + path);
    }
}
