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
 * A repeated word typed with the digit 2, as Indonesian is typed in chat ("dipegang2", "aman2 aja"), through the real
 * webhooks with payloads shaped as Telegram's and WhatsApp's; synthetic chats only. Before, each was "Maaf, saya belum
 * mengerti" although the flow's words hold the written-out repeat ("dipegang pegang") or the plain word ("aman").
 */
@QuarkusTest
class RepeatedWordsWebhookTest extends WebhookTest {

    private static final String REPROMPT = "Maaf, saya belum mengerti.";

    @Inject
    SessionRepository sessions;

    @Test
    void shouldTickSexualAssaultWhenItIsTypedAsARepeatOnTelegram() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details"));
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "aku dipegang2 sama dia"), chat);

        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("violence_type", state.nodeId());
        assertEquals(List.of("sexual_assault"), state.draft().selected());
        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertTrue(!replies.isEmpty() && replies.stream().noneMatch(reply -> reply.startsWith(REPROMPT)), "no re-prompt: " + replies);
    }

    @Test
    void shouldReadASafePhoneWhenItIsTypedAsARepeatOnWhatsApp() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id", "consent:yes", "in_danger:no"), WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "aman2 aja", null, null);

        SessionState state = state(Channel.WHATSAPP, number);
        assertEquals("yes", state.answers().get("safe_to_reply").value());
        assertEquals("reporter_role", state.nodeId());
        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertTrue(replies.stream().noneMatch(reply -> reply != null && reply.startsWith(REPROMPT)), "no re-prompt: " + replies);
    }

    private SessionState state(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
    }
}
