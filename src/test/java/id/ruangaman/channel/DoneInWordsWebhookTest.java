package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.SessionRepository;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "Selesai" typed as people type it ("udah", "itu aja"), through the real webhooks with payloads shaped as Telegram's
 * and WhatsApp's; synthetic chats only. Before, "udah" after the story was saved as a line of the story and the person
 * was told "Tersimpan. Lanjutkan, atau ketuk Selesai kalau sudah." again; "itu aja" after ticking a kind was asked again.
 */
@QuarkusTest
class DoneInWordsWebhookTest extends WebhookTest {

    private static final String STORY = "Cerita sintetis dari webhook: kejadian di ruang lab.";

    @Inject
    SessionRepository sessions;

    @Test
    void shouldFinishTheStoryWhenUdahIsTypedOnTelegram() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details", "violence_type:unwanted_messages", "violence_type:done",
                "incident_when:longer", "victim_minor:no", "incident_place:campus"));
        chats.send(TelegramFixtures.text(chat, STORY), chat);
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "udah"), chat);

        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("biodata_offer", state.nodeId());
        assertEquals(List.of(STORY), state.answers().get("chronology").parts());
        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertTrue(replies.stream().noneMatch(reply -> reply.startsWith("Tersimpan.")), "not kept as story: " + replies);
    }

    @Test
    void shouldFinishTheKindsWhenItuAjaIsTypedOnWhatsApp() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details", "violence_type:sexual_assault"), WhatsAppFixtures::newWamid);

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "itu aja", null, null);

        SessionState state = state(Channel.WHATSAPP, number);
        assertEquals("incident_when", state.nodeId());
        assertEquals(List.of("sexual_assault"), state.answers().get("violence_type").values());
    }

    private SessionState state(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
    }
}
