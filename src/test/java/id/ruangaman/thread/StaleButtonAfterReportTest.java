package id.ruangaman.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 7, finding 6, over the real webhook payloads: after the report, a tap on a button of an earlier prompt
 * (the summary's "Ubah jawaban" or "Kirim laporan", an old question's) is not the person's message. It gets one short,
 * kind reply on both channels (on Telegram the press itself is answered, without text, in the webhook's response) and
 * does not use up the once-per-quiet-period acknowledgement, so the person's next real message is still acknowledged.
 * On Telegram the summary's buttons are taken off when the report is sent (editMessageReplyMarkup).
 */
@QuarkusTest
class StaleButtonAfterReportTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NOTE = "Tombol itu sudah tidak dipakai, semuanya sudah terkirim.";
    private static final String RECEIVED = "Terima kasih, pesanmu sudah sampai.";

    /** Buttons of prompts that are no longer current once the report is in, labelled. */
    static Stream<Arguments> staleButtons() {
        return Stream.of(
                Arguments.of("the summary's Ubah jawaban (walkthrough 7)", "summary:edit"),
                Arguments.of("an old question's button", "reporter_role:witness"),
                Arguments.of("the language choice", "language:en"));
    }

    @ParameterizedTest(name = "Telegram: {0}")
    @MethodSource("staleButtons")
    void telegram(String label, String data) {
        long chat = chats.reportedTelegramChat("Kronologi sintetis untuk uji tombol lama.");
        int summary = telegram.lastButtonsMessageId(chat);
        Eventually.await("the summary's buttons taken off", WAIT, () -> !telegram.calls(call -> call.method().equals("editMessageReplyMarkup")
                && String.valueOf(chat).equals(call.chatId()) && String.valueOf(summary).equals(String.valueOf(call.body().get("message_id")))
                && call.body().get("reply_markup") == null).isEmpty());
        int before = telegram.sentTo(chat).size();
        String press = TelegramFixtures.button(chat, data);
        String queryId = "cbq-" + TelegramChats.updateIdOf(press);

        chats.send(press, chat);

        List<FakeTelegram.Call> answers = telegram.calls(call -> call.method().equals("answerCallbackQuery")
                && queryId.equals(call.body().get("callback_query_id")));
        assertEquals(1, answers.size(), label + ": the press is answered once, so its button stops spinning");
        assertEquals(null, answers.get(0).body().get("text"), label + ": the press's answer carries no text");
        List<FakeTelegram.Call> note = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size());
        assertEquals(1, note.size(), label + ": one short reply: " + note);
        assertTrue(note.get(0).text().startsWith(NOTE), note.get(0).text());

        before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "terima kasih kak"), chat);
        List<FakeTelegram.Call> after = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size());
        assertEquals(1, after.size(), label + ": the real message is acknowledged once: " + after);
        assertTrue(after.get(0).text().startsWith(RECEIVED), after.get(0).text());
    }

    @ParameterizedTest(name = "WhatsApp: {0}")
    @MethodSource("staleButtons")
    void whatsapp(String label, String data) {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis untuk uji tombol lama WhatsApp.");
        int before = graph.sentTo(number).size();

        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), data);
        List<FakeGraph.Sent> note = graph.sentTo(number).subList(before, graph.sentTo(number).size());
        assertEquals(1, note.size(), label + ": one short reply: " + note);
        assertTrue(note.get(0).text().startsWith(NOTE), note.get(0).text());

        int beforeMessage = graph.sentTo(number).size();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "terima kasih kak", null, null);
        List<FakeGraph.Sent> after = graph.sentTo(number).subList(beforeMessage, graph.sentTo(number).size());
        assertEquals(1, after.size(), label + ": the real message is acknowledged once: " + after);
        assertTrue(after.get(0).text().startsWith(RECEIVED), after.get(0).text());
    }

    /**
     * Walkthrough 8, finding 12: taking the old buttons off is cosmetic and sits in line before the message with the
     * reference code. When Telegram's editMessageReplyMarkup fails (a server error, or the connection dropped), it is
     * tried once and given up, so the reference code still goes out at once instead of after minutes of back-off.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "Telegram: button removal fails with {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { "server error", "dropped connection" })
    void failedButtonRemovalHoldsNothingBack(String failure) {
        long chat = TelegramFixtures.newChatId();
        for (int i = 0; i < 10; i++) {
            if (failure.equals("server error")) {
                telegram.serverError("editMessageReplyMarkup", chat);
            } else {
                telegram.reset("editMessageReplyMarkup", chat);
            }
        }
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.shortVictim(true, "Kronologi sintetis untuk uji tombol yang gagal dilepas.", "no", "psychological"));
        Eventually.await("the reference code sent", WAIT, () -> telegram.sentTo(chat).stream().anyMatch(call -> call.text().matches("(?s).*RA-[A-Z0-9]{5}.*")));
        assertEquals(1, telegram.calls(call -> call.method().equals("editMessageReplyMarkup") && String.valueOf(chat).equals(call.chatId())).size(),
                "a cosmetic removal is tried once, not retried in front of the chat's next messages");
    }
}
