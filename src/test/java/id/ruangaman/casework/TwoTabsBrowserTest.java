package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One case's SOP page open in two tabs at once, in a real browser (Debian's chromium + chromedriver): the initial
 * assessment saved in the second tab is not silently overwritten by the first tab's older form. The first tab's save
 * is refused beside the form, with what was typed still in it; the second tab's assessment stays; pressing Save
 * again, knowingly, saves the first tab's text. Synthetic case and texts.
 */
@QuarkusTest
class TwoTabsBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldNotLetAnOlderTabOverwriteTheAssessmentSavedInAnother() {
        fixtures.account("two-tabs-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        String root = base.toString().replaceAll("/$", "");
        String page = root + "/inbox/cases/" + ref + "/sop";
        driver.get(page);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("two-tabs-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        driver.get(page);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-assessment")));
        String first = driver.getWindowHandle();

        // A second tab on the same case saves the assessment.
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(page);
        fillAssessment("Risiko sintetis dari tab kedua", "Mitigasi sintetis dari tab kedua");
        click(By.id("save-assessment"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assessment #saved")));

        // The first tab, opened before that save, sends its own.
        driver.switchTo().window(first);
        fillAssessment("Risiko sintetis dari tab pertama", "Mitigasi sintetis dari tab pertama");
        click(By.id("save-assessment"));
        WebElement reason = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assessment #refusal")));
        assertTrue(reason.getText().startsWith("Formulir ini sudah disimpan lagi setelah halaman ini dibuka"), reason.getText());
        assertEquals("Risiko sintetis dari tab pertama", driver.findElement(By.id("risks")).getAttribute("value"), "what was typed stays");
        assertEquals("Risiko sintetis dari tab kedua", storedRisks(id), "the other tab's assessment is not overwritten");

        // Knowing that, the counsellor saves again: now the first tab's text is the assessment.
        click(By.id("save-assessment"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assessment #saved")));
        assertEquals("Risiko sintetis dari tab pertama", storedRisks(id));
        assertTrue(driver.findElements(By.id("refusal")).isEmpty(), "no refusal once saved");
    }

    private String storedRisks(long id) {
        return QuarkusTransaction.requiringNew().call(() -> repo.one(Assessment.class, id).orElseThrow().risks);
    }

    private void fillAssessment(String risks, String mitigation) {
        WebElement condition = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("condition")));
        new Select(condition).selectByIndex(1);
        new Select(driver.findElement(By.id("risk_level"))).selectByIndex(1);
        type(By.id("risks"), risks);
        type(By.id("mitigation"), mitigation);
    }
}
