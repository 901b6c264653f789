package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.conversation.Input;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A coordinator has a case's SOP page open, the initial assessment half typed, when the person erases their data with
 * /hapus. The page learns it without a reload, as the case page does: one line says so, the page shows only what is
 * left (the erased case's kept skeleton, as the server renders it now), no form can be sent, and what was typed is
 * kept in one read-only box to be copied. Before, the form stayed open and the counsellor learnt it only on saving.
 * A page whose live feed never arrives learns it on saving: the SOP page again, with the reason, and nothing typed
 * echoed back. Synthetic accounts, cases and texts.
 */
@QuarkusTest
class ErasedWhileOpenBrowserTest extends BrowserTest {

    private static final String TYPED = "Risiko sintetis yang sedang diketik";

    ErasedWhileOpenBrowserTest() {
        super(1280, 900);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldShowOnlyWhatIsLeftOnAnOpenSopPageWhenThePersonErasesTheirData() {
        String ref = sopPageOpenWithTyping();

        fixtures.survivorSends(ref, new Input.Text("/hapus"));
        fixtures.survivorSends(ref, new Input.Text("ya"));

        lineShownInPlace("case-gone", "Pelapor baru saja menghapus data laporannya");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("erased-skeleton")));
        assertTrue(driver.findElements(By.id("save-assessment")).isEmpty(), "the assessment form is gone");
        assertFrozenKeeping(TYPED);
        assertEquals(1, driver.findElements(By.id("case-gone")).size(), "the line once");
    }

    @Test
    void shouldRefuseAnAssessmentSavedAfterTheErasureWithTheReasonOnThePage() {
        // a browser whose live feed never arrives (a proxy that drops event streams): the page cannot learn it first
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "delete window.EventSource;"));
        String ref = sopPageOpenWithTyping();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("condition"))).selectByIndex(1);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("risk_level"))).selectByIndex(1);
        type(By.id("mitigation"), "Mitigasi sintetis");

        fixtures.survivorSends(ref, new Input.Text("/hapus"));
        fixtures.survivorSends(ref, new Input.Text("ya"));
        WebElement save = driver.findElement(By.id("save-assessment"));
        click(By.id("save-assessment"));
        wait.until(ExpectedConditions.stalenessOf(save));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("erased-skeleton")));
        String main = driver.findElement(By.id("content")).getText();
        assertTrue(main.contains("Pelapor telah menghapus datanya: dokumen kasus ini tidak bisa dicetak lagi dan catatannya tidak bisa diubah"),
                "the reason: " + main);
        assertFalse(main.contains("Internal") || main.contains("Exception"), "no error page: " + main);
        assertFalse(driver.findElement(By.tagName("body")).getAttribute("innerHTML").contains("Mitigasi sintetis"),
                "nothing typed is echoed back into an erased case's page");
    }

    /** A new case in verification, its SOP page open for a coordinator, with {@link #TYPED} in the assessment's risks. */
    private String sopPageOpenWithTyping() {
        String coordinator = "erased-open-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.account(coordinator, Role.COORDINATOR);
        String ref = fixtures.submittedCase(true);
        assertEquals(303, new CaseworkSteps(InboxFixtures.login(coordinator), ref).status("in_verification"));
        driver.get(base.toString().replaceAll("/$", "") + "/inbox/cases/" + ref + "/sop");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin(coordinator, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("risks")));
        type(By.id("risks"), TYPED);
        markNotReloaded();
        return ref;
    }
}
