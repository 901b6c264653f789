package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

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
 * Walkthrough (later stages, fresh6): the counsellor has a consented referral's page open, and the survivor types
 * {@code /cabut} in the chat. Then the counsellor presses "Ubah ke Terkirim" on that page, or opens the letter's link.
 * Both refusals used to say "Belum ada persetujuan penyintas" (no consent yet), so the counsellor would ask again
 * someone who had just said no. They now say that the consent was withdrawn. A survivor's "Tidak" to the question is
 * named as such too. The test uses a real browser, real-shaped Telegram updates and a synthetic case.
 */
@QuarkusTest
class WithdrawnConsentRefusalBrowserTest extends BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NOT_YET = "Belum ada persetujuan";

    private final FakeTelegram telegram = FakePlatforms.telegram();

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

    private long draftAndAsk(String ref, long chat) {
        long id = ReferralBrowserSteps.draftAndAsk(driver, wait, root(), ref);
        Eventually.await("consent question at the Bot API", WAIT, () -> telegram.sentTo(chat).stream()
                .anyMatch(c -> String.valueOf(c.body().get("reply_markup")).contains("callback_data=_ref" + id + ":yes")));
        return id;
    }

    @Test
    void shouldSayTheConsentWasWithdrawnOrDeclinedNotThatThereIsNoneYet() {
        fixtures.account("withdrawn-refusal-counsellor", Role.COUNSELLOR);
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        String ref = data.caseFor(chats.contact(chat).id, Channel.TELEGRAM);
        driver.get(root() + "/inbox/cases/" + ref + "/referrals");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin("withdrawn-refusal-counsellor", InboxFixtures.PASSWORD);
        wait.until(d -> d.getCurrentUrl().contains("/referrals"));

        long consented = draftAndAsk(ref, chat);
        chats.send(TelegramFixtures.button(chat, "_ref" + consented + ":yes"), chat);
        driver.get(root() + "/inbox/referrals/" + consented);
        WebElement send = wait.until(ExpectedConditions.elementToBeClickable(By.id("referral-sent")));

        // The survivor withdraws while the page is open; the counsellor then presses the button the page still shows.
        chats.send(TelegramFixtures.text(chat, "/cabut"), chat);
        Eventually.await("the consent withdrawn", WAIT, () -> "revoked".equals(data.referral(consented).status));
        send.click();
        wait.until(ExpectedConditions.urlContains("refused="));
        String refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused"))).getText();
        assertTrue(refused.contains("sudah dicabut"), refused);
        assertFalse(refused.contains(NOT_YET), refused);

        // The letter's link, opened from a bookmark or another tab.
        driver.get(root() + "/inbox/referrals/" + consented + "/letter");
        String letter = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refusal-reason"))).getText();
        assertTrue(letter.contains("sudah dicabut"), letter);
        assertFalse(letter.contains(NOT_YET), letter);

        // A "Tidak" to the question: the letter says the survivor did not agree.
        long declined = draftAndAsk(ref, chat);
        chats.send(TelegramFixtures.button(chat, "_ref" + declined + ":no"), chat);
        Eventually.await("the consent declined", WAIT, () -> "declined".equals(data.referral(declined).status));
        driver.get(root() + "/inbox/referrals/" + declined + "/letter");
        String refusedLetter = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refusal-reason"))).getText();
        assertTrue(refusedLetter.contains("tidak menyetujui"), refusedLetter);
        assertFalse(refusedLetter.contains(NOT_YET), refusedLetter);
    }
}
