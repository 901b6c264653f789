package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.conversation.Input;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.DevConversation;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.BrowserTest;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Inbox fixes, finding 4: a contact card the survivor shared (a witness's number) is evidence like a file. The case
 * page, its transcript and the intake form's print show the card's name and that it holds a number, never the number;
 * a deliberate click (or Enter) on its link shows the number in place, and that click is the one audit row. In a real
 * browser, so a number that came with the page would be caught. Synthetic names and numbers.
 */
@QuarkusTest
class ContactCardOnClickBrowserTest extends BrowserTest {

    private static final List<String> NUMBERS = List.of("+62 800 1111 2222", "0812-0000-3333", "+62 800 4444 5555");

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;
    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;
    @Inject
    AuditLog audit;




    @Test
    void shouldShowAContactCardsNumberOnlyOnADeliberateClickAndAuditIt() {
        DevConversation person = new DevConversation(contacts, conversations, media);
        person.upToChronology().text("Cerita sintetis dengan saksi.").button("chronology:done").button("biodata_offer:no")
                .button("reported_offer:no").button("evidence_consent:yes");
        // At the evidence question, a witness's card; at the witnesses question, a card with two numbers.
        conversations.receive(person.contactId, new Input.SharedContact("Saksi Sintetis", List.of(NUMBERS.get(0))), null);
        person.button("evidence:done");
        conversations.receive(person.contactId, new Input.SharedContact("Teman Sintetis", List.of(NUMBERS.get(1), NUMBERS.get(2))), null);
        person.button("services:skip").button("urgent_need:skip").button("contact_offer:no").button("stats_consent:skip")
                .button("summary:confirm");
        String ref = fixtures.referenceOf(person.contactId);
        long counsellor = fixtures.account("card-counsellor", Role.COUNSELLOR).id;
        String root = base.toString().replaceAll("/$", "");

        driver.get(root + "/inbox/cases/" + ref);
        wait.until(ExpectedConditions.urlContains("/login"));
        typeLogin("card-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript a[data-card]")));
        String page = driver.getPageSource();
        for (String number : NUMBERS) {
            int at = page.indexOf(number);
            assertFalse(at >= 0, "a card's number came with the page: " + (at < 0 ? "" : page.substring(Math.max(0, at - 400), at + 50)));
        }
        assertTrue(page.contains("Kartu kontak: Saksi Sintetis · 1 nomor telepon (disembunyikan)"), page);
        assertTrue(page.contains("Kartu kontak: Teman Sintetis · 2 nomor telepon (disembunyikan)"), page);
        assertEquals(0, reveals(), "opening the case page showed no number");

        // In the answers, the witness's card: Enter on its link shows its number in place, and that is one audit row.
        List<WebElement> inAnswers = driver.findElements(By.cssSelector("dl.answers a[data-card]"));
        assertEquals(2, inAnswers.size(), "each answer that quotes a card links to its number");
        WebElement witness = inAnswers.get(0);
        String id = witness.getAttribute("id");
        assertTrue(witness.getText().contains("tampilkan nomor") && witness.getText().contains("log audit"), witness.getText());
        witness.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("span#" + id + ".card-number"), NUMBERS.get(0)));
        Eventually.await("the click audited", Duration.ofSeconds(60), () -> reveals() == 1);
        String message = id.substring("card-".length());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> audit.count("action = ?1 and detail = ?2", AuditAction.REVEAL.code(),
                "field:contact_card message:" + message)));
        assertFalse(driver.getPageSource().contains(NUMBERS.get(1)), "the other card stays hidden");

        // In the transcript, by mouse: both numbers of the second card.
        List<WebElement> inTranscript = driver.findElements(By.cssSelector("#transcript a[data-card]"));
        WebElement friend = inTranscript.get(inTranscript.size() - 1);
        String friendId = friend.getAttribute("id");
        friend.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("span#" + friendId + ".card-number"), NUMBERS.get(1) + ", " + NUMBERS.get(2)));
        Eventually.await("the second click audited", Duration.ofSeconds(60), () -> reveals() == 2);

        // A click after the session ended (30 minutes without one) opens the login page, never the login page's text in
        // place of the number; the login returns to this case page, and nothing was shown or audited.
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript a[data-card]")));
        fixtures.idleSessions(counsellor);
        click(By.cssSelector("#transcript a[data-card]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        typeLogin("card-counsellor", InboxFixtures.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript a[data-card]")));
        assertEquals(root + "/inbox/cases/" + ref, driver.getCurrentUrl());
        assertTrue(driver.findElements(By.cssSelector(".card-number")).isEmpty(), "no number and no login text in its place");
        assertEquals(2, reveals(), "the refused click audited nothing");

        // The intake form's print keeps the rule of evidence files: what it is, not its content.
        driver.get(root + "/inbox/cases/" + ref + "/print/intake-form");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.form")));
        String print = driver.getPageSource();
        assertTrue(print.contains("Kartu kontak: Saksi Sintetis"), print);
        for (String number : NUMBERS) {
            assertFalse(print.contains(number), "the print shows a card's number: " + number);
        }

        // The audit log says what was shown, in words.
        fixtures.account("card-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("card-coordinator");
        String log = InboxFixtures.getAs(session).when().get("/inbox/audit?ref=" + ref).then().statusCode(200).extract().asString();
        assertTrue(log.contains("Nomor di kartu kontak yang dibagikan"), log);
        assertFalse(log.contains("contact_card"), log);
    }

    private long reveals() {
        return QuarkusTransaction.requiringNew().call(() -> audit.count("action = ?1 and detail like ?2", AuditAction.REVEAL.code(),
                "field:contact_card %"));
    }
}
