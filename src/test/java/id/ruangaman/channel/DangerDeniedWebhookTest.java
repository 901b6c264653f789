package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * A survivor who types that they are not in danger at "Sebelum lanjut: apakah kamu dalam bahaya sekarang?" is taken
 * at their word: "aku tidak dalam bahaya", "I'm not in danger", "aman", "udah gak bahaya". Before, a negated word of
 * danger ("tidak dalam bahaya") was read as danger: the emergency numbers, and the counsellor told of a danger the
 * survivor had just denied. Through the real webhooks with payloads shaped as Telegram's and WhatsApp's; synthetic
 * chats only.
 */
@QuarkusTest
class DangerDeniedWebhookTest extends WebhookTest {

    /** The next question's words (safe_to_reply), and the emergency reply's number that must not be sent. */
    private static final String NEXT_QUESTION = "aman";
    private static final String EMERGENCY = "112";

    @Inject
    SessionRepository sessions;

    @ParameterizedTest
    @ValueSource(strings = { "aku tidak dalam bahaya", "I'm not in danger", "aman kok", "udah gak bahaya", "aku baik-baik saja" })
    void aTelegramSurvivorWhoSaysTheyAreSafeIsNotSentTheEmergencyNumbers(String typed) {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes"));
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, typed), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertSafe(replies, state(Channel.TELEGRAM, String.valueOf(chat)), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = { "tidak sedang dalam bahaya", "not in danger", "aku selamat" })
    void aWhatsAppSurvivorWhoSaysTheyAreSafeIsNotSentTheEmergencyNumbers(String typed) {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id", "consent:yes"), WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", typed, null, null);

        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertSafe(replies, state(Channel.WHATSAPP, number), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = { "aku tidak merasa aman", "tidak tahu apakah aku dalam bahaya" })
    void aSurvivorWhoSaysTheyFeelUnsafeStillGetsTheEmergencyNumbers(String typed) {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes"));
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, typed), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertTrue(replies.stream().anyMatch(reply -> reply.contains(EMERGENCY)), "the emergency numbers: " + replies);
        assertEquals("yes", state(Channel.TELEGRAM, String.valueOf(chat)).answers().get("in_danger").value());
    }

    @Test
    void anOkAtTheDangerQuestionIsAskedAgainNotTakenAsDanger() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes"));
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "oke"), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertTrue(!replies.isEmpty() && replies.size() <= 2, "the re-prompt and the question again: " + replies);
        assertTrue(replies.get(0).startsWith("Maaf, saya belum mengerti."), replies.get(0));
        assertTrue(replies.get(replies.size() - 1).contains("dalam bahaya"), "the question again: " + replies);
        assertTrue(replies.stream().noneMatch(reply -> reply.contains(EMERGENCY)), "no emergency numbers: " + replies);
        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("in_danger", state.nodeId());
        assertTrue(!state.answers().containsKey("in_danger"), "nothing recorded");
    }

    private static void assertSafe(List<String> replies, SessionState state, String typed) {
        assertEquals("no", state.answers().get("in_danger").value(), typed);
        assertEquals("safe_to_reply", state.nodeId(), typed);
        assertTrue(replies.stream().noneMatch(reply -> reply.contains(EMERGENCY)), "no emergency numbers: " + replies);
        assertTrue(replies.stream().anyMatch(reply -> reply.toLowerCase().contains(NEXT_QUESTION)), "the next question: " + replies);
    }

    private SessionState state(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
    }
}
