package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 12, finding 2, in a real browser: a coordinator types a guardian's reason with line breaks that fills the
 * textarea exactly (maxlength 1000 counts a line break once); the browser sends each line break as CRLF, and the reason
 * is taken, not refused as too long. Synthetic text.
 */
@QuarkusTest
class GuardianReasonLineBreaksBrowserTest extends BrowserTest {

    GuardianReasonLineBreaksBrowserTest() {
        super(1280, 1000);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;




    @Test
    void shouldTakeAGuardiansReasonThatFillsTheTextareaWithLineBreaks() {
        fixtures.account("crlf-guardian-counsellor", Role.COUNSELLOR);
        fixtures.account("crlf-guardian-coordinator", Role.COORDINATOR);
        String ref = data.sentinelCase();
        long id = data.draftAndAsk(InboxFixtures.login("crlf-guardian-counsellor"), ref);

        driver.get(base.toString().replaceAll("/$", "") + "/inbox/referrals/" + id);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username"))).sendKeys("crlf-guardian-coordinator");
        driver.findElement(By.id("j_password")).sendKeys(InboxFixtures.PASSWORD);
        driver.findElement(By.id("login")).click();
        WebElement reason = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#guardian textarea[name=reason]")));
        StringBuilder typed = new StringBuilder();
        while (typed.length() < 1000) {
            typed.append(typed.length() == 0 ? "" : "\n").append("Wali sintetis setuju tertulis.");
        }
        reason.sendKeys(typed.substring(0, 1000));
        assertEquals(1000, ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return arguments[0].value.length", reason)).intValue(), "the textarea is full, line breaks counted once");
        WebElement submit = driver.findElement(By.cssSelector("#guardian button[type=submit]"));
        submit.click();

        // the page the form was sent from meets every other condition here: wait until the answer has replaced it
        wait.until(ExpectedConditions.stalenessOf(submit));
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertTrue(driver.findElements(By.id("refused")).isEmpty(), driver.getCurrentUrl());
        assertEquals("guardian", data.referral(id).consentBy, "the guardian's consent is recorded");
        assertEquals(1000, data.referral(id).overrideReason.length(), "kept with LF line breaks");
    }
}
