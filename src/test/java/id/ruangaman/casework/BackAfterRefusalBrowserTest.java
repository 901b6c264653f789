package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Back after a refused SOP form was corrected and saved, in a real browser (Debian's chromium + chromedriver): the
 * refused page was the answer to a post, so Back to it showed Chromium's "Confirm Form Resubmission" page, a dead end
 * for a counsellor. Now Back opens the case's SOP page at the form, with what is saved. Synthetic case and texts.
 */
@QuarkusTest
class BackAfterRefusalBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldLeadBackToTheFormNotToAResubmissionPage() {
        fixtures.account("back-refusal-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("back-refusal-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        driver.get(root + "/inbox/cases/" + ref + "/sop");

        // Sent without the risks (the browser's own check set aside, as an older browser would): refused beside the form.
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("condition")))).selectByIndex(1);
        new Select(driver.findElement(By.id("risk_level"))).selectByIndex(1);
        type(By.id("mitigation"), "Mitigasi sintetis");
        js("document.getElementById('risks').removeAttribute('required')");
        click(By.id("save-assessment"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assessment #refusal")));

        type(By.id("risks"), "Risiko sintetis");
        click(By.id("save-assessment"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assessment #saved")));

        driver.navigate().back();
        wait.until(d -> "complete".equals(js("return document.readyState")));
        WebElement risks = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("risks")));
        assertFalse(driver.getCurrentUrl().startsWith("chrome-error:"), "a page of the inbox, not the browser's: " + driver.getCurrentUrl());
        assertEquals("Risiko sintetis", risks.getAttribute("value"), "the SOP page with what is saved");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
