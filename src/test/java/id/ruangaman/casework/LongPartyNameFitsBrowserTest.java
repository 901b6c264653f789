package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough (later stages, fresh6): a party's name may be 200 characters long (a full name with titles and an
 * explanation). On a desktop window, the list that picks the party to examine was as wide as its longest name, so the
 * SOP page scrolled sideways and the form's other fields left the screen. A list is never wider than its column now.
 * The test adds the party with the rendered form in a real browser. Synthetic names.
 */
@QuarkusTest
class LongPartyNameFitsBrowserTest extends SopBrowserTest {

    @Inject
    InboxFixtures fixtures;

    @Override
    List<String> codes() {
        return List.of("student", "in_examination");
    }

    @Test
    void shouldKeepTheSopPageWithinTheWindowWithALongPartyName() {
        Account counsellor = fixtures.account("long-party-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        new CaseworkSteps(InboxFixtures.login("long-party-counsellor"), ref).toExamination(counsellor.id);

        login("long-party-counsellor");
        driver.get(root() + "/inbox/cases/" + ref + "/sop#party");
        String name = ("Terlapor Sintetis Dengan Nama Yang Sangat Panjang Sekali, " + "gelar dan keterangan sintetis ".repeat(6))
                .substring(0, 200);
        new Select(driver.findElement(By.id("party-role"))).selectByValue("terlapor");
        type(By.id("party-name"), name);
        new Select(driver.findElement(By.id("campus-status"))).selectByValue("student");
        pressAndWait(By.id("add-party"));
        waitText(By.id("party"), name.substring(0, 60));

        Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.longValue() <= 0, "the SOP page scrolls sideways by " + overflow + " px");
        assertNoCodes();
    }
}
