package id.ruangaman.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor types a reply while a coordinator, in another session, deactivates the account, and then presses Kirim.
 * The reply is not sent under the inactive account, and nothing is recorded for it; the login page it gets says the
 * account was deactivated and that nothing was saved or sent (before, it said the session had ended and that logging in
 * again would give the text back, which an inactive account cannot), and shows what was typed, read-only, to be copied.
 * The key that opens it is gone from the browser after that page. The page's live stream reconnects (and is refused)
 * before Kirim is pressed, as it does within seconds of a deactivation. In Chromium, typing in the rendered form. Synthetic.
 */
@QuarkusTest
class DeactivatedWhileReplyingBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    EntityManager em;

    @Test
    void shouldRefuseTheReplyOfADeactivatedAccountSayWhyAndKeepTheTextToCopy() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account coordinator = fixtures.account("dwr-coord-" + suffix, Role.COORDINATOR);
        Account counsellor = fixtures.account("dwr-counsellor-" + suffix, Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set assignee_id = ?1 where reference_code = ?2")
                .setParameter(1, counsellor.id).setParameter(2, ref).executeUpdate());
        String root = base.toString().replaceAll("/$", "");

        driver.get(root + "/inbox/cases/" + ref);
        typeLogin(counsellor.username, InboxFixtures.PASSWORD);
        WebElement text = wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-text")));
        text.sendKeys("Balasan sintetis yang sedang ditulis");

        InboxFixtures.as(InboxFixtures.login(coordinator.username)).formParam("active", "false").when()
                .post("/inbox/accounts/" + counsellor.id + "/active").then().statusCode(303);
        // What the open page does by itself while the counsellor is still typing: its live stream, ended by the
        // deactivation, reconnects. Waited for here, so the reply is posted after it, as it is when typing takes longer
        // than a few seconds (before, the test raced the page's own reconnect, and lost it under load).
        Object reconnect = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/inbox/events', { headers: { 'Accept': 'text/event-stream' }, redirect: 'manual' })"
                + ".then(function (r) { done(r.type + ' ' + r.status); }, function (e) { done('failed ' + e); });");
        assertFalse(String.valueOf(reconnect).startsWith("basic 2"), "the ended session's stream is refused: " + reconnect);
        WebElement send = driver.findElement(By.id("send-reply"));
        js("arguments[0].scrollIntoView({block: 'center'})", send);
        send.click();

        WebElement said = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-deactivated")));
        assertTrue(said.getText().contains("Akun Anda sudah dinonaktifkan oleh koordinator"), said.getText());
        assertTrue(said.getText().contains("tidak disimpan dan tidak dikirim"), said.getText());
        assertTrue(driver.findElements(By.id("session-ended")).isEmpty(), "not told a login gives it back");
        WebElement kept = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("typed-kept")));
        wait.until(d -> "Balasan sintetis yang sedang ditulis".equals(kept.getAttribute("value")));
        assertEquals("true", kept.getAttribute("readonly"));
        assertFalse(String.valueOf(js("return document.cookie;")).contains("ruangaman-deactivated"), "the key is dropped");
        assertEquals(null, js("return sessionStorage.getItem('ruangaman-kept-after-login');"), "nothing waits for a login");

        assertEquals(0L, count("select count(*) from chat_message m join intake i on i.id = m.intake_id "
                + "where i.reference_code = ?1 and m.author_account_id = ?2", ref, counsellor.id), "no reply queued");
        assertEquals(0L, count("select count(*) from audit_event a join intake i on i.id = a.intake_id "
                + "where i.reference_code = ?1 and a.action = 'reply' and a.actor_account_id = ?2", ref, counsellor.id), "none recorded");
    }

    private long count(String sql, String ref, long account) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, ref).setParameter(2, account)
                .getSingleResult()).longValue());
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
