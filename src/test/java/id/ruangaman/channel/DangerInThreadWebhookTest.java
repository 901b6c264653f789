package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Input;
import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.TranscriptBody;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Danger now written in a case's thread after the report, through the real webhooks with payloads shaped as Telegram's
 * and WhatsApp's; synthetic chats only. Before, "dia di depan pintu" reached the counsellor, who answers within 3x24
 * hours, and the bot said nothing of danger. Now the line is filed for the counsellor as written, the person gets the
 * emergency numbers once (a second frightened line within hours gets one short line that it arrived and is seen as
 * urgent, with the numbers in a line, not the whole message again: before, it got silence), and the case is in danger
 * with the time it was said.
 */
@QuarkusTest
class DangerInThreadWebhookTest extends WebhookTest {

    private static final String EMERGENCY = "Keselamatan yang paling penting.";

    @Inject
    IntakeRepository intakes;

    @Test
    void onTelegramTheLineReachesTheCaseTheNumbersComeOnceAndTheCaseIsInDanger() {
        long chat = chats.reportedTelegramChat("Kejadiannya di kampus.");
        assertFalse(intake(Channel.TELEGRAM, String.valueOf(chat)).inDanger, "a report without danger");
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, "dia di depan pintu");

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertOneSafetyReply(replies);
        assertFiledAndInDanger(Channel.TELEGRAM, String.valueOf(chat), "dia di depan pintu");

        int afterFirst = telegram.sentTo(chat).size();
        chats.sayTelegram(chat, "dia mau datang ke kos malam ini");

        List<String> again = telegram.sentTo(chat).stream().skip(afterFirst).map(FakeTelegram.Call::text).toList();
        assertEquals(1, again.size(), "one short line, not the numbers' whole message again: " + again);
        assertTrue(again.get(0).contains("hal mendesak"), again.get(0));
        assertFiledAndInDanger(Channel.TELEGRAM, String.valueOf(chat), "dia mau datang ke kos malam ini");
    }

    @Test
    void onWhatsAppTheLineReachesTheCaseTheNumbersComeOnceAndTheCaseIsInDanger() {
        String number = chats.reportedWhatsAppNumber("Kejadiannya di kos.");
        assertFalse(intake(Channel.WHATSAPP, number).inDanger, "a report without danger");
        int before = graph.sentTo(number).size();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "aku diancam", null, null);

        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertOneSafetyReply(replies);
        assertFiledAndInDanger(Channel.WHATSAPP, number, "aku diancam");

        int afterFirst = graph.sentTo(number).size();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "dia udah di depan kos", null, null);

        List<String> again = graph.sentTo(number).stream().skip(afterFirst).map(FakeGraph.Sent::text).toList();
        assertEquals(1, again.size(), "one short line, not the numbers' whole message again: " + again);
        assertTrue(again.get(0).contains("hal mendesak"), again.get(0));
        assertFiledAndInDanger(Channel.WHATSAPP, number, "dia udah di depan kos");
    }

    /**
     * The terlapor's threat forwarded into the thread, in the threatener's own words: on Telegram
     * ({@code forward_origin}) and on WhatsApp ({@code context.forwarded}), it brings the emergency numbers and marks the
     * case in danger, and the line is kept as sent. Before, such words were danger only when the person told them from
     * their side ("dia mau bunuh aku").
     */
    @Test
    void aForwardedThreatInTheThreatenersWordsMarksTheCaseInDanger() {
        String threat = "Gw bunuh lo kalau sampai lapor (pesan sintetis)";
        long chat = chats.reportedTelegramChat("Kejadiannya di kampus.");
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.render("forwarded_message.json", TelegramFixtures.newUpdateId(), chat,
                TelegramFixtures.nextMessageId(), threat, null, null, 0), chat);

        assertOneSafetyReply(telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList());
        assertTrue(intake(Channel.TELEGRAM, String.valueOf(chat)).inDanger, "the counsellor sees the case in danger");

        String known = "Aku tau kosmu, tunggu aja (pesan sintetis)";
        String number = chats.reportedWhatsAppNumber("Kejadiannya di kos.");
        int sent = graph.sentTo(number).size();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "forwarded_text.json", known, null, null);

        assertOneSafetyReply(graph.sentTo(number).stream().skip(sent).map(FakeGraph.Sent::text).toList());
        assertTrue(intake(Channel.WHATSAPP, number).inDanger, "the counsellor sees the case in danger");
    }

    @Test
    void aNegatedLineInTheThreadIsNoDanger() {
        long chat = chats.reportedTelegramChat("Kejadiannya di kampus.");
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, "dia tidak datang, aku sudah aman");

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertEquals(1, replies.size(), "the acknowledgement: " + replies);
        assertFalse(replies.get(0).contains(EMERGENCY), replies.get(0));
        assertFalse(intake(Channel.TELEGRAM, String.valueOf(chat)).inDanger);
    }

    private static void assertOneSafetyReply(List<String> replies) {
        assertEquals(1, replies.size(), "one message: " + replies);
        assertTrue(replies.get(0).startsWith(EMERGENCY), replies.get(0));
        assertTrue(replies.get(0).contains("112") && replies.get(0).contains("SAPA 129"), replies.get(0));
        assertTrue(replies.get(0).contains("pesanmu sudah sampai"), "and that the message reached the team: " + replies.get(0));
    }

    /** The person's line is filed under the case, as written; the case is in danger, with a time. */
    private void assertFiledAndInDanger(Channel channel, String externalId, String typed) {
        Intake intake = intake(channel, externalId);
        List<ChatMessage> transcript = chats.transcript(channel, externalId);
        ChatMessage line = transcript.stream().filter(m -> m.direction == ChatMessage.Direction.IN
                && TranscriptBody.of(new Input.Text(typed)).equals(m.body))
                .findFirst().orElseThrow(() -> new AssertionError("the line is kept for the counsellor: " + typed));
        assertEquals(intake.id, line.intakeId, "filed under the case");
        assertTrue(intake.inDanger, "the counsellor sees the case in danger");
        assertNotNull(intake.dangerSaidAt, "with the time it was said");
    }

    private Intake intake(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult());
    }
}
