package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
 * Leadership corrects a recorded decision in a real browser (Debian's chromium + chromedriver): the correction form
 * under the decision starts with the recorded values; sent with a reason but nothing changed, it is refused beside
 * itself and stays open with the reason typed; with the wrong decree number changed, the decision shows the new
 * number, the page says it was saved, and the correction history keeps the earlier number with the reason and who
 * corrected it. Before, a recorded decision could not be changed at all. Synthetic case and texts.
 */
@QuarkusTest
class DecisionCorrectionBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    EntityManager em;

    @Test
    void shouldCorrectARecordedDecisionWithItsReasonAndKeepTheEarlierVersion() {
        Account counsellor = fixtures.account("correct-browser-counsellor", Role.COUNSELLOR);
        fixtures.account("correct-browser-pimpinan", Role.PIMPINAN);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("correct-browser-counsellor"), ref);
        steps.toConcluded(counsellor.id, "written_warning", () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        as(InboxFixtures.login("correct-browser-pimpinan")).formParam("decision_number", "KEP-SALAH/1")
                .formParam("decided_on", CaseworkSteps.today()).formParam("sanction_measure", "written_warning")
                .formParam("decision_text", "Keputusan sintetis").post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);

        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox/pimpinan/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("correct-browser-pimpinan", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        driver.get(root + "/inbox/pimpinan/" + ref);
        click(By.id("correct-decision-heading"));
        assertEquals("KEP-SALAH/1", value("correct-decision-number"), "the form starts with the recorded decision");
        assertEquals("written_warning", value("correct-decision-measure"));

        // A reason, but nothing changed: refused beside the form, which stays open with the reason.
        type(By.id("correction-reason"), "Nomor keputusan tertukar dengan berkas lain (sintetis)");
        click(By.id("save-correction"));
        WebElement refusal = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#correct-decision #refusal-correction")));
        assertTrue(refusal.getText().startsWith("Tidak ada yang berubah"), refusal.getText());
        assertEquals("Nomor keputusan tertukar dengan berkas lain (sintetis)", value("correction-reason"), "what was typed stays");
        assertTrue(driver.findElement(By.id("correct-decision")).getAttribute("open") != null, "the form stays open");

        // The wrong number corrected.
        type(By.id("correct-decision-number"), "KEP-BENAR/1");
        click(By.id("save-correction"));
        WebElement saved = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#decision #saved")));
        assertTrue(saved.getText().startsWith("Koreksi keputusan disimpan"), saved.getText());
        assertTrue(driver.findElement(By.id("decision-facts")).getText().contains("KEP-BENAR/1"), "the decision shows the corrected number");
        WebElement history = driver.findElement(By.id("decision-corrections"));
        assertTrue(history.getText().contains("KEP-SALAH/1"), "the earlier number is kept: " + history.getText());
        assertTrue(history.getText().contains("Nomor keputusan tertukar dengan berkas lain (sintetis)"), history.getText());
        assertTrue(history.getText().contains("Dikoreksi oleh"), history.getText());
        assertTrue(!history.getText().contains("written_warning"), "labels, not codes: " + history.getText());

        List<String> stored = QuarkusTransaction.requiringNew().call(() -> List.of(repo.one(Decision.class, id).orElseThrow().decisionNumber,
                em.createQuery("select c.decisionNumber from DecisionCorrection c where c.intakeId = :id", String.class)
                        .setParameter("id", id).getSingleResult()));
        assertEquals(List.of("KEP-BENAR/1", "KEP-SALAH/1"), stored);
    }

    private String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }
}
