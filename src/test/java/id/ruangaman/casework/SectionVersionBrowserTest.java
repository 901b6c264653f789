package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A SOP form goes stale only when what it shows was saved since, not when another section of the case was. One case's
 * SOP page open in two tabs in a real browser (Debian's chromium + chromedriver), after a light sanction whose programme
 * is completed: the certificate saved in the second tab leaves the first tab's execution form current, so its save is
 * accepted; then the second tab, still showing the execution as it was before that save, saves the execution too and is
 * refused beside the form with the reason, what was typed kept. Synthetic case, accounts and texts.
 */
@QuarkusTest
class SectionVersionBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldKeepTheExecutionFormCurrentWhenTheCertificateIsSaved() {
        Account counsellor = fixtures.account("section-counsellor", Role.COUNSELLOR);
        fixtures.account("section-pimpinan", Role.PIMPINAN);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        String session = InboxFixtures.login("section-counsellor");
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toConcluded(counsellor.id, "written_warning", () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        as(InboxFixtures.login("section-pimpinan")).formParam("decision_number", "KEP-SEKSI/1").formParam("decided_on", CaseworkSteps.today())
                .formParam("sanction_measure", "written_warning").formParam("decision_text", "Keputusan sintetis seksi")
                .post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);
        steps.post().formParam("programme", "Konseling sintetis").formParam("institution", "Lembaga sintetis").formParam("state", "completed")
                .formParam("completion_report_on", CaseworkSteps.today()).post(steps.base() + "/execution").then().statusCode(303);

        String page = base.toString().replaceAll("/$", "") + steps.base();
        driver.get(page);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("section-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        driver.get(page);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-execution")));
        String first = driver.getWindowHandle();

        // The second tab records the certificate.
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(page);
        type(By.id("certificate-number"), "SK-SEKSI/1");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('certificate-on').value = arguments[0]", CaseworkSteps.today());
        type(By.id("certificate-issuer"), "Rektor sintetis");
        click(By.id("save-certificate"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#certificate #saved")));
        String second = driver.getWindowHandle();

        // The first tab, opened before the certificate, saves the execution's notes: nothing it shows had changed.
        driver.switchTo().window(first);
        type(By.name("execution_notes"), "Catatan sintetis tab pertama");
        click(By.id("save-execution"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#execution #saved")));
        assertTrue(driver.findElements(By.id("refusal")).isEmpty(), "no refusal: the certificate is another section");
        assertEquals("Catatan sintetis tab pertama", stored(id).notes);
        assertEquals("SK-SEKSI/1", stored(id).certificateNumber, "the certificate stays");

        // The real conflict: the second tab still shows the execution as before the first tab's save.
        driver.switchTo().window(second);
        type(By.name("execution_notes"), "Catatan sintetis tab kedua");
        click(By.id("save-execution"));
        WebElement reason = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#execution #refusal")));
        assertTrue(reason.getText().startsWith("Formulir ini sudah disimpan lagi setelah halaman ini dibuka"), reason.getText());
        assertEquals("Catatan sintetis tab kedua", driver.findElement(By.name("execution_notes")).getAttribute("value"), "typed kept");
        assertEquals("Catatan sintetis tab pertama", stored(id).notes, "the first tab's save is not overwritten");
    }

    private SanctionExecution stored(long id) {
        return QuarkusTransaction.requiringNew().call(() -> repo.one(SanctionExecution.class, id).orElseThrow());
    }
}
