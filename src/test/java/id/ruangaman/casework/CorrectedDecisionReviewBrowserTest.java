package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * A decision corrected after the sanction's execution and the recovery plan were recorded under it: each plan whose
 * ground changed is flagged for review on the SOP page (Bahasa Indonesia and English), and the case does not close as
 * resolved until the counsellor has saved it again; a correction of the decree number alone flags nothing. Leadership
 * corrects through the rendered form in a real browser (Debian's chromium + chromedriver). Synthetic case, accounts, texts.
 */
@QuarkusTest
class CorrectedDecisionReviewBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldFlagThePlansRecordedUnderTheOldDecisionForReview() {
        Account counsellor = fixtures.account("review-counsellor", Role.COUNSELLOR);
        fixtures.account("review-pimpinan", Role.PIMPINAN);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        String session = InboxFixtures.login("review-counsellor");
        String leader = InboxFixtures.login("review-pimpinan");
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toConcluded(counsellor.id, "written_warning", () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        String today = CaseworkSteps.today();
        String until = LocalDate.parse(today).plusDays(30).toString();
        as(leader).formParam("decision_number", "KEP-TINJAU/1").formParam("decided_on", today).formParam("sanction_measure", "written_warning")
                .formParam("recovery_until", until).formParam("decision_text", "Keputusan sintetis tinjau")
                .post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);
        steps.post().formParam("programme", "Konseling sintetis").formParam("institution", "Lembaga sintetis").formParam("state", "completed")
                .formParam("completion_report_on", today).post(steps.base() + "/execution").then().statusCode(303);
        steps.post().formParam("certificate_number", "SK-TINJAU/1").formParam("certificate_on", today)
                .formParam("certificate_issuer", "Rektor sintetis").post(steps.base() + "/certificate").then().statusCode(303);
        steps.post().formParam("consent_by", "victim").formParam("consent_on", today).formParam("victim_status", "student")
                .formParam("plan", "Rencana pemulihan sintetis").post(steps.base() + "/recovery").then().statusCode(303);

        // Only the decree number corrected: nothing the plans rest on changed.
        as(leader).formParam("decision_number", "KEP-TINJAU/2").formParam("decided_on", today).formParam("sanction_measure", "written_warning")
                .formParam("recovery_until", until).formParam("decision_text", "Keputusan sintetis tinjau")
                .formParam("correction_reason", "Nomor tertukar (sintetis)").post("/inbox/pimpinan/" + ref + "/decision/correction").then()
                .statusCode(303);
        String sop = page(session, ref, "id");
        assertFalse(sop.contains("id=\"execution-review\"") || sop.contains("id=\"recovery-review\""), "no review after a number's correction");

        // Leadership corrects the sanction and the recovery period on the rendered form.
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox/pimpinan/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("review-pimpinan", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        driver.get(root + "/inbox/pimpinan/" + ref);
        click(By.id("correct-decision-heading"));
        new Select(driver.findElement(By.id("correct-decision-measure"))).selectByValue("public_apology");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('correct-recovery-until').value = arguments[0]",
                LocalDate.parse(today).plusDays(60).toString());
        type(By.id("correction-reason"), "Sanksi dan masa pemulihan keliru diketik (sintetis)");
        click(By.id("save-correction"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#decision #saved")));

        sop = page(session, ref, "id");
        assertTrue(sop.contains("id=\"execution-review\"") && sop.contains("id=\"recovery-review\""), "both plans flagged");
        assertTrue(sop.contains("Keputusan pimpinan dikoreksi pada"), "said in Bahasa Indonesia");
        assertTrue(page(session, ref, "en").contains("Leadership&#39;s decision was corrected on")
                || page(session, ref, "en").contains("Leadership's decision was corrected on"), "and in English");
        io.restassured.response.Response closing = steps.post().accept("text/html").formParam("status", "closed")
                .formParam("reason", "resolved").post(steps.base() + "/status");
        String refused = closing.statusCode() == 303 // the SOP page again with the reasons
                ? getAs(session).accept("text/html").get(java.net.URI.create(closing.header("Location")).getRawPath() + "?"
                        + java.net.URI.create(closing.header("Location")).getRawQuery()).then().statusCode(200).extract().asString()
                : closing.asString();
        assertTrue(refused.contains("Keputusan pimpinan dikoreksi setelah pelaksanaan sanksi dicatat"), "closing waits for the review");
        assertTrue(refused.contains("Keputusan pimpinan dikoreksi setelah rencana pemulihan dicatat"), "and for the plan's");
        assertEquals("decided", QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().status));

        // The counsellor checks the execution and saves it again: its flag is gone; the recovery plan's stays until saved.
        steps.post().formParam("programme", "Permintaan maaf sintetis").formParam("institution", "Lembaga sintetis").formParam("state", "completed")
                .formParam("completion_report_on", today).post(steps.base() + "/execution").then().statusCode(303);
        sop = page(session, ref, "id");
        assertFalse(sop.contains("id=\"execution-review\""), "reviewed");
        assertTrue(sop.contains("id=\"recovery-review\""), "not yet reviewed");
    }

    private static String page(String session, String ref, String lang) {
        return getAs(session).cookie("ruangaman-lang", lang).accept("text/html").get("/inbox/cases/" + ref + "/sop").then()
                .statusCode(200).extract().asString();
    }
}
