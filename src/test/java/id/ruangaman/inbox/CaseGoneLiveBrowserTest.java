package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.conversation.Input;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor has a case's page open, reply half typed, when the case stops being theirs to answer: a coordinator
 * reassigns it, the person deletes it with /hapus, or a coordinator closes it. The page learns it without a reload
 * and says so in one line; the reply box keeps what was typed, read-only, and can no longer send (a closed case still
 * can: replies go on after closing). Before, nothing changed until the counsellor pressed "Kirim" and got a bare 403
 * page. A reply posted before the page learned it (here: a browser without the live feed) comes back as the refusal
 * with the reason and the typed text to copy. Cases are opened by their address (the list is paged). Synthetic
 * accounts, cases and texts.
 */
@QuarkusTest
class CaseGoneLiveBrowserTest extends BrowserTest {

    private static final String TYPED = "Balasan setengah jadi yang tidak boleh hilang (sintetis)";

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldSayAReassignedCaseIsNoLongerTheirsAndKeepTheTypedReply() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account from = fixtures.account("gone-from-" + suffix, Role.COUNSELLOR);
        Account to = fixtures.account("gone-to-" + suffix, Role.COUNSELLOR);
        Account coordinator = fixtures.account("gone-coord-" + suffix, Role.COORDINATOR);
        String ref = ownCaseOpenWithTyping(from);

        InboxFixtures.as(InboxFixtures.login(coordinator.username)).formParam("assignee", String.valueOf(to.id)).when()
                .post("/inbox/cases/" + ref + "/assign").then().statusCode(303);

        assertGone("Kasus ini sudah dialihkan ke konselor lain");
        assertFalse(driver.findElement(By.id("case-gone")).getText().contains(to.username), "the new counsellor is not named");
    }

    @Test
    void shouldSayACaseTakenByAnotherCounsellorIsNoLongerOpenToReply() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account viewer = fixtures.account("gone-view-" + suffix, Role.COUNSELLOR);
        Account other = fixtures.account("gone-take-" + suffix, Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true); // unassigned: on every counsellor's queue
        openWithTyping(viewer, ref);

        InboxFixtures.as(InboxFixtures.login(other.username)).formParam("assignee", "me").when()
                .post("/inbox/cases/" + ref + "/assign").then().statusCode(303);

        assertGone("Kasus ini sudah dialihkan ke konselor lain");
    }

    @Test
    void shouldSayACaseThePersonDeletedCanNoLongerBeAnswered() {
        Account from = fixtures.account("gone-del-" + UUID.randomUUID().toString().substring(0, 8), Role.COUNSELLOR);
        String ref = ownCaseOpenWithTyping(from);
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("Kronologi sintetis untuk pengujian"),
                "the story shows before the erasure");

        fixtures.survivorSends(ref, new Input.Text("/hapus"));
        fixtures.survivorSends(ref, new Input.Text("ya"));

        assertGone("Pelapor baru saja menghapus data laporannya");
        assertFalse(driver.findElement(By.tagName("body")).getText().contains("Kronologi sintetis untuk pengujian"),
                "the erased story no longer shows on the open page");
        assertTrue(driver.findElements(By.id("intake")).isEmpty(), "nor the report's answers");
        // Nothing of the person stays that the erased case's own page (reloaded) would not show: before, the kinds of
        // violence, the reporter's role in their own words ("Saya sendiri"), the channel, the contact's reveal form, the
        // unsafe-chat line and the canned replies stayed on the open page.
        String main = driver.findElement(By.id("content")).getText();
        assertFalse(main.contains("Saya sendiri"), "the reporter's own choice no longer shows: " + main);
        assertFalse(main.contains("Telegram") || main.contains("Chat uji coba"), "nor the channel: " + main);
        assertTrue(driver.findElements(By.cssSelector(".violence-types, details.reveal, dl.facts, #canned, #unsafe-warning, "
                + ".urgent-medical-note, .child-note, .child-online-note")).isEmpty(),
                "no classification, contact, facts or canned reply is left: " + main);
    }

    @Test
    void shouldSayACaseClosedMeanwhileWasClosedAndStillLetTheReplyGo() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account from = fixtures.account("gone-close-" + suffix, Role.COUNSELLOR);
        Account coordinator = fixtures.account("gone-closer-" + suffix, Role.COORDINATOR);
        String ref = ownCaseOpenWithTyping(from);

        InboxFixtures.as(InboxFixtures.login(coordinator.username)).formParam("status", "closed").formParam("reason", "duplicate")
                .when().post("/inbox/cases/" + ref + "/status").then().statusCode(303);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-gone")));
        assertTrue(driver.findElement(By.id("case-gone")).getText().contains("Kasus ini baru saja ditutup"));
        assertEquals("yes", driver.findElement(By.tagName("body")).getAttribute("data-not-reloaded"), "the page was not reloaded");
        WebElement box = driver.findElement(By.id("reply-text"));
        assertEquals(TYPED, box.getAttribute("value"));
        click(By.id("send-reply"));
        wait.until(ExpectedConditions.stalenessOf(box));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//li[contains(@class,'out')][.//div[@class='text' and contains(., '" + TYPED + "')]]")));
    }

    @Test
    void shouldShowTheRefusalWithTheTypedTextWhenAReplyIsSentAfterTheCaseMoved() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account from = fixtures.account("gone-late-" + suffix, Role.COUNSELLOR);
        Account to = fixtures.account("gone-late-to-" + suffix, Role.COUNSELLOR);
        Account coordinator = fixtures.account("gone-late-c-" + suffix, Role.COORDINATOR);
        // a browser whose live feed never arrives (a proxy that drops event streams): the page cannot learn it first
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "delete window.EventSource;"));
        String ref = ownCaseOpenWithTyping(from);

        InboxFixtures.as(InboxFixtures.login(coordinator.username)).formParam("assignee", String.valueOf(to.id)).when()
                .post("/inbox/cases/" + ref + "/assign").then().statusCode(303);
        WebElement box = driver.findElement(By.id("reply-text"));
        click(By.id("send-reply"));
        wait.until(ExpectedConditions.stalenessOf(box));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("typed-unsent")));
        assertEquals(TYPED, driver.findElement(By.id("typed-unsent")).getAttribute("value"), "what was typed, to copy");
        String body = driver.findElement(By.tagName("body")).getText();
        assertTrue(body.contains("Kasus ini ditangani konselor lain"), body);
        assertFalse(body.contains("Kronologi sintetis"), "nothing of the case is shown: " + body);
    }

    /** A new case taken by {@code counsellor}, opened in the browser by its address, with {@link #TYPED} in its reply box. */
    private String ownCaseOpenWithTyping(Account counsellor) {
        String ref = fixtures.submittedCase(true);
        InboxFixtures.as(InboxFixtures.login(counsellor.username)).formParam("assignee", "me").when()
                .post("/inbox/cases/" + ref + "/assign").then().statusCode(303);
        openWithTyping(counsellor, ref);
        return ref;
    }

    private void openWithTyping(Account counsellor, String ref) {
        driver.get(base.toString().replaceAll("/$", "") + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin(counsellor.username, InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        type(By.id("reply-text"), TYPED);
        ((JavascriptExecutor) driver).executeScript("document.body.setAttribute('data-not-reloaded', 'yes')");
    }

    private void assertGone(String line) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-gone")));
        assertTrue(driver.findElement(By.id("case-gone")).getText().contains(line), driver.findElement(By.id("case-gone")).getText());
        assertEquals("yes", driver.findElement(By.tagName("body")).getAttribute("data-not-reloaded"), "the page was not reloaded");
        WebElement box = driver.findElement(By.id("reply-text"));
        assertEquals(TYPED, box.getAttribute("value"), "what was typed stays, to copy");
        assertEquals("true", box.getAttribute("readonly"));
        assertFalse(driver.findElement(By.id("send-reply")).isEnabled(), "the reply can no longer be sent");
        assertTrue(driver.findElement(By.id("reply-unsendable")).isDisplayed());
    }
}
