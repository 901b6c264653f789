package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.PendingPrompt;
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
 * A bare number picked a button where a wrong pick is destructive or safety-relevant: "1" at "Apakah kamu dalam bahaya
 * sekarang?" said yes, "1" after /hapus erased everything, though the buttons show no numbers. There a number now picks
 * only from a numbered text list; at buttons it gets one kind re-prompt that names the choices, and nothing is taken.
 * Through the Telegram webhook (buttons) and the WhatsApp webhook (reply buttons), with real-shaped payloads.
 */
@QuarkusTest
class SafetyNumberTest extends WebhookTest {

    private static final String REPROMPT = "Maaf, saya belum mengerti.";

    @Inject
    SessionRepository sessions;

    @Test
    void aNumberAtTelegramSafetyButtonsIsRepromptedWithTheChoicesNamed() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id"));
        assertReprompted(telegramReply(chat, "1"), "consent", "• Ya", "• Tidak");
        chats.walkTelegram(chat, IntakeWalk.of("consent:yes"));
        assertReprompted(telegramReply(chat, "1"), "in_danger", "• Ya", "• Tidak");
        assertFalse(state(Channel.TELEGRAM, String.valueOf(chat)).answers().containsKey("in_danger"), "no danger was reported");
        chats.walkTelegram(chat, IntakeWalk.of("in_danger:no"));
        assertReprompted(telegramReply(chat, "3"), "safe_to_reply", "• Ya, aman", "• Belum aman");
        chats.walkTelegram(chat, IntakeWalk.of("safe_to_reply:yes", "reporter_role:victim"));
        assertEquals("now", telegramTyped(chat, "2").answers().get("send_now").value(), "elsewhere a number still picks that place");

        telegramReply(chat, "/hapus");
        assertReprompted(telegramReply(chat, "1"), null, "• Ya", "• Tidak");
        SessionState after = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals(PendingPrompt.DELETE_CONFIRM, after.pending(), "still asked, nothing erased");
        assertEquals("victim", after.answers().get("reporter_role").value());
    }

    @Test
    void aNumberAtWhatsAppReplyButtonsOfASafetyQuestionIsRepromptedWithTheChoicesNamed() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id", "consent:yes"), WhatsAppFixtures::newWamid);
        assertReprompted(whatsAppReply(number, "2"), "in_danger", "• Ya", "• Tidak");
        assertFalse(state(Channel.WHATSAPP, number).answers().containsKey("in_danger"));
        chats.walkWhatsApp(number, IntakeWalk.of("in_danger:no", "safe_to_reply:yes", "reporter_role:victim"), WhatsAppFixtures::newWamid);
        whatsAppReply(number, "/hapus");
        assertReprompted(whatsAppReply(number, "1"), null, "• Ya", "• Tidak");
        assertEquals(PendingPrompt.DELETE_CONFIRM, state(Channel.WHATSAPP, number).pending(), "still asked, nothing erased");
    }

    private static void assertReprompted(List<String> replies, String node, String... choices) {
        assertTrue(!replies.isEmpty() && replies.get(0).startsWith(REPROMPT), "one kind re-prompt: " + replies);
        for (String choice : choices) {
            assertTrue(replies.get(0).contains("\n" + choice), "that names the choices: " + replies.get(0));
        }
    }

    private List<String> telegramReply(long chat, String text) {
        int before = telegram.sentTo(chat).size();
        chats.send(TelegramFixtures.text(chat, text), chat);
        return telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
    }

    private SessionState telegramTyped(long chat, String text) {
        telegramReply(chat, text);
        return state(Channel.TELEGRAM, String.valueOf(chat));
    }

    private List<String> whatsAppReply(String number, String text) {
        int before = graph.sentTo(number).size();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", text, null, null);
        return graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
    }

    private SessionState state(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        SessionState state = QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
        assertNotNull(state);
        return state;
    }
}
