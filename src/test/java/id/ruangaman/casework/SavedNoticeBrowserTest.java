package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor knows that what they saved was saved: in a real browser (Debian's chromium + chromedriver) a form is
 * typed into and sent, and the page it comes back to says what was saved, next to that form, as a status line
 * (role="status", focused and in view), in Bahasa Indonesia; the address carries nothing of it, and a reload says
 * nothing. Here: a private note on the case page, the verification findings on the SOP page, a provider edit and a
 * guardian's consent on a referral. Synthetic cases and texts.
 */
@QuarkusTest
class SavedNoticeBrowserTest extends BrowserTest {

    SavedNoticeBrowserTest() {
        super(1280, 800);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;

    @Test
    void shouldSayANoteAndTheFindingsWereSavedNextToTheirForms() {
        fixtures.account("saved-browser-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        login("saved-browser-counsellor", "/inbox/cases/" + ref);

        type(By.id("note-text"), "Catatan sintetis: sudah menelepon pendamping");
        click(By.id("add-note"));
        WebElement saved = savedIn("#notes");
        assertEquals("Catatan disimpan.", saved.getText());
        assertEquals(root() + "/inbox/cases/" + ref, driver.getCurrentUrl().replaceAll("#.*$", ""), "nothing of it in the address");
        assertTrue(driver.getPageSource().contains("Catatan sintetis: sudah menelepon pendamping"), "the note is on the page");
        assertEquals("", driver.findElement(By.id("note-text")).getAttribute("value"), "the form is empty for the next note");
        reloadSaysNothing();

        // verification begins (the findings are recorded while the case is being verified)
        assertEquals(303, new CaseworkSteps(InboxFixtures.login("saved-browser-counsellor"), ref).status("in_verification"));
        driver.get(root() + "/inbox/cases/" + ref + "/sop");
        type(By.id("finding-chronology"), "Temuan sintetis: kronologi runtut");
        click(By.id("save-findings"));
        WebElement findings = savedIn("#findings");
        assertEquals("Temuan verifikasi disimpan.", findings.getText());
        assertEquals("Temuan sintetis: kronologi runtut", driver.findElement(By.id("finding-chronology")).getAttribute("value"),
                "what was saved is in the form");
        assertTrue(driver.findElements(By.cssSelector("main .alert.refusal, main .alert.refused")).isEmpty(), "no refusal");
        reloadSaysNothing();
    }

    @Test
    void shouldSayAProviderEditAndAGuardiansConsentWereSaved() {
        fixtures.account("saved-browser-coordinator", Role.COORDINATOR);
        long provider = data.provider("contoh-lbh");
        login("saved-browser-coordinator", "/inbox/providers/" + provider);
        WebElement hours = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='hours']")));
        hours.clear();
        hours.sendKeys("Senin-Sabtu 08.00-17.00");
        click(By.cssSelector("form[action='/inbox/providers/" + provider + "'] button[type='submit']"));
        WebElement saved = savedIn("#providers");
        assertEquals("Perubahan penyedia disimpan.", saved.getText());
        WebElement row = saved.findElement(By.xpath("ancestor::tr"));
        assertTrue(row.findElement(By.cssSelector("a[href='/inbox/providers/" + provider + "']")).isDisplayed(), "said on that provider's row");
        reloadSaysNothing();

        String ref = data.sentinelCase();
        driver.get(root() + "/inbox/cases/" + ref + "/referrals");
        String referral = InboxFixtures.as(InboxFixtures.login("saved-browser-coordinator"))
                .formParam("provider", String.valueOf(provider)).formParam("service", "legal").formParam("part", "needs")
                .when().post("/inbox/cases/" + ref + "/referrals").header("Location").replaceAll("^.*/inbox/referrals/", "");
        driver.get(root() + "/inbox/referrals/" + referral);
        type(By.cssSelector("#guardian textarea[name='reason']"), "Alasan sintetis: penyintas berusia 16 tahun, wali setuju");
        click(By.cssSelector("#guardian button[type='submit']"));
        WebElement consent = savedIn("#consent");
        assertEquals("Persetujuan orang tua/wali dicatat.", consent.getText());
        reloadSaysNothing();
    }

    /** The saved line, inside {@code container}: a status line, focused, in view, the only one. */
    private WebElement savedIn(String container) {
        WebElement saved = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(container + " #saved")));
        assertEquals("status", saved.getAttribute("role"));
        List<WebElement> all = driver.findElements(By.id("saved"));
        assertEquals(1, all.size(), "said once");
        try {
            wait.withTimeout(java.time.Duration.ofSeconds(60)).until(d -> saved.equals(d.switchTo().activeElement()));
        } catch (org.openqa.selenium.TimeoutException notYet) {
            // said below with what has the focus instead
        } finally {
            wait.withTimeout(java.time.Duration.ofSeconds(60));
        }
        assertEquals(saved, driver.switchTo().activeElement(), "focused: " + js("return document.activeElement.outerHTML.substring(0, 300) + ' ' + location.href"));
        assertTrue((Boolean) js("var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", saved),
                "the line is in view");
        return saved;
    }

    private void reloadSaysNothing() {
        String before = driver.getCurrentUrl();
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertEquals(before, driver.getCurrentUrl());
        assertFalse(driver.getPageSource().contains("id=\"saved\""), "a reload says nothing");
    }

    private void login(String username, String page) {
        driver.get(root() + page);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    private String root() {
        return base.toString().replaceAll("/$", "");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
