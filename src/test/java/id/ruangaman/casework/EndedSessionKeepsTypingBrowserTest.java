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

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor writes a long form and presses Simpan after the session has ended (30 minutes without a click: typing is
 * no click). The post is answered with the login page. Before, that page said nothing and what was typed (a whole
 * conclusion, a reply) was gone after the login. Now the login page says the form was not saved and that the text
 * waits in this tab, and after the login the same page has it back in its form (the choice of one too) with a line
 * that says why, ready to check and save. In a real browser that types and submits the rendered forms; the session is
 * ended on the server, as 31 idle minutes end it. Synthetic case.
 */
@QuarkusTest
class EndedSessionKeepsTypingBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldGiveBackWhatWasTypedAfterTheLoginThatAnEndedSessionAskedFor() {
        Account counsellor = fixtures.account("ended-session-counsellor", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(InboxFixtures.login("ended-session-counsellor"), ref);
        assertEquals(303, steps.status("in_verification"));
        steps.tickChecklist();
        assertEquals(303, steps.assessment());
        assertEquals(303, steps.status("verified"));
        assertEquals(303, steps.meeting(counsellor.id, "examination"));
        assertEquals(303, steps.letter(counsellor.id));
        assertEquals(303, steps.status("in_examination"));
        String root = base.toString().replaceAll("/$", "");

        driver.get(root + "/inbox/cases/" + ref + "/sop");
        typeLogin("ended-session-counsellor", InboxFixtures.PASSWORD);
        click(By.id("outcome-proven"));
        type(By.id("party-identity"), "Terlapor sintetis, asisten lab");
        type(By.id("violence-form"), "Bentuk sintetis yang panjang ditulis dengan hati-hati");
        type(By.id("protection"), "Jadwal lab dipisah");
        fixtures.idleSessions(counsellor.id);
        click(By.id("save-conclusion"));

        WebElement ended = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("session-ended")));
        assertTrue(ended.getText().contains("belum tersimpan"), ended.getText());
        String stored = storedInTab();
        assertFalse(stored.contains("asisten lab") || stored.contains("ditulis dengan hati-hati") || stored.contains("Jadwal lab"),
                "what waits for the login is sealed, not plain text: " + stored);
        typeLogin("ended-session-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/inbox/cases/" + ref + "/sop"));
        WebElement restored = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("typed-restored")));
        assertTrue(restored.getText().contains("dikembalikan"), restored.getText());
        assertTrue((Boolean) js("return document.querySelector('#conclusion form').previousElementSibling === arguments[0];", restored),
                "the line is next to the form it speaks of");
        assertEquals("Terlapor sintetis, asisten lab", value("party-identity"));
        assertEquals("Bentuk sintetis yang panjang ditulis dengan hati-hati", value("violence-form"));
        assertEquals("Jadwal lab dipisah", value("protection"));
        assertTrue(driver.findElement(By.id("outcome-proven")).isSelected(), "the outcome chosen is chosen again");
        type(By.id("accompaniment"), "Pendampingan psikologis sintetis");
        click(By.id("save-conclusion"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conclusion-outcome"), "Terbukti"));

        // the reply on the case page, the same way; a page shown later says nothing of it
        driver.get(root + "/inbox/cases/" + ref);
        type(By.id("reply-text"), "Balasan sintetis yang ditulis lama");
        fixtures.idleSessions(counsellor.id);
        click(By.id("send-reply"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("session-ended")));
        typeLogin("ended-session-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("typed-restored")));
        assertEquals("Balasan sintetis yang ditulis lama", value("reply-text"));
        driver.get(root + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        assertEquals("", value("reply-text"), "given back once, on the first page after the login");
        assertTrue(driver.findElements(By.id("typed-restored")).isEmpty());
    }

    /**
     * A shared browser tab: a counsellor's session ends while a reply is typed, and the next person to log in there is
     * someone else. Before, their first page put the first counsellor's text into the reply box, and while the login page
     * showed the text sat in the tab's storage in plain text for anyone with the browser's developer tools. Now it is
     * sealed with the account's key (AES-GCM; the key comes with that account's pages only, never the name or id): the
     * login page's storage holds no plain text, the other account's key does not open it and it is gone from the tab's
     * storage, and the first counsellor logging in afterwards does not get it either.
     */
    @Test
    void shouldNotGiveWhatWasTypedToAnotherAccountThatLogsInOnTheSameTab() {
        fixtures.account("shared-tab-colleague", Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        String root = base.toString().replaceAll("/$", "");
        replyUntilTheSessionEnds("shared-tab-counsellor", ref, "Balasan sintetis yang hanya untuk akun ini");
        assertTrue(js("return sessionStorage.getItem('ruangaman-kept-after-login');") != null, "something waits in the tab for the login");
        String stored = storedInTab();
        assertFalse(stored.contains("hanya untuk akun ini") || stored.contains("Balasan sintetis"),
                "while the login page shows, the tab's storage holds no plain text: " + stored);
        assertFalse(stored.contains("shared-tab-counsellor"), "nor the account's name");

        typeLogin("shared-tab-colleague", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        assertEquals("", value("reply-text"), "another account does not get the text");
        assertTrue(driver.findElements(By.id("typed-restored")).isEmpty());
        assertEquals(null, js("return sessionStorage.getItem('ruangaman-kept-after-login');"), "and it is gone from the tab");

        click(By.id("logout"));
        // The logout's own redirects end on the login page; asked for before they do, the case page's address could be
        // overwritten by theirs as the one to return to after the login.
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.get(root + "/inbox/cases/" + ref);
        typeLogin("shared-tab-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        assertEquals("", value("reply-text"), "gone for good, not kept for its writer's next login either");
        assertTrue(driver.findElements(By.id("typed-restored")).isEmpty());
    }

    /**
     * The page's own background requests come after the post: its live stream reconnects (the server ends the stream of
     * an idle session within a second) and a live refresh was on its way. Before, the form login remembered the address
     * of whichever reached the login page last, so the login could return to the stream's address, a piece of the page,
     * or the case list, and the reply kept for the page it was typed on was dropped unread. Here the two requests are
     * made from the login page itself, after the post, with the same cookies: the login still returns to the case
     * page and gives the reply back.
     */
    @Test
    void shouldReturnToThePageOfThePostWhenThePagesBackgroundRequestsComeAfterIt() {
        String ref = fixtures.submittedCase(true);
        String root = base.toString().replaceAll("/$", "");
        replyUntilTheSessionEnds("late-stream-counsellor", ref, "Balasan sintetis sebelum aliran tersambung lagi");

        Object answered = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "Promise.all([fetch('/inbox/events?after=', { headers: { 'Accept': 'text/event-stream' } }),"
                + " fetch('/inbox/cases/' + arguments[0] + '/transcript', { headers: { 'Accept': 'text/html', 'X-Ruangaman-Background': '1' } })])"
                + ".then(function (rs) { done(rs.map(function (r) { return r.url; }).join(' ')); }, function (e) { done('failed ' + e); });", ref);
        assertTrue(String.valueOf(answered).contains("/login"), "both were sent to the login page: " + answered);

        typeLogin("late-stream-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("typed-restored")));
        assertEquals(root + "/inbox/cases/" + ref, driver.getCurrentUrl());
        assertEquals("Balasan sintetis sebelum aliran tersambung lagi", value("reply-text"));
    }

    /**
     * A counsellor ({@code username}, created on first use) logs in on the case page, types {@code reply} and presses
     * Kirim after the session ended (31 idle minutes); the login page says the reply waits in the tab.
     */
    private void replyUntilTheSessionEnds(String username, String ref, String reply) {
        Account counsellor = fixtures.account(username, Role.COUNSELLOR);
        driver.get(base.toString().replaceAll("/$", "") + "/inbox/cases/" + ref);
        typeLogin(username, InboxFixtures.PASSWORD);
        type(By.id("reply-text"), reply);
        fixtures.idleSessions(counsellor.id);
        click(By.id("send-reply"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("session-ended")));
    }

    /** Every key and value of the tab's sessionStorage, as the browser's developer tools would show them. */
    private String storedInTab() {
        return String.valueOf(js("var all = []; for (var i = 0; i < sessionStorage.length; i++) { var k = sessionStorage.key(i);"
                + " all.push(k + '=' + sessionStorage.getItem(k)); } return all.join('\\n');"));
    }

    private String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
