package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
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
 * "nanti malam dia datang" ("he is coming tonight") typed at "Kamu setuju dan mau lanjut?", through the real webhooks
 * with payloads shaped as Telegram's and WhatsApp's; synthetic chats only. Before, it was read as "later": the calm
 * "Tidak apa-apa, tidak perlu buru-buru", with nothing about danger. Now one message with the emergency numbers and the
 * consent question again; nothing recorded; and the report, once sent, is flagged as in danger for the counsellor even
 * when the danger question was then answered "no".
 */
@QuarkusTest
class DangerAtConsentWebhookTest extends WebhookTest {

    private static final String EMERGENCY = "Keselamatan yang paling penting.";

    @Inject
    SessionRepository sessions;
    @Inject
    IntakeRepository intakes;

    @Test
    void onTelegramTheEmergencyNumbersComeWithTheConsentQuestionAndTheReportIsFlagged() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id"));
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "nanti malam dia datang"), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertSafetyThenConsent(replies, state(Channel.TELEGRAM, String.valueOf(chat)));

        chats.walkTelegram(chat, IntakeWalk.of("consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:now", "stats_consent:skip", "summary:confirm"));
        long contactId = chats.contact(chat).id;
        Intake intake = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult());
        assertTrue(intake.inDanger, "the counsellor sees the case as in danger");
    }

    @Test
    void onWhatsAppTheEmergencyNumbersComeWithTheConsentQuestion() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id"), WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "dia mau datang ke kos", null, null);

        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertSafetyThenConsent(replies, state(Channel.WHATSAPP, number));
    }

    /**
     * Danger as a chat's very first message, through the webhooks: the greeting, then the emergency numbers in Bahasa
     * Indonesia and English (no language is chosen yet) with the language question and its buttons; the report to come is
     * flagged. Before, a first message only started the flow and was never read (tester, session 58: "he's outside my
     * door" and "tolong aku diancam" got the greeting and "Pilih bahasa" alone).
     */
    @Test
    void onTelegramDangerAsTheFirstMessageGetsTheNumbersInBothLanguages() {
        long chat = TelegramFixtures.newChatId();

        chats.send(TelegramFixtures.text(chat, "he's outside my door"), chat);

        List<String> replies = telegram.sentTo(chat).stream().map(FakeTelegram.Call::text).toList();
        assertNumbersInBothLanguagesWithTheLanguageQuestion(replies);
        assertTrue(state(Channel.TELEGRAM, String.valueOf(chat)).dangerSaid(), "the report to come is flagged");
        chats.walkTelegram(chat, IntakeWalk.of("language:en", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:now", "stats_consent:skip", "summary:confirm"));
        long contactId = chats.contact(chat).id;
        Intake intake = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult());
        assertTrue(intake.inDanger, "the counsellor sees the case as in danger");
    }

    @Test
    void onWhatsAppDangerAsTheFirstMessageGetsTheNumbersInBothLanguages() {
        String number = WhatsAppFixtures.newNumber();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "tolong aku diancam", null, null);

        List<String> replies = graph.sentTo(number).stream().map(FakeGraph.Sent::text).toList();
        assertNumbersInBothLanguagesWithTheLanguageQuestion(replies);
        assertTrue(state(Channel.WHATSAPP, number).dangerSaid(), "the report to come is flagged");
    }

    @Test
    void aFirstMessageWithoutDangerGetsTheGreetingAlone() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "halo kak"), chat);
        List<String> replies = telegram.sentTo(chat).stream().map(FakeTelegram.Call::text).toList();
        assertTrue(replies.stream().noneMatch(text -> text.contains("112")), "no emergency numbers: " + replies);
        assertTrue(!state(Channel.TELEGRAM, String.valueOf(chat)).dangerSaid());
    }

    private static void assertNumbersInBothLanguagesWithTheLanguageQuestion(List<String> replies) {
        assertTrue(replies.get(0).startsWith("Halo, ini Ruang Aman"), "the greeting first: " + replies);
        String numbers = replies.stream().filter(text -> text.contains("112")).findFirst()
                .orElseThrow(() -> new AssertionError("no emergency numbers: " + replies));
        assertTrue(numbers.contains(EMERGENCY) && numbers.contains("Safety comes first."), "both languages: " + numbers);
        assertTrue(numbers.strip().endsWith("Pilih bahasa / Choose a language:"), "with the language question: " + numbers);
        assertEquals(1, replies.stream().filter(text -> text.contains("Pilih bahasa")).count(), "the question once: " + replies);
    }

    @Test
    void aReportWithoutDangerIsNotFlagged() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "dia tidak akan datang", "consent:yes", "in_danger:no",
                "safe_to_reply:yes", "reporter_role:victim", "send_now:now", "stats_consent:skip", "summary:confirm"));
        long contactId = chats.contact(chat).id;
        Intake intake = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult());
        assertTrue(!intake.inDanger);
    }

    private static void assertSafetyThenConsent(List<String> replies, SessionState state) {
        assertEquals(1, replies.size(), "one message: " + replies);
        assertTrue(replies.get(0).startsWith("Keselamatan yang paling penting."), replies.get(0));
        assertTrue(replies.get(0).contains("112") && replies.get(0).contains("Kamu setuju dan mau lanjut?"), replies.get(0));
        assertTrue(!replies.get(0).contains("tidak perlu buru-buru"), "not the calm hold: " + replies.get(0));
        assertEquals("consent", state.nodeId());
        assertNull(state.answers().get("consent"), "not recorded as consent");
        assertTrue(state.dangerSaid());
    }

    private SessionState state(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
    }
}
