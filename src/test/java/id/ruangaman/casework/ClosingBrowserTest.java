package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Closing too early, in a real browser (Debian's chromium + chromedriver): a decided case whose recovery period is still
 * running is closed as resolved; the refusal and the hint beside the close form say why, the link beside the form
 * leads to the form that records the recovery's end; once it is recorded the case closes, and its SOP page turns
 * read-only with the line that says so.
 */
@QuarkusTest
class ClosingBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    private String root;

    @BeforeEach
    void prepare() throws IOException {
        root = base.toString().replaceAll("/$", "");
    }

    @Test
    void shouldRefuseClosingWhileRecoveryRunsLeadToItsEndAndThenClose() {
        Account counsellor = fixtures.account("browser-close-counsellor", Role.COUNSELLOR);
        fixtures.account("browser-close-pimpinan", Role.PIMPINAN);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        // Up to the decision, its sanction carried out, a recovery plan and one check-in, over HTTP as the forms do.
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("browser-close-counsellor"), ref);
        steps.toConcluded(counsellor.id, "written_warning", () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        as(InboxFixtures.login("browser-close-pimpinan")).formParam("decision_number", "KEP-BROWSER/1")
                .formParam("decided_on", CaseworkSteps.today()).formParam("sanction_measure", "written_warning")
                .formParam("recovery_until", LocalDate.parse(CaseworkSteps.today()).plusDays(90).toString())
                .formParam("decision_text", "Keputusan sintetis").post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);
        steps.post().formParam("programme", "Konseling sintetis").formParam("institution", "Lembaga sintetis").formParam("state", "completed")
                .formParam("completion_report_on", CaseworkSteps.today()).post(steps.base() + "/execution").then().statusCode(303);
        steps.post().formParam("certificate_number", "SK-BROWSER/1").formParam("certificate_on", CaseworkSteps.today())
                .formParam("certificate_issuer", "Rektor sintetis").post(steps.base() + "/certificate").then().statusCode(303);
        steps.post().formParam("consent_by", "victim").formParam("consent_on", CaseworkSteps.today()).formParam("victim_status", "student")
                .formParam("plan", "Konseling mingguan sintetis").post(steps.base() + "/recovery").then().statusCode(303);
        steps.post().formParam("checked_on", CaseworkSteps.today()).formParam("with_whom", "victim")
                .formParam("checkin_note", "Perkembangan sintetis").post(steps.base() + "/checkins").then().statusCode(303);

        login("browser-close-counsellor");
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        waitText(By.id("case-status"), "Diputuskan pimpinan");
        // The close form says beforehand what closing as resolved needs.
        waitText(By.id("sop-why-closed-resolved"), "Masa pemulihan yang ditetapkan pimpinan masih berjalan");

        // Closing too early: refused, the reason said once, beside the close form (walkthrough 12, finding 3).
        new Select(driver.findElement(By.id("sop-close-reason"))).selectByValue("resolved");
        click(By.id("sop-close"));
        waitText(By.cssSelector("#status form #refused"), "Masa pemulihan yang ditetapkan pimpinan masih berjalan");
        waitText(By.id("case-status"), "Diputuskan pimpinan");
        java.util.List<WebElement> saying = driver.findElements(By.xpath("//*[contains(text(), 'Masa pemulihan yang ditetapkan pimpinan masih berjalan')]"));
        assertEquals(1, saying.size(), "the reason is said once: "
                + saying.stream().map(e -> e.getAttribute("outerHTML")).collect(java.util.stream.Collectors.joining("\n")));

        // The link beside the form leads to the form that records the end of the recovery.
        click(By.id("refused-fix"));
        wait.until(ExpectedConditions.urlContains("#recovery-end"));
        date(By.id("recovery-ended-on"), CaseworkSteps.today());
        new Select(driver.findElement(By.id("recovery-end-reason"))).selectByValue("completed");
        type(By.id("recovery-end-note"), "Korban dan psikolog sepakat pemulihan tercapai lebih awal");
        click(By.id("save-recovery-end"));
        waitText(By.id("recovery-ended"), "Pemulihan selesai");
        assertTrue(driver.findElements(By.id("sop-why-closed-resolved")).isEmpty(), "nothing more is needed to close");

        new Select(driver.findElement(By.id("sop-close-reason"))).selectByValue("resolved");
        click(By.id("sop-close"));
        waitText(By.id("case-status"), "Ditutup");
        waitText(By.id("case-closed"), "tidak bisa dibuka kembali");
        assertTrue(driver.findElements(By.cssSelector("form[action*='/sop/']")).isEmpty(), "the closed case's SOP forms are gone");
        waitText(By.id("recovery-ended"), "Pemulihan selesai");
    }

    private void login(String username) {
        driver.get(root + "/inbox");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    private void waitText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }
}
