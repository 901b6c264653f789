package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.MediaKind;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.DevConversation;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.BrowserTest;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.transcript.MediaStaging;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 9, finding 16: opening a case page loads no evidence and writes no "Membuka bukti" row; a deliberate
 * click (here the keyboard's Enter, as a counsellor tabbing through the page would) loads one file, and that is the
 * one audit row. A photo then shows blurred until its veil is pressed; a voice note plays. In a real browser, so a
 * preview that loads by itself would be caught. Synthetic files.
 */
@QuarkusTest
class EvidenceOnClickBrowserTest extends BrowserTest {

    /** A 1×1 PNG, in two parts so that no secret scanner takes its base64 for an access token. */
    private static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ"
            + "AAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;
    @Inject
    MediaStaging staging;
    @Inject
    AuditLog audit;




    @Test
    void shouldLoadEvidenceOnlyOnADeliberateClickAndAuditThatClick() {
        DevConversation person = new DevConversation(contacts, conversations, media);
        person.upToChronology().text("Cerita sintetis dengan bukti.").button("chronology:done").button("biodata_offer:no")
                .button("reported_offer:no").button("evidence_consent:yes");
        long photo = send(person, MediaKind.PHOTO, "image/png", PNG);
        long voice = send(person, MediaKind.VOICE, "audio/ogg", new byte[] { 'O', 'g', 'g', 'S', 0, 2 });
        person.button("evidence:done").button("witnesses:skip").button("services:skip").button("urgent_need:skip")
                .button("contact_offer:no").button("stats_consent:skip").button("summary:confirm");
        String ref = fixtures.referenceOf(person.contactId);
        long counsellor = fixtures.account("evidence-counsellor", Role.COUNSELLOR).id;
        String root = base.toString().replaceAll("/$", "");

        driver.get(root + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("evidence-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-" + photo)));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-" + voice)));
        assertTrue(driver.findElements(By.cssSelector("main img, main audio, main video")).isEmpty(), "evidence rendered with the page");
        assertEquals(0, views(photo) + views(voice), "opening the case page twice opened no evidence");
        String link = driver.findElement(By.id("evidence-" + photo)).getText();
        assertTrue(link.contains("Foto") && link.contains("buka foto") && link.contains("log audit"), link);

        // The photo, by keyboard: Enter on its link loads it (one audit row), blurred; Enter on the veil shows it.
        driver.findElement(By.id("evidence-" + photo)).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence-" + photo + ".evidence.blurred img")));
        Eventually.await("the photo's view audited", Duration.ofSeconds(60), () -> views(photo) == 1);
        assertEquals("veil", driver.switchTo().activeElement().getAttribute("class"), "focus moves to the veil");
        // Walkthrough 10, finding 13: on a tiny photo the veil's caption was cut off by the photo's own size.
        Object clipped = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var v = document.querySelector('#evidence-" + photo + " .veil'), box = v.parentNode.getBoundingClientRect();"
                        + "var r = document.createRange(); r.selectNodeContents(v); var t = r.getBoundingClientRect();"
                        + "return t.width > box.width + 1 || t.height > box.height + 1 || t.left < box.left - 1 || t.top < box.top - 1;");
        assertEquals(Boolean.FALSE, clipped, "the veil's caption fits in its box");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence-" + photo + ".evidence:not(.blurred) img")));
        wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var i = document.querySelector('#evidence-" + photo + " img'); return i.complete && i.naturalWidth === 1;"));
        assertEquals(0, views(voice), "the voice note is not loaded by opening the photo");

        // The voice note, by mouse: it loads (and is audited) on the click, as the photo does.
        driver.findElement(By.id("evidence-" + voice)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence-" + voice + " audio")));
        Eventually.await("the voice note's play audited", Duration.ofSeconds(60), () -> views(voice) >= 1);
        assertEquals(1, views(photo));

        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-" + photo)));
        assertFalse(driver.findElement(By.id("evidence-" + photo)).getTagName().equals("div"), "a reload starts unloaded again");
        assertEquals(1, views(photo), "reloading the page opened nothing");

        // A click after the session ended (30 minutes without one): the login page, not a broken photo on the case page;
        // the login returns to the case page, and nothing was opened or audited.
        fixtures.idleSessions(counsellor);
        driver.findElement(By.id("evidence-" + photo)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin("evidence-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-" + photo)));
        assertEquals(root + "/inbox/cases/" + ref, driver.getCurrentUrl());
        assertEquals(1, views(photo), "the refused click opened nothing");
    }

    private long send(DevConversation person, MediaKind kind, String mimeType, byte[] content) {
        long id = staging.stage(person.contactId, "test:" + UUID.randomUUID(), kind, mimeType, content, false);
        conversations.receive(person.contactId, new Input.Media(String.valueOf(id), kind, null), null);
        return id;
    }

    private long views(long mediaId) {
        return QuarkusTransaction.requiringNew().call(() -> audit.count("action = ?1 and detail = ?2", AuditAction.MEDIA_VIEW.code(),
                "media:" + mediaId));
    }
}
