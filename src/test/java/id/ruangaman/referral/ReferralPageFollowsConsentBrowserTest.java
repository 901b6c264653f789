package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough finding (session 53): a referral's page open in the inbox did not follow the survivor's answer in the chat.
 * It still said "Menunggu persetujuan" after the survivor had consented, with no step to send the referral, until it was
 * reloaded; and a withdrawal with /cabut left "Disetujui" and the letter's link on the screen. In a real browser
 * (Debian's chromium + chromedriver): the page is open, the survivor answers in the chat, and the page says so by itself:
 * the status, the consent record and the next steps. A reason being typed in the guardian's form stays as typed.
 * Synthetic case and texts.
 */
@QuarkusTest
class ReferralPageFollowsConsentBrowserTest extends BrowserTest {

    ReferralPageFollowsConsentBrowserTest() {
        super(1280, 1000);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;

    @Test
    void shouldShowTheSurvivorsConsentAndWithdrawalWithoutAReload() {
        fixtures.account("live-referral-coordinator", Role.COORDINATOR);
        String ref = data.sentinelCase();
        long id = data.draftAndAsk(InboxFixtures.login("live-referral-coordinator"), ref);
        long contact = data.contactOf(ref);

        openLoggedIn(base, "/inbox/referrals/" + id, "live-referral-coordinator", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.textToBe(By.id("referral-status"), "Menunggu persetujuan"));
        assertTrue(driver.findElements(By.id("referral-sent")).isEmpty(), "nothing to send before the survivor consents");
        String reason = "Alasan sintetis yang sedang diketik";
        driver.findElement(By.cssSelector("#guardian textarea[name=reason]")).sendKeys(reason);

        data.press(contact, "_ref" + id + ":yes"); // the survivor taps "Ya, setuju" in the chat
        wait.until(ExpectedConditions.textToBe(By.id("referral-status"), "Disetujui"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("referral-sent")));
        assertTrue(driver.findElement(By.id("consent")).getText().contains("penyintas"), driver.findElement(By.id("consent")).getText());
        assertTrue(driver.findElement(By.id("print-letter")).isDisplayed(), "the letter can be printed now");
        assertEquals(reason, driver.findElement(By.cssSelector("#guardian textarea[name=reason]")).getAttribute("value"),
                "what was being typed elsewhere on the page stays");

        data.type(contact, "/cabut"); // the survivor withdraws in the chat (one consent in force: withdrawn at once)
        wait.until(ExpectedConditions.textToBe(By.id("referral-status"), "Dicabut"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revoked-notice")));
        assertTrue(driver.findElements(By.id("print-letter")).isEmpty(), "no letter for a withdrawn consent");
        assertTrue(driver.findElements(By.id("referral-sent")).isEmpty(), "nothing to send any more");
    }
}
