package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import id.ruangaman.conversation.Input;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 13, item 1: the live notices of a filtered case list ("a survivor wrote on 1 case not shown here", "1 new
 * report") linked to the first page without filters, where the case may not be either, and the counsellor's filters
 * were lost. The link of a notice about one case now opens that case, and the browser's Back returns to the list as
 * the counsellor had filtered it. In a real browser: the filter chosen by clicking, the notice's link clicked.
 * Synthetic cases.
 */
@QuarkusTest
class NoticeLeadsToTheCaseBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldOpenTheCaseASurvivorWroteOnAndComeBackToTheFilteredList() throws Exception {
        fixtures.account("notice-case-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true); // a dev-chat case: the WhatsApp list below hides it
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("notice-case-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        new Select(driver.findElement(By.name("channel"))).selectByValue("WHATSAPP");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("channel=WHATSAPP"));
        String filtered = driver.getCurrentUrl();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-messages")));

        CompletableFuture.runAsync(() -> fixtures.survivorSends(ref, new Input.Text("Pesan sintetis baru"))).get();
        By link = By.cssSelector("#new-messages:not([hidden]) a");
        wait.until(ExpectedConditions.visibilityOfElementLocated(link)).click();

        wait.until(ExpectedConditions.urlContains("/inbox/cases/"));
        assertEquals("/inbox/cases/" + ref, URI.create(driver.getCurrentUrl()).getPath(), "the notice leads to the case");
        driver.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        assertEquals(filtered, driver.getCurrentUrl(), "Back returns to the list as it was filtered");
        assertEquals("WHATSAPP", new Select(driver.findElement(By.name("channel"))).getFirstSelectedOption().getAttribute("value"));
    }

    @Test
    void shouldOpenANewReportTheFilteredListHides() throws Exception {
        fixtures.account("notice-report-counsellor", Role.COUNSELLOR);
        String root = base.toString().replaceAll("/$", "");
        driver.get(root + "/inbox?channel=WHATSAPP");
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("notice-report-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-list")));
        driver.get(root + "/inbox?channel=WHATSAPP");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-cases")));

        String ref = CompletableFuture.supplyAsync(() -> fixtures.submittedCase(true)).get();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#new-cases:not([hidden]) a"))).click();

        wait.until(ExpectedConditions.urlContains("/inbox/cases/"));
        assertEquals("/inbox/cases/" + ref, URI.create(driver.getCurrentUrl()).getPath(), "the notice leads to the new case");
    }
}
