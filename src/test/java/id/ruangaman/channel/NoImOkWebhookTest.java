package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.SessionRepository;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "no im ok" at "Are you in danger right now?" in English, through the real webhooks with payloads shaped as
 * Telegram's and WhatsApp's; synthetic chats only. Before, it was "Sorry, I didn't get that", and the same again was
 * taken as danger: the emergency numbers and "we'll take it that you may be in danger".
 */
@QuarkusTest
class NoImOkWebhookTest extends WebhookTest {

    private static final String EMERGENCY = "112";

    @Inject
    SessionRepository sessions;

    @Test
    void shouldReadNoImOkAsNotInDangerOnTelegram() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:en", "consent:yes"));
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "no im ok"), chat);

        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("no", state.answers().get("in_danger").value());
        assertEquals("safe_to_reply", state.nodeId());
        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertTrue(replies.stream().noneMatch(reply -> reply.contains(EMERGENCY) || reply.startsWith("Sorry")), "no re-prompt, no numbers: " + replies);
    }

    @Test
    void shouldReadNoImOkAsNotInDangerOnWhatsApp() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("hello", "language:en", "consent:yes"), WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "no i'm ok", null, null);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "no i'm ok", null, null);

        SessionState state = state(Channel.WHATSAPP, number);
        assertEquals("no", state.answers().get("in_danger").value());
        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertTrue(replies.stream().noneMatch(reply -> reply != null && reply.contains(EMERGENCY)), "no emergency numbers: " + replies);
    }

    private SessionState state(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
    }
}
