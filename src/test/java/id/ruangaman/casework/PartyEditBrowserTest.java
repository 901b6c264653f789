package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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
 * A party added with a typo, corrected and removed on the SOP page in a real browser. Before, a party could only be
 * added: a misspelt terlapor stayed on every letter. Now its row opens a form to correct the role, name and campus
 * status (the name stays encrypted in the database), and to remove it while no examination of it exists; a party with
 * an examination and its minutes is refused with the reason that names it, and a refused correction is shown in its
 * row with what was typed. Both are in the audit log, never the name. Synthetic case and names.
 */
@QuarkusTest
class PartyEditBrowserTest extends BrowserTest {

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
    void shouldCorrectAndRemoveAPartyWhileNothingDependsOnIt() {
        Account counsellor = fixtures.account("party-edit-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("party-edit-counsellor"), ref);
        assertEquals(303, steps.status("in_verification"));
        steps.tickChecklist();
        assertEquals(303, steps.assessment());
        assertEquals(303, steps.status("verified"));
        assertEquals(303, steps.meeting(counsellor.id, "examination"));
        assertEquals(303, steps.letter(counsellor.id));
        assertEquals(303, steps.status("in_examination"));
        assertEquals(303, steps.party("terlapor", "Dodi Sintetsi"));
        assertEquals(303, steps.party("witness", "Sari Sintetis"));
        long terlapor = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        long witness = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(1).id);
        assertEquals(303, steps.interview(witness, "Berita acara sintetis"));
        String root = base.toString().replaceAll("/$", "");

        driver.get(root + "/inbox/cases/" + ref + "/sop");
        typeLogin("party-edit-counsellor", InboxFixtures.PASSWORD);
        click(By.id("edit-party-" + terlapor));
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("party-name-" + terlapor)));
        assertEquals("Dodi Sintetsi", name.getAttribute("value"));
        name.clear();
        name.sendKeys("Dodi Sintetis");
        new Select(driver.findElement(By.id("campus-status-" + terlapor))).selectByValue("lecturer");
        click(By.id("save-party-" + terlapor));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("party-" + terlapor), "Dodi Sintetis · Dosen"));
        assertTrue(driver.findElement(By.id("saved")).getText().contains("Data pihak diubah"));
        Party corrected = QuarkusTransaction.requiringNew().call(() -> repo.find(Party.class, terlapor));
        assertEquals("Dodi Sintetis", corrected.name);
        assertEquals("lecturer", corrected.campusStatus);
        byte[] stored = QuarkusTransaction.requiringNew().call(() -> (byte[]) em.createNativeQuery("select name from case_party where id = ?1")
                .setParameter(1, terlapor).getSingleResult());
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("Dodi"), "the name stays encrypted");
        assertEquals(1L, audited("edit party:" + terlapor + " role:terlapor"));

        // a correction refused (a name of spaces) is said in its row, with what was typed
        click(By.id("edit-party-" + witness));
        WebElement witnessName = wait.until(ExpectedConditions.elementToBeClickable(By.id("party-name-" + witness)));
        witnessName.clear();
        witnessName.sendKeys("   ");
        new Select(driver.findElement(By.id("campus-status-" + witness))).selectByValue("staff");
        click(By.id("save-party-" + witness));
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#party-edit-" + witness + " #refusal")));
        assertTrue(refusal.getText().contains("Isi nama atau samaran"), refusal.getText());
        assertEquals("staff", new Select(driver.findElement(By.id("campus-status-" + witness))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("Sari Sintetis", QuarkusTransaction.requiringNew().call(() -> repo.find(Party.class, witness).name), "unchanged");

        // the witness was examined and has minutes: not removed, and the reason names what depends on it
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        click(By.id("edit-party-" + witness));
        click(By.id("remove-party-" + witness));
        refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#party-edit-" + witness + " #refusal")));
        assertTrue(refusal.getText().contains("sudah ada pemeriksaan pihak ini dengan berita acara"), refusal.getText());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> repo.find(Party.class, witness) != null));

        // the terlapor nothing depends on is removed
        driver.get(root + "/inbox/cases/" + ref + "/sop");
        click(By.id("edit-party-" + terlapor));
        click(By.id("remove-party-" + terlapor));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved"), "Pihak dihapus"));
        assertTrue(driver.findElements(By.id("party-" + terlapor)).isEmpty(), "gone from the page");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> repo.find(Party.class, terlapor) == null), "gone");
        assertEquals(1L, audited("remove party:" + terlapor + " role:terlapor"));
    }

    private long audited(String detail) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_event where action = 'party' and detail = ?1").setParameter(1, detail).getSingleResult())
                .longValue());
    }
}
