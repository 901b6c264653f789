package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Danger written in the chat after the report ("dia di depan pintu") marks the case in danger, and the counsellor must
 * see it where the survivor's new line first shows. Before, an open case page followed the transcript live but its
 * danger flag only after a reload, so the line "dia di depan pintu" stood under a case title that said nothing of
 * danger; and the case list's unread count did not say that an unread line was one of danger.
 */
@QuarkusTest
class DangerSaidLiveBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    TelegramChats chats;

    @Test
    void anOpenCasePageShowsTheDangerFlagWithTheLineThatSaysDanger() throws Exception {
        long chat = TelegramFixtures.newChatId();
        String ref = CompletableFuture.supplyAsync(() -> fixtures.submittedTelegramCase(chat)).get();
        openAs("danger-page-counsellor", "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transcript-lines")));
        assertTrue(driver.findElements(By.cssSelector("h1.case-title .flag")).isEmpty(), "a report without danger");

        String line = "tolong kak, dia di depan pintu";
        CompletableFuture.runAsync(() -> chats.send(TelegramFixtures.text(chat, line), chat)).get();

        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//li[contains(@class,'in')][.//div[@class='text' and contains(., '" + line + "')]]")));
        // the case title, as a reload shows it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1.case-title .flag"), "BAHAYA"));
        assertTrue(driver.findElement(By.id("danger-said")).getText().startsWith("bahaya ditulis di chat"),
                driver.findElement(By.id("danger-said")).getText());
    }

    @Test
    void theCaseListSaysThatAnUnreadLineSaysDanger() throws Exception {
        long chat = TelegramFixtures.newChatId();
        String ref = CompletableFuture.supplyAsync(() -> fixtures.submittedTelegramCase(chat)).get();
        openAs("danger-list-counsellor", "/inbox?ref=" + ref);
        By row = By.cssSelector("#case-list tr[data-ref='" + ref + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertTrue(driver.findElements(By.cssSelector("#case-list tr[data-ref='" + ref + "'] .danger-unread")).isEmpty());

        CompletableFuture.runAsync(() -> chats.send(TelegramFixtures.text(chat, "halo kak, ini pesan biasa"), chat)).get();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-list tr[data-ref='" + ref + "'] .unread")));
        assertTrue(driver.findElements(By.cssSelector("#case-list tr[data-ref='" + ref + "'] .danger-unread")).isEmpty(),
                "an ordinary line says nothing of danger");

        CompletableFuture.runAsync(() -> chats.send(TelegramFixtures.text(chat, "dia mau datang ke kos malam ini"), chat)).get();
        By said = By.cssSelector("#case-list tr[data-ref='" + ref + "'] .danger-unread");
        wait.until(ExpectedConditions.presenceOfElementLocated(said));
        assertEquals("Menyebut bahaya", driver.findElement(said).getText());
    }

    private void openAs(String username, String path) {
        fixtures.account(username, Role.COUNSELLOR);
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + path);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin(username, InboxFixtures.PASSWORD);
    }
}
