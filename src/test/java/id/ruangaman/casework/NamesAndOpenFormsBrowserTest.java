package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * In a real browser that types into the rendered forms: a coordinator writes a counsellor's name on the accounts page
 * and records the surat tugas with that counsellor in the team, and the printed letter names the person and their role
 * (not the username); an SOP form whose step has not come says so before anyone types (its fields disabled, the
 * reason above them), and a form posted from a page shown before the case moved on is refused next to the form with
 * what was typed kept. Synthetic names and case.
 */
@QuarkusTest
class NamesAndOpenFormsBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseworkRepository repo;
    @Inject
    CaseFileRepository cases;

    @Test
    void shouldPrintTheNameTheCoordinatorTypedOnTheAssignmentLetter() {
        fixtures.account("bn-coordinator", Role.COORDINATOR);
        Account counsellor = fixtures.account("bn-konselor-7", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("bn-coordinator"), ref);
        assertEquals(303, steps.status("in_verification"));
        steps.verify();
        assertEquals(303, steps.meeting(counsellor.id, "examination"));

        String root = root();
        driver.get(root + "/inbox/accounts");
        typeLogin("bn-coordinator", InboxFixtures.PASSWORD);
        type(By.id("full-name-" + counsellor.id), "Dewi Lestari Sintetis");
        click(By.id("save-name-" + counsellor.id));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertEquals("Dewi Lestari Sintetis", driver.findElement(By.id("full-name-" + counsellor.id)).getAttribute("value"));

        driver.get(root + "/inbox/cases/" + ref + "/sop");
        WebElement member = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#letter input[name=team][value='" + counsellor.id + "']")));
        assertTrue(member.findElement(By.xpath("..")).getText().contains("Dewi Lestari Sintetis"), "the team is chosen by name");
        type(By.id("letter-number"), "ST/SELENIUM/7");
        js("arguments[0].value = arguments[1]", driver.findElement(By.id("letter-issued-on")), CaseworkSteps.today());
        type(By.id("signatory-name"), "Pimpinan Sintetis");
        type(By.id("signatory-title"), "Rektor");
        if (!member.isSelected()) {
            js("arguments[0].scrollIntoView({block: 'center'});", member);
            member.click();
        }
        WebElement saveLetter = driver.findElement(By.id("save-letter"));
        click(By.id("save-letter"));
        // the print link is on the page the letter is saved from too: clicked there, it could cancel the post
        wait.until(ExpectedConditions.stalenessOf(saveLetter));
        click(By.id("print-surat-tugas"));
        WebElement team = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assignment-team")));
        assertTrue(team.getText().contains("Dewi Lestari Sintetis"), team.getText());
        assertTrue(team.getText().contains("Konselor"), "the role, as a label");
        assertFalse(team.getText().contains("bn-konselor-7"), "not the username");
    }

    @Test
    void shouldSayAFormIsNotOpenBeforeTypingAndKeepWhatAStalePagePosted() {
        Account counsellor = fixtures.account("bn-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("bn-counsellor"), ref);
        assertEquals(303, steps.status("in_verification"));

        String root = root();
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        typeLogin("bn-counsellor", InboxFixtures.PASSWORD);
        WebElement why = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("meeting-not-open")));
        assertTrue(why.getText().contains("belum terverifikasi"), why.getText());
        assertFalse(driver.findElement(By.id("options-explained")).isEnabled(), "nobody can type into the meeting before its step");
        assertFalse(driver.findElement(By.id("save-meeting")).isEnabled());
        assertTrue(driver.findElement(By.id("finding-chronology")).isEnabled(), "the findings are open in verification");

        steps.verify();
        steps.examine(counsellor.id);
        assertEquals(303, steps.party("terlapor", "Dodi Sintetis"));
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        assertEquals(303, steps.interview(party, "Berita acara sintetis"));
        assertEquals(303, steps.provenConclusion());
        assertEquals(303, steps.provenRecommendation("written_warning"));

        driver.get(root + "/inbox/cases/" + ref + "/sop"); // shown while the conclusion can still be changed
        WebElement identity = wait.until(ExpectedConditions.elementToBeClickable(By.id("party-identity")));
        assertEquals(303, steps.status("concluded")); // meanwhile someone concludes the case
        js("arguments[0].scrollIntoView({block: 'center'});", identity);
        identity.clear();
        identity.sendKeys("Identitas sintetis yang diketik ulang dengan panjang");
        click(By.id("save-conclusion"));

        WebElement refusal = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#conclusion .alert.refusal")));
        assertTrue(refusal.getText().contains("tahap pemeriksaan"), refusal.getText());
        WebElement kept = driver.findElement(By.id("party-identity"));
        assertEquals("Identitas sintetis yang diketik ulang dengan panjang", kept.getAttribute("value"), "what was typed is kept");
        assertTrue(kept.isEnabled(), "and can still be copied");
        assertEquals(1, driver.findElements(By.cssSelector("main .alert.refusal")).size(), "the reason is said once");
    }

    /**
     * The header names the signed-in person (not their username), and on a new case's SOP page every form whose step
     * has not come opens with the same sentence before its reason, the examination's forms included.
     */
    @Test
    void shouldNameTheSignedInPersonAndOpenEveryClosedFormWithTheSameSentence() {
        fixtures.account("bn-coordinator-h", Role.COORDINATOR);
        Account counsellor = fixtures.account("bn-konselor-h", Role.COUNSELLOR);
        InboxFixtures.as(InboxFixtures.login("bn-coordinator-h")).formParam("full_name", "Ayu Pertiwi Sintetis").when()
                .post("/inbox/accounts/" + counsellor.id + "/name").then().statusCode(303);
        String ref = fixtures.submittedCase(true);

        String root = root();
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        typeLogin("bn-konselor-h", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conclusion-not-open")));
        assertEquals("Ayu Pertiwi Sintetis", driver.findElement(By.cssSelector("a.who[href='/inbox/account']")).getText());

        java.util.List<WebElement> closed = driver.findElements(By.cssSelector("p.form-closed"));
        java.util.List<String> forms = closed.stream().map(p -> p.getAttribute("id")).toList();
        assertTrue(forms.containsAll(java.util.List.of("findings-not-open", "meeting-not-open", "letter-not-open", "interview-not-open",
                "conclusion-not-open")), forms.toString());
        for (WebElement p : closed) {
            assertTrue(p.getText().startsWith("Formulir ini belum bisa diisi. "), p.getAttribute("id") + ": " + p.getText());
        }
    }

    private String root() {
        return base.toString().replaceAll("/$", "");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
