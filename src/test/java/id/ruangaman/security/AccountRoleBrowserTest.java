package id.ruangaman.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.BrowserTest;
import id.ruangaman.testing.HeadlessChromium;
import id.ruangaman.web.Refused;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A coordinator changes an account's role on the Akun page, in a real browser. Before, the page showed the role as
 * text and nothing could change it. The counsellor made coordinator sees the coordinator's pages on the next page they
 * open, without logging in again, and loses them on the next page after being made counsellor again; each change is in
 * the audit log with the role before and after. Leadership for an account that still has an open case assigned is
 * refused next to that row with the reason, the role chosen kept; the last active coordinator cannot lose the role.
 * Synthetic accounts.
 */
@QuarkusTest
class AccountRoleBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    AccountService service;
    @Inject
    EntityManager em;

    @Test
    void shouldLetACoordinatorChangeARoleThatAppliesOnTheNextPage() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account counsellor = fixtures.account("peran-" + suffix, Role.COUNSELLOR);
        fixtures.account("peran-koordinator-" + suffix, Role.COORDINATOR);
        String root = base.toString().replaceAll("/$", "");

        driver.get(root + "/inbox");
        typeLogin(counsellor.username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertTrue(driver.findElements(By.cssSelector("nav a[href='/inbox/accounts']")).isEmpty(), "a counsellor manages no accounts");

        try (HeadlessChromium other = HeadlessChromium.start(1280, 1600)) {
            WebDriver coordinator = other.driver();
            WebDriverWait waitFor = other.await();
            coordinator.get(root + "/inbox/accounts");
            waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username"))).sendKeys("peran-koordinator-" + suffix);
            coordinator.findElement(By.id("j_password")).sendKeys(InboxFixtures.PASSWORD);
            coordinator.findElement(By.id("login")).click();
            waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
            coordinator.get(root + "/inbox/accounts");

            Select role = new Select(waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("role-" + counsellor.id))));
            assertEquals("Konselor", role.getFirstSelectedOption().getText(), "the role by its label");
            role.selectByValue(Role.COORDINATOR);
            WebElement save = coordinator.findElement(By.id("save-role-" + counsellor.id));
            save.click();
            waitFor.until(ExpectedConditions.stalenessOf(save));
            WebElement said = waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
            assertTrue(said.getText().startsWith("Peran akun diubah"), said.getText());
            assertEquals("Koordinator", new Select(coordinator.findElement(By.id("role-" + counsellor.id))).getFirstSelectedOption().getText());

            // the account's next page, in its own browser, without a new login
            driver.get(root + "/inbox");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav a[href='/inbox/accounts']")));
            driver.get(root + "/inbox/accounts");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("role-" + counsellor.id)));

            // leadership opens no cases: an account with an open case assigned keeps its role until the case is handed on
            String ref = fixtures.submittedCase(true);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set assignee_id = ?1 where id = ?2")
                    .setParameter(1, counsellor.id).setParameter(2, cases.findByReference(ref).orElseThrow().id).executeUpdate());
            coordinator.get(root + "/inbox/accounts");
            new Select(waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("role-" + counsellor.id)))).selectByValue(Role.PIMPINAN);
            coordinator.findElement(By.id("save-role-" + counsellor.id)).click();
            WebElement refused = waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("role-refused-" + counsellor.id)));
            assertTrue(refused.getText().contains("masih menjadi penanggung jawab kasus"), refused.getText());
            assertEquals("Pimpinan", new Select(coordinator.findElement(By.id("role-" + counsellor.id))).getFirstSelectedOption().getText(),
                    "the role chosen is kept beside the reason");
            assertEquals(Role.COORDINATOR, role(counsellor.id), "unchanged");

            new Select(coordinator.findElement(By.id("role-" + counsellor.id))).selectByValue(Role.COUNSELLOR);
            coordinator.findElement(By.id("save-role-" + counsellor.id)).click();
            waitFor.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        }
        driver.get(root + "/inbox");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertTrue(driver.findElements(By.cssSelector("nav a[href='/inbox/accounts']")).isEmpty(), "a counsellor again on the next page");
        assertEquals(1L, audited("account:" + counsellor.id + " from_role:counsellor role:coordinator"));
        assertEquals(1L, audited("account:" + counsellor.id + " from_role:coordinator role:counsellor"));
    }

    /** The last active coordinator keeps the role: nobody could manage accounts otherwise. Undone after, like the others. */
    @Test
    void shouldRefuseToTakeTheRoleOfTheLastActiveCoordinator() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account last = fixtures.account("terakhir-" + suffix, Role.COORDINATOR);
        class Undo extends RuntimeException {
        }
        assertThrows(Undo.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update account set active = false where role = 'coordinator' and id <> ?1").setParameter(1, last.id)
                    .executeUpdate();
            Refused e = assertThrows(Refused.class, () -> service.setRole("terakhir-" + suffix, last.id, Role.COUNSELLOR));
            assertEquals(409, e.status());
            assertEquals("last_coordinator", id.ruangaman.web.Refusals.reasonKey(e.getMessage(), e.status()));
            throw new Undo(); // the other coordinators stay active for the other tests
        }));
        assertEquals(Role.COORDINATOR, role(last.id));
    }

    private String role(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("select role from account where id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    private long audited(String detail) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_event where action = 'account_role' and detail = ?1").setParameter(1, detail)
                .getSingleResult()).longValue());
    }
}
