package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.transcript.TranscriptBody;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12, item 3: a person with two open reports writes to the most recent one unless they choose; after choosing
 * the older report (the "Tambah ke RA-XXXXX" button of the /mulai question) their messages are filed under that
 * report (chat_message.intake_id), not the newest. A closed report is no longer offered.
 */
@QuarkusTest
class CaseChoiceTest {

    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;
    @Inject
    ChatMessageRepository messages;
    @Inject
    IntakeRepository intakes;

    @Test
    void aMessageAfterChoosingTheOlderReportIsFiledUnderIt() {
        DevConversation person = new DevConversation(contacts, conversations, media)
                .upToChronology().text("Kronologi pertama (sintetis)").restToSubmission(true);
        person.text("/mulai").button("_new:new").upToChronologyAgain().text("Kronologi kedua (sintetis)").restToSubmission(true);
        List<Intake> reports = QuarkusTransaction.requiringNew()
                .call(() -> intakes.find("contactId = ?1 order by id", person.contactId).list());
        assertEquals(2, reports.size());
        Intake older = reports.get(0);
        Intake newer = reports.get(1);
        assertEquals(List.of(newer.referenceCode, older.referenceCode),
                QuarkusTransaction.requiringNew().call(() -> intakes.openReportsOfSameReporter(older.referenceCode)),
                "open reports, newest first, found from any of the person's codes");

        person.text("Sebelum memilih (sintetis)");
        assertEquals(newer.id, lastInbound(person).intakeId, "without a choice: the most recent report");

        person.text("/mulai").button("_new:to-" + older.referenceCode);
        person.text("Untuk laporan pertama (sintetis)");
        assertEquals(older.id, lastInbound(person).intakeId, "after choosing the older report: filed under it");
        person.text("Masih untuk laporan pertama (sintetis)");
        assertEquals(older.id, lastInbound(person).intakeId, "the choice holds for the following messages");

        person.text("/mulai").text(newer.referenceCode.toLowerCase());
        person.text("Kembali ke laporan kedua (sintetis)");
        assertEquals(newer.id, lastInbound(person).intakeId, "typing a report's code chooses it too");

        // The task force closes the older report: it is no longer offered, and a press of its old button is not a choice.
        QuarkusTransaction.requiringNew().run(() -> intakes.findById(older.id).status = "closed");
        assertEquals(List.of(newer.referenceCode),
                QuarkusTransaction.requiringNew().call(() -> intakes.openReportsOfSameReporter(newer.referenceCode)));
        person.text("/mulai").button("_new:to-" + older.referenceCode);
        person.text("Setelah ditutup (sintetis)");
        assertEquals(newer.id, lastInbound(person).intakeId, "a closed report is not switched to");
    }

    /**
     * Walkthrough 10, F3: the thread's "Buat laporan baru" button was followed by "Ini laporan baru, atau tambahan
     * untuk laporan RA-…?", asking again what the button had just said. The button now starts the new report; a second
     * report is made from it, and the first stays as it was.
     */
    @Test
    void theThreadsNewReportButtonStartsANewReportWithoutAskingAgain() {
        DevConversation person = new DevConversation(contacts, conversations, media)
                .upToChronology().text("Kronologi pertama (sintetis)").restToSubmission(true);
        person.text("Pesan di thread (sintetis)");
        person.button("_thread:new");
        ChatMessage after = QuarkusTransaction.requiringNew().call(() -> messages.find("contactId = ?1 and direction = ?2 order by id desc",
                person.contactId, ChatMessage.Direction.OUT).firstResult());
        org.junit.jupiter.api.Assertions.assertFalse(after.body != null && after.body.contains("laporan baru, atau"),
                "the button's choice was asked again: " + after.body);
        // The language chosen for the first report is kept: the new report goes from the greeting to consent.
        assertEquals("consent", TranscriptBody.message(after).orElseThrow().nodeId(), "the new report asked the language again");
        person.upToChronologyAgain().text("Kronologi kedua (sintetis)").restToSubmission(true);
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> intakes.count("contactId", person.contactId)),
                "the button did not lead to a second report");
    }

    /** Walkthrough 10, F2: /status from a person with two open reports names both, the one the chat writes to first. */
    @Test
    void statusNamesEveryOpenReportOfThePerson() {
        DevConversation person = new DevConversation(contacts, conversations, media)
                .upToChronology().text("Kronologi pertama (sintetis)").restToSubmission(true);
        person.text("/mulai").button("_new:new").upToChronologyAgain().text("Kronologi kedua (sintetis)").restToSubmission(true);
        List<Intake> reports = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId = ?1 order by id", person.contactId).list());
        person.text("/status");
        String answer = QuarkusTransaction.requiringNew().call(() -> messages.find("contactId = ?1 and direction = ?2 order by id desc",
                person.contactId, ChatMessage.Direction.OUT).list().stream().map(m -> m.body).filter(b -> b != null && b.contains("Status:"))
                .findFirst().orElse(""));
        int newer = answer.indexOf(reports.get(1).referenceCode);
        int older = answer.indexOf(reports.get(0).referenceCode);
        org.junit.jupiter.api.Assertions.assertTrue(newer >= 0 && older > newer, "both reports, the current one first: " + answer);
    }

    private ChatMessage lastInbound(DevConversation person) {
        return QuarkusTransaction.requiringNew().call(() -> messages.find("contactId = ?1 and direction = ?2 order by id desc",
                person.contactId, ChatMessage.Direction.IN).firstResult());
    }
}
