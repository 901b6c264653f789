package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A referral walked for real: the counsellor in Chromium drafts it with the case page's own form and asks for consent;
 * the survivor answers through the Telegram webhook (real-shaped updates, fake Bot API); the counsellor sees the
 * answer on the referral page, in words. Then the survivor taps "Tidak" on the same question: the page says the consent
 * is withdrawn (before, it still said "Disetujui" with the letter's link: the no was lost). A second referral goes all
 * the way: sent, accepted, completed, the survivor told at each step, the letter in labels. No page shows a status,
 * part or actor code.
 */
@QuarkusTest
class ReferralConsentWalkBrowserTest extends BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Codes that must never reach a page (statuses, parts, audit notes, the chat actor). */
    private static final List<String> CODES = List.of("awaiting_consent", "consented", "revoked", "withdrawn_in_chat",
            "survivor-chat", "chronology", "referral:", "_ref");

    private final FakeTelegram telegram = FakePlatforms.telegram();

    ReferralConsentWalkBrowserTest() {
        super(1280, 1000);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;
    @Inject
    TelegramChats chats;

    private String root() {
        return base.toString().replaceAll("/$", "");
    }

    private long draftAndAskInTheBrowser(String ref) {
        return ReferralBrowserSteps.draftAndAsk(driver, wait, root(), ref);
    }

    private String statusOnThePage(long id) {
        driver.get(root() + "/inbox/referrals/" + id);
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("referral-status"))).getText();
    }

    private void assertNoCodes() {
        String page = driver.findElement(By.tagName("body")).getText();
        for (String code : CODES) {
            assertFalse(page.contains(code), "a code on " + driver.getCurrentUrl() + ": " + code + "\n" + page);
        }
    }

    private void press(String button) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(button)));
        element.click();
        wait.until(ExpectedConditions.stalenessOf(element));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("referral-status")));
    }

    @Test
    void consentGivenThenWithdrawnOnTheQuestionThenAReferralCarriedThrough() {
        fixtures.account("walk-referral-counsellor", Role.COUNSELLOR);
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        String ref = data.caseFor(chats.contact(chat).id, Channel.TELEGRAM);

        driver.get(root() + "/inbox/cases/" + ref + "/referrals");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin("walk-referral-counsellor", InboxFixtures.PASSWORD);
        wait.until(d -> d.getCurrentUrl().contains("/referrals"));

        long first = draftAndAskInTheBrowser(ref);
        Eventually.await("consent question at the Bot API", WAIT, () -> telegram.sentTo(chat).stream()
                .anyMatch(c -> String.valueOf(c.body().get("reply_markup")).contains("callback_data=_ref" + first + ":yes")));
        assertNoCodes();
        // the question is the team writing to the person: the case's 3x24-hour deadline is met, no countdown left
        driver.get(root() + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-standing")));
        assertTrue(driver.findElements(By.cssSelector(".banner.deadline")).isEmpty(), "the deadline's countdown after the question");

        chats.send(TelegramFixtures.button(chat, "_ref" + first + ":yes"), chat);
        assertEquals("Disetujui", statusOnThePage(first));
        assertFalse(driver.findElements(By.id("print-letter")).isEmpty(), "the letter may be printed");
        assertNoCodes();

        chats.send(TelegramFixtures.button(chat, "_ref" + first + ":no"), chat);
        assertEquals("Dicabut", statusOnThePage(first), "the survivor's no on the question withdrew the consent");
        assertFalse(driver.findElements(By.id("revoked-notice")).isEmpty());
        assertTrue(driver.findElements(By.id("print-letter")).isEmpty(), "no letter without consent");
        String history = driver.findElement(By.id("history")).getText();
        assertTrue(history.contains("dicabut lewat chat"), history);
        // the survivor's answers in the chat by their time, as the audit log names a message, never by a number no page shows
        assertFalse(java.util.regex.Pattern.compile("#[0-9]").matcher(history).find(), history);
        assertNoCodes();

        long second = draftAndAskInTheBrowser(ref);
        Eventually.await("second consent question at the Bot API", WAIT, () -> telegram.sentTo(chat).stream()
                .anyMatch(c -> String.valueOf(c.body().get("reply_markup")).contains("callback_data=_ref" + second + ":yes")));
        chats.send(TelegramFixtures.text(chat, "iya boleh kak"), chat);
        assertEquals("Disetujui", statusOnThePage(second));
        press("referral-sent");
        assertEquals("Terkirim", driver.findElement(By.id("referral-status")).getText());
        press("referral-accepted");
        assertEquals("Diterima penyedia", driver.findElement(By.id("referral-status")).getText());

        driver.get(root() + "/inbox/referrals/" + second + "/letter");
        String letter = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body"))).getText();
        assertTrue(letter.contains(ReferralTestData.CHRONOLOGY), "the consented chronology is in the letter");
        assertNoCodes();

        statusOnThePage(second);
        press("referral-completed");
        assertEquals("Selesai", driver.findElement(By.id("referral-status")).getText());
        assertNoCodes();
        Eventually.await("the survivor told of sending and acceptance", WAIT, () -> {
            List<String> texts = telegram.sentTo(chat).stream().map(FakeTelegram.Call::text).filter(t -> t != null).toList();
            return texts.stream().anyMatch(t -> t.contains("sudah kami kirim")) && texts.stream().anyMatch(t -> t.contains("menerima rujukanmu"));
        });
    }
}
