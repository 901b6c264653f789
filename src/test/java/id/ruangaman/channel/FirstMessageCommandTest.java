package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.intake.SessionRepository;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A command typed as the very first message of a chat got the greeting and the language question instead of an
 * answer. Now each gets its own kind answer and starts nothing (no session is kept): the next ordinary message gets the
 * greeting. Through the Telegram and WhatsApp webhooks, with real-shaped payloads.
 */
@QuarkusTest
class FirstMessageCommandTest extends WebhookTest {

    private static final String GREETING = "Halo, ini Ruang Aman";
    private static final String HOW_TO_BEGIN = "Untuk mulai, ketik /mulai";

    @Inject
    SessionRepository sessions;

    @Test
    void statusAsTheFirstMessageSaysNothingWasSentAndHowToBegin() {
        long chat = TelegramFixtures.newChatId();
        String answer = typed(chat, "/status");
        assertTrue(answer.contains("Tidak ada cerita atau jawaban dari chat ini yang tersimpan di kami."), answer);
        assertTrue(answer.contains(HOW_TO_BEGIN), answer);
        assertNoGreetingAndNoSession(chat, answer);

        String greeting = typed(chat, "halo");
        assertTrue(greeting.contains(GREETING) && greeting.contains("Pilih bahasa"), "the next message starts the conversation: " + greeting);
        assertTrue(session(chat), "and now a session is kept");
    }

    @Test
    void statusAfterADiscreetChatErasedItselfComesSilentlyUnderTheNeutralLine() throws InterruptedException {
        // Walkthrough 11, finding 1: the person said the phone is not safe, then erased everything with /hapus; the
        // choice went with the rest, and the answer to the next /status rang the phone and named nothing neutral.
        long chat = TelegramFixtures.newChatId();
        typed(chat, "/start");
        for (String data : List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:no")) {
            chats.send(TelegramFixtures.button(chat, data), chat);
        }
        typed(chat, "/hapus");
        int asked = telegram.sentTo(chat).size();
        chats.send(TelegramFixtures.text(chat, "ya"), chat);
        telegram.awaitSent(chat, asked + 1, Duration.ofSeconds(60)); // the erasure's answer travels on its own row
        int before = telegram.sentTo(chat).size();
        String answer = typed(chat, "/status");
        assertTrue(answer.contains("Tidak ada cerita atau jawaban dari chat ini yang tersimpan di kami."), answer);
        List<FakeTelegram.Call> calls = telegram.sentTo(chat).stream().skip(before).toList();
        assertTrue(calls.stream().allMatch(call -> Boolean.TRUE.equals(call.body().get("disable_notification"))), "silent: " + calls);
        assertTrue(calls.get(0).text().startsWith("Ruang Aman\n"), "under the neutral first line: " + calls.get(0).text());
    }

    @Test
    void withdrawAsTheFirstMessageComesSilentlyUnderTheNeutralLineAsTheOtherCommandsDo() throws InterruptedException {
        // /cabut is answered by the referral feature, before the engine that makes the other first answers discreet; the
        // chat may have just erased itself after saying the phone is not safe.
        for (String command : List.of("/cabut", "/withdraw")) {
            long chat = TelegramFixtures.newChatId();
            chats.send(TelegramFixtures.text(chat, command), chat);
            List<FakeTelegram.Call> calls = telegram.awaitSent(chat, 1, Duration.ofSeconds(60));
            assertTrue(calls.stream().allMatch(call -> Boolean.TRUE.equals(call.body().get("disable_notification"))), command + " silent: " + calls);
            assertTrue(calls.get(0).text().startsWith("Ruang Aman\n"), command + " under the neutral first line: " + calls.get(0).text());
            String greeting = typed(chat, "halo");
            assertTrue(greeting.startsWith("Halo, ini Ruang Aman"), "the next message starts an ordinary chat: " + greeting);
        }
    }

    @Test
    void helpAndUnknownCommandsAsTheFirstMessageAreAnsweredWithoutStarting() {
        long chat = TelegramFixtures.newChatId();
        String help = typed(chat, "/bantuan");
        assertTrue(help.contains("Perintah yang bisa kamu pakai") && help.contains(HOW_TO_BEGIN), help);
        assertNoGreetingAndNoSession(chat, help);

        String unknown = typed(chat, "/apaini");
        assertTrue(unknown.contains("Perintah itu tidak saya kenal") && unknown.contains(HOW_TO_BEGIN), unknown);
        assertNoGreetingAndNoSession(chat, unknown);

        String withdraw = typed(chat, "/cabut"); // answered by the referral feature before the conversation
        assertNoGreetingAndNoSession(chat, withdraw);
    }

    @Test
    void quickExitAsTheFirstMessageSaysGoodbyeAndDeletes() {
        long chat = TelegramFixtures.newChatId();
        String goodbye = typed(chat, "/keluar");
        assertTrue(goodbye.contains("Terima kasih. Sampai jumpa."), goodbye);
        assertNoGreetingAndNoSession(chat, goodbye);
        assertEquals(1, telegram.calls(call -> call.method().equals("deleteMessages") && String.valueOf(chat).equals(call.chatId())).size(),
                "the chat's recent messages are deleted, as /keluar always does on Telegram");
    }

    @Test
    void startAsTheFirstMessageStillGreets() {
        long chat = TelegramFixtures.newChatId();
        String greeting = typed(chat, "/start");
        assertTrue(greeting.contains(GREETING) && greeting.contains("Pilih bahasa"), greeting);
        assertTrue(session(chat));
    }

    @Test
    void deleteAsTheFirstMessageErasesWhatTheChatHoldsAndSaysSo() throws InterruptedException {
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "/hapus", null, null);
        List<FakeGraph.Sent> sent = graph.awaitSent(number, 1, Duration.ofSeconds(60));
        String answer = String.join("\n", sent.stream().map(FakeGraph.Sent::text).toList());
        assertTrue(answer.contains("Belum ada jawaban atau file dari chat ini.") && answer.contains("sudah dihapus dari server kami"), answer);
        assertTrue(answer.contains("Bersihkan chat"), "says how to clear the chat on the phone: " + answer);
        assertTrue(!answer.contains(GREETING), answer);
        assertNull(chats.contact(Channel.WHATSAPP, number), "the number is no longer linked to what it sent");

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        String greeting = String.join("\n", graph.awaitSent(number, sent.size() + 1, Duration.ofSeconds(60)).stream()
                .skip(sent.size()).map(FakeGraph.Sent::text).toList());
        assertTrue(greeting.contains(GREETING), "writing again starts afresh: " + greeting);
        assertNotNull(chats.contact(Channel.WHATSAPP, number));
    }

    /** Types {@code text} in the Telegram chat and returns what the bot sent in answer, joined. */
    private String typed(long chat, String text) {
        int before = telegram.sentTo(chat).size();
        chats.send(TelegramFixtures.text(chat, text), chat);
        List<String> texts = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text)
                .filter(t -> t != null).toList();
        assertTrue(!texts.isEmpty(), "no answer to " + text);
        return String.join("\n", texts);
    }

    private void assertNoGreetingAndNoSession(long chat, String answer) {
        assertTrue(!answer.contains(GREETING) && !answer.contains("Pilih bahasa"), "the greeting instead of an answer: " + answer);
        assertEquals(false, session(chat), "a command answered on its own keeps no session");
    }

    private boolean session(long chat) {
        long contactId = chats.contact(chat).id;
        return QuarkusTransaction.requiringNew().call(() -> sessions.findByContact(contactId).isPresent());
    }
}
