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

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Inbox fixes, finding 5: a refused form on the SOP page (here the findings, whose examined documents may not be
 * cleared while part 3 is ticked) comes back with its reason next to the form, said once (walkthrough 13: it was at the
 * top as well), and the browser
 * is taken to that reason (focused, in view) rather than left at the top of a long page; what was typed is kept. In a
 * real browser that types and submits the rendered form. Synthetic case.
 */
@QuarkusTest
class SopRefusalNearFormBrowserTest extends BrowserTest {

    SopRefusalNearFormBrowserTest() {
        super(1280, 800);
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;




    @Test
    void shouldShowAndFocusTheFindingsRefusalNextToItsForm() {
        fixtures.account("near-coordinator", Role.COORDINATOR);
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("near-coordinator"), ref);
        assertEquals(303, steps.status("in_verification"));
        steps.tickChecklist(); // records the documents examined, then ticks every part, part 3 too

        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username"))).sendKeys("near-coordinator");
        driver.findElement(By.id("j_password")).sendKeys(InboxFixtures.PASSWORD);
        driver.findElement(By.id("login")).click();
        WebElement examined = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-examined")));
        js("arguments[0].scrollIntoView({block: 'center'});", examined);
        examined.clear();
        driver.findElement(By.id("finding-chronology")).sendKeys("Temuan sintetis: kronologi runtut");
        driver.findElement(By.id("save-findings")).click();

        WebElement near = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#findings .alert.refusal")));
        assertEquals(1, driver.findElements(By.cssSelector("main .alert.refusal, main .alert.refused")).size(),
                "the reason once, next to the form, not at the top of the page too");
        assertEquals("refusal", near.getAttribute("id"));
        wait.until(d -> near.equals(d.switchTo().activeElement()));
        assertTrue((Boolean) js("var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", near),
                "the reason next to the form is in view");
        assertEquals("Temuan sintetis: kronologi runtut", driver.findElement(By.id("finding-chronology")).getAttribute("value"));
        assertEquals("", driver.findElement(By.id("evidence-examined")).getAttribute("value"), "what was typed (cleared) is kept");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
