package id.ruangaman.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A coordinator deactivates a counsellor who leaves with two open cases, on the Akun page in a real browser: the row says
 * the account is deactivated and that 2 cases went back to the queue, to be assigned to someone else, and its link shows
 * exactly those cases. A press of Nonaktifkan on an older page (the account deactivated meanwhile in another tab) says
 * the account is already inactive, not that its state changed. Synthetic accounts and cases.
 */
@QuarkusTest
class DeactivationReturnsCasesBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    AccountService service;
    @Inject
    EntityManager em;

    @Test
    void shouldSayHowManyCasesWentBackToTheQueueAndLinkToThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account coordinator = fixtures.account("retb-coord-" + suffix, Role.COORDINATOR);
        Account leaving = fixtures.account("retb-leaving-" + suffix, Role.COUNSELLOR);
        List<String> open = List.of(fixtures.submittedCase(true), fixtures.submittedCase(true));
        for (String ref : open) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set assignee_id = ?1 where reference_code = ?2")
                    .setParameter(1, leaving.id).setParameter(2, ref).executeUpdate());
        }
        logIn(coordinator.username);

        deactivateButton(leaving.username).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("returned-cases-" + leaving.id)))
                .findElement(By.xpath("./ancestor::tr"));
        assertTrue(row.getText().contains("Akun dinonaktifkan: akun ini tidak bisa masuk lagi."), row.getText());
        assertEquals("2 kasus dikembalikan ke antrean. Tugaskan ke pendamping lain. Lihat kasusnya",
                driver.findElement(By.id("returned-cases-" + leaving.id)).getText());
        driver.findElement(By.id("returned-cases-" + leaving.id)).findElement(By.linkText("Lihat kasusnya")).click();
        wait.until(ExpectedConditions.urlContains("view=returned"));
        String list = driver.findElement(By.tagName("main")).getText();
        for (String ref : open) {
            assertTrue(list.contains(ref), "the link shows " + ref + ": " + list);
        }

        // Two tabs: this page still offers Nonaktifkan for an account another tab deactivated meanwhile.
        Account other = fixtures.account("retb-other-" + suffix, Role.COUNSELLOR);
        driver.get(base.toString().replaceAll("/$", "") + "/inbox/accounts");
        WebElement stale = deactivateButton(other.username);
        service.setActive(coordinator.username, other.id, false);
        stale.click();
        WebElement said = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#saved")));
        assertEquals("Akun ini sudah nonaktif.", said.getText());
        assertTrue(said.findElement(By.xpath("./ancestor::tr")).getText().startsWith(other.username), "said in that account's row");
    }

    private WebElement deactivateButton(String username) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[td[1][normalize-space()='" + username + "']]//button[@name='active' and @value='false']")));
    }

    private void logIn(String username) {
        driver.get(base.toString().replaceAll("/$", "") + "/inbox/accounts");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin(username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }
}
