package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.conversation.Input;
import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A leader has a concluded case's leadership page open, the decision half typed, when the person erases their data with
 * /hapus. The page learns it without a reload, as the counsellors' pages do: one line says so, the conclusion's and
 * recommendation's texts leave the screen (the page shows what the server now renders: the kept skeleton), no form can
 * be sent, and what was typed is kept in one read-only box to be copied. Before, the page went on showing what the
 * person had erased until it was reloaded: leadership's accounts had no live events at all. Synthetic accounts, case and
 * texts.
 */
@QuarkusTest
class LeadershipErasedWhileOpenBrowserTest extends BrowserTest {

    private static final String TYPED = "Keputusan sintetis yang sedang diketik";

    LeadershipErasedWhileOpenBrowserTest() {
        super(1280, 900);
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
    void shouldShowOnlyWhatIsLeftOnAnOpenLeadershipPageWhenThePersonErasesTheirData() {
        Account counsellor = fixtures.account("leader-erased-counsellor", Role.COUNSELLOR);
        fixtures.account("leader-erased-leader", Role.PIMPINAN);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        new CaseworkSteps(InboxFixtures.login("leader-erased-counsellor"), ref).toConcluded(counsellor.id, "written_warning",
                () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        driver.get(base.toString().replaceAll("/$", "") + "/inbox/pimpinan/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin("leader-erased-leader", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision-text")));
        assertTrue(driver.findElement(By.id("content")).getText().contains("Terlapor sintetis, mahasiswa"), "the conclusion, before");
        // were the page's standing check refused (the case shut to the leader meanwhile), its line would not speak of a counsellor
        assertTrue(driver.findElement(By.id("case-gone")).getAttribute("data-moved").startsWith("Halaman ini tidak lagi terbuka untuk akun Anda"),
                driver.findElement(By.id("case-gone")).getAttribute("data-moved"));
        type(By.id("decision-text"), TYPED);
        markNotReloaded();

        fixtures.survivorSends(ref, new Input.Text("/hapus"));
        fixtures.survivorSends(ref, new Input.Text("ya"));

        lineShownInPlace("case-gone", "Pelapor baru saja menghapus data laporannya");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("erased-skeleton")));
        String shown = driver.findElement(By.id("content")).getText();
        assertFalse(shown.contains("Terlapor sintetis, mahasiswa") || shown.contains("Bentuk sintetis"),
                "what the person erased has left the screen: " + shown);
        assertTrue(driver.findElements(By.id("decision-text")).isEmpty(), "the decision form is gone");
        assertFrozenKeeping(TYPED);
        assertEquals(1, driver.findElements(By.id("case-gone")).size(), "the line once");
    }
}
