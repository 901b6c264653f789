package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * A leader submits the rendered decision form with a sanction heavier than recommended and no reason for it: the page
 * comes back with the reason next to the form, once (walkthrough 13: it was at the top as well), the browser is taken to the one next to the form
 * (focused, in view), and what was typed is still there. Real browser, synthetic case.
 */
@QuarkusTest
class LeadershipRefusalNearFormBrowserTest extends BrowserTest {

    LeadershipRefusalNearFormBrowserTest() {
        super(1280, 700);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;




    @Test
    void shouldShowAndFocusTheDecisionsRefusalNextToItsForm() {
        Account counsellor = fixtures.account("near-leader-counsellor", Role.COUNSELLOR);
        fixtures.account("near-leader-pimpinan", Role.PIMPINAN);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        new CaseworkSteps(InboxFixtures.login("near-leader-counsellor"), ref).toConcluded(counsellor.id, "written_warning",
                () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));

        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox/pimpinan/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username"))).sendKeys("near-leader-pimpinan");
        driver.findElement(By.id("j_password")).sendKeys(InboxFixtures.PASSWORD);
        driver.findElement(By.id("login")).click();
        WebElement number = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision-number")));
        js("arguments[0].scrollIntoView({block: 'center'});", number);
        number.sendKeys("KEP-SINTETIS/7");
        js("arguments[0].value = arguments[1];", driver.findElement(By.id("decided-on")), CaseworkSteps.today());
        new Select(driver.findElement(By.id("decision-measure"))).selectByValue("student_expulsion"); // heavier than recommended
        driver.findElement(By.id("decision-text")).sendKeys("Isi keputusan sintetis");
        driver.findElement(By.id("save-decision")).click();

        WebElement near = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#decision .alert.refusal")));
        assertTrue(near.getText().startsWith("Sanksi ini lebih berat"), near.getText());
        assertEquals(1, driver.findElements(By.cssSelector("main .alert.refusal, main .alert.refused")).size(),
                "the reason once, next to the form, not at the top of the page too");
        wait.until(d -> near.equals(d.switchTo().activeElement()));
        assertTrue((Boolean) js("var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", near),
                "the reason next to the form is in view");
        assertEquals("KEP-SINTETIS/7", driver.findElement(By.id("decision-number")).getAttribute("value"), "what was typed is kept");
        assertEquals("Isi keputusan sintetis", driver.findElement(By.id("decision-text")).getAttribute("value"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
