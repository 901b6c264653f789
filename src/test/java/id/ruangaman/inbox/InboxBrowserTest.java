package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.TelegramFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.security.Role;
import io.quarkus.test.common.http.TestHTTPResource;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor's path in a real browser (Debian's chromium + chromedriver): log in, see a new case
 * arrive live, open it, tick the checklist, reply and see the reply's status, see the survivor's answer arrive live,
 * render the print view.
 */
@QuarkusTest
class InboxBrowserTest extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    jakarta.persistence.EntityManager em;
    @Inject
    id.ruangaman.testing.TelegramChats chats;


    @BeforeEach
    void prepare() throws IOException {
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    void shouldWorkACaseFromArrivalToPrint() throws Exception {
        fixtures.account("browser-counsellor", Role.COUNSELLOR);
        String root = base.toString().replaceAll("/$", "");

        driver.get(root + "/inbox");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("browser-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/inbox"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        screenshot("1-inbox");

        // A person completes the intake while the page is open; the row appears without a reload. The list is in urgency
        // order (earliest first-response deadline first), so open cases that other tests left unanswered would fill the
        // first page ahead of the new one: they are marked answered first.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update intake set first_response_at = now() where first_response_at is null").executeUpdate());
        long chat = TelegramFixtures.newChatId();
        String ref = CompletableFuture.supplyAsync(() -> fixtures.submittedTelegramCase(chat)).get();
        By row = By.cssSelector("tr[data-ref='" + ref + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        screenshot("2-case-arrived-live");

        click(By.linkText(ref));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checklist")));
        screenshot("3-case");

        for (String component : VerificationComponent.ALL) {
            if (VerificationFinding.EVIDENCE.equals(component)) {
                continue;
            }
            click(By.id("check-" + component));
            wait.until(ExpectedConditions.attributeToBe(By.id("check-" + component), "data-checked", "true"));
        }
        // Part 3 is the examination of the documents/evidence: it is refused until they are recorded, with the reason and
        // a link to the form that records them.
        click(By.id("check-evidence"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("refused"), "Bagian 3 baru bisa dicentang"));
        org.junit.jupiter.api.Assertions.assertEquals("false", driver.findElement(By.id("check-evidence")).getAttribute("data-checked"));
        assertTrue(driver.findElement(By.id("refused-fix")).getAttribute("href").endsWith("/inbox/cases/" + ref + "/sop#findings"));
        screenshot("4-checklist");

        String reply = "Halo, ini balasan konselor uji " + ref;
        driver.findElement(By.id("reply-text")).sendKeys(reply);
        WebElement send = driver.findElement(By.id("send-reply"));
        click(By.id("send-reply"));
        // the page it was sent from shows the line too once its live refresh comes: wait for the post's answer
        wait.until(ExpectedConditions.stalenessOf(send));
        By sent = By.xpath("//li[contains(@class,'out')][.//div[@class='text' and contains(., '" + reply + "')]]");
        wait.until(ExpectedConditions.presenceOfElementLocated(sent));
        screenshot("5-replied");
        // The reply travels through the outbox to the (fake) Telegram Bot API; the page follows its status live.
        wait.until(ExpectedConditions.attributeToBe(sent, "data-status", "SENT"));
        assertTrue(FakePlatforms.telegram().sentTo(chat).stream().anyMatch(call -> ("Konselor Satgas:\n" + reply).equals(call.text())),
                "the reply did not reach the messenger as from the task force");
        screenshot("5b-reply-delivered");

        // The survivor answers in the chat; the open case page shows the answer without a reload, as the survivor's.
        String answer = "Jawaban penyintas sintetis " + ref;
        CompletableFuture.runAsync(() -> chats.send(TelegramFixtures.text(chat, answer), chat)).get();
        By answered = By.xpath("//li[contains(@class,'in')][@data-author='SURVIVOR'][.//div[@class='text' and contains(., '"
                + answer + "')]]");
        wait.until(ExpectedConditions.presenceOfElementLocated(answered));
        screenshot("5c-survivor-answered-live");

        click(By.id("print-intake"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("print-intake-form")));
        assertTrue(driver.getPageSource().contains(ref));
        screenshot("6-print-intake-form");
    }

    /**
     * list → case → checklist → verify (refused with its reason, then allowed) → reply → note → print, reading what
     * a counsellor reads: labels, not codes, and the refusal explained on the page itself.
     */
    @Test
    void shouldTakeACounsellorThroughVerificationWithLabelsAndExplainedRefusals() throws Exception {
        fixtures.account("browser-walk", Role.COUNSELLOR);
        String ref = fixtures.fullyAnsweredCase();
        String root = base.toString().replaceAll("/$", "");

        driver.get(root + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("browser-walk", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ref-search")));
        driver.findElement(By.id("ref-search")).sendKeys(ref);
        driver.findElement(By.id("ref-search")).submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-ref='" + ref + "']")));
        String row = driver.findElement(By.cssSelector("tr[data-ref='" + ref + "']")).getText();
        assertTrue(row.contains("Chat uji coba (dev)") && row.contains("Korban") && !row.contains("DEV"), row);
        assertTrue(row.matches("(?s).*\\b2 hari 2[0-3] jam\\b.*"), row);

        click(By.linkText(ref));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checklist")));
        String page = driver.findElement(By.tagName("main")).getText();
        for (String label : new String[] { "Umur", "18–24", "Hubungan dengan terlapor", "Dosen", "Konseling dengan psikolog",
                "Penanggung jawab" }) {
            assertTrue(page.contains(label), "missing " + label);
        }
        for (String code : new String[] { "age_range", "18_24", "reporter_role", "psychological", "lecturer", "[victim]" }) {
            assertFalse(page.contains(code), "code shown: " + code);
        }
        assertTrue(driver.findElements(By.cssSelector("a#print-verified")).isEmpty(), "verified print offered before verification");
        screenshot("walk-1-case");

        click(By.id("status-in_verification"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status-verified")));
        click(By.id("status-verified"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refused")));
        assertTrue(driver.findElement(By.id("refused")).getText().contains("daftar periksa"), driver.findElement(By.id("refused")).getText());
        assertTrue(driver.findElement(By.id("case-status")).getText().contains("Verifikasi"));
        assertTrue(driver.findElements(By.cssSelector("a#print-verified")).isEmpty(), "verified print offered before verification");
        screenshot("walk-2-refused");

        // Part 3 needs the documents/evidence examined: typed on the SOP page's findings form first.
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        driver.findElement(By.id("evidence-examined")).sendKeys("Tangkapan layar chat, sintetis");
        org.openqa.selenium.WebElement saveFindings = driver.findElement(By.id("save-findings"));
        saveFindings.click();
        wait.until(ExpectedConditions.stalenessOf(saveFindings));
        driver.get(root + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checklist")));
        for (String component : VerificationComponent.ALL) {
            click(By.id("check-" + component));
            wait.until(ExpectedConditions.attributeToBe(By.id("check-" + component), "data-checked", "true"));
        }
        // Verifying also needs the initial assessment (the SOP's later stages): refused again, with that reason.
        click(By.id("status-verified"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("refused"), "assessment awal"));
        screenshot("walk-2b-refused-assessment");
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("condition"))).selectByIndex(1);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("risk_level"))).selectByIndex(1);
        driver.findElement(By.id("risks")).sendKeys("Risiko sintetis");
        driver.findElement(By.id("mitigation")).sendKeys("Mitigasi sintetis");
        org.openqa.selenium.WebElement save = driver.findElement(By.id("save-assessment"));
        save.click();
        // The form posts to the page it is on: wait for the answer to replace the page, or the next navigation can race
        // the post (and land on the SOP page it redirects to).
        wait.until(ExpectedConditions.stalenessOf(save));
        wait.until(ExpectedConditions.urlContains("/sop"));
        driver.get(root + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status-verified")));
        click(By.id("status-verified"));
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "Terverifikasi"));
        assertTrue(driver.findElements(By.id("refused")).isEmpty());

        String reply = "Halo, terima kasih sudah melapor " + ref;
        driver.findElement(By.id("reply-text")).sendKeys(reply);
        WebElement sendAgain = driver.findElement(By.id("send-reply"));
        click(By.id("send-reply"));
        wait.until(ExpectedConditions.stalenessOf(sendAgain)); // else the note below could be typed into the page being left
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//li[contains(@class,'out') and not(contains(@class,'bot'))][.//div[@class='text' and contains(., '" + reply + "')]]")));

        driver.findElement(By.id("note-text")).sendKeys("Catatan konselor sintetis");
        click(By.id("add-note"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes"), "Catatan konselor sintetis"));
        screenshot("walk-3-verified-replied");

        click(By.id("print-verified"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("print-verified-report")));
        String print = driver.findElement(By.id("print-verified-report")).getText();
        assertTrue(print.contains("Laporan Hasil Verifikasi") && print.contains("Umur") && print.contains("18–24"), print);
        assertFalse(print.contains("age_range") || print.contains("18_24"), print);
        screenshot("walk-4-print");

        // Phone width: the case page still reads top to bottom without sideways scrolling.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        driver.get(root + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checklist")));
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 0, "horizontal overflow at 375 px: " + overflow);
        screenshot("walk-5-case-375");

        driver.get(root + "/inbox/cases/" + ref + "/referrals");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-search")));
        Object referralOverflow = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) referralOverflow).intValue() <= 0, "horizontal overflow of the referral page at 375 px");
        screenshot("walk-6-referrals-375");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-search")));
        screenshot("walk-7-referrals");
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
