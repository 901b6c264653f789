package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * /cabut as a chat's first message was answered in Bahasa Indonesia only, where every other command typed before the
 * chat has a language is answered in both (Bahasa Indonesia first, then English): the person may read only English.
 * Every command as a chat's first message, and /cabut and /withdraw in a chat that has been greeted but has not chosen a
 * language, through the Telegram and the WhatsApp webhooks: each answer says its words in Indonesian, then in English.
 */
@QuarkusTest
class BeforeLanguageAnswersTest extends WebhookTest {

    /** Each command, with a phrase of its answer in Bahasa Indonesia and the same in English. */
    private static final Map<String, List<String>> ANSWERS = Map.ofEntries(
            Map.entry("/mulai", List.of("Halo, ini Ruang Aman", "Hello, this is Ruang Aman")),
            Map.entry("/start", List.of("Halo, ini Ruang Aman", "Hello, this is Ruang Aman")),
            Map.entry("/bahasa", List.of("Pilih bahasa", "Choose a language")),
            Map.entry("/language", List.of("Pilih bahasa", "Choose a language")),
            Map.entry("/bantuan", List.of("Perintah yang bisa kamu pakai", "Commands you can use")),
            Map.entry("/help", List.of("Perintah yang bisa kamu pakai", "Commands you can use")),
            Map.entry("/status", List.of("Tidak ada cerita atau jawaban", "We hold no story or answers")),
            Map.entry("/keluar", List.of("Sampai jumpa", "Goodbye")),
            Map.entry("/exit", List.of("Sampai jumpa", "Goodbye")),
            Map.entry("/hapus", List.of("Belum ada jawaban atau file", "There are no answers or files")),
            Map.entry("/delete", List.of("Belum ada jawaban atau file", "There are no answers or files")),
            Map.entry("/cabut", List.of("tidak ada rujukan yang bisa dicabut", "There is no referral to withdraw")),
            Map.entry("/withdraw", List.of("tidak ada rujukan yang bisa dicabut", "There is no referral to withdraw")),
            Map.entry("/apaini", List.of("Perintah itu tidak saya kenal", "I don't know that command")));

    @Test
    void everyCommandAsATelegramChatsFirstMessageIsAnsweredInBothLanguages() {
        List<String> monolingual = new ArrayList<>();
        ANSWERS.forEach((command, phrases) -> {
            long chat = TelegramFixtures.newChatId();
            check(command, telegramAnswer(chat, command), phrases, monolingual);
        });
        assertTrue(monolingual.isEmpty(), "answered in one language before the chat has one:\n" + String.join("\n", monolingual));
    }

    @Test
    void everyCommandAsAWhatsAppChatsFirstMessageIsAnsweredInBothLanguages() {
        List<String> monolingual = new ArrayList<>();
        ANSWERS.forEach((command, phrases) -> {
            String number = WhatsAppFixtures.newNumber();
            check(command, whatsAppAnswer(number, command), phrases, monolingual);
        });
        assertTrue(monolingual.isEmpty(), "answered in one language before the chat has one:\n" + String.join("\n", monolingual));
    }

    @Test
    void withdrawBeforeALanguageIsChosenIsAnsweredInBothLanguagesOnBothChannels() {
        List<String> monolingual = new ArrayList<>();
        for (String command : List.of("/cabut", "/withdraw")) {
            long chat = TelegramFixtures.newChatId();
            telegramAnswer(chat, "halo"); // greeted, asked for a language, none chosen
            check("Telegram, greeted: " + command, telegramAnswer(chat, command), ANSWERS.get(command), monolingual);
            String number = WhatsAppFixtures.newNumber();
            whatsAppAnswer(number, "halo");
            check("WhatsApp, greeted: " + command, whatsAppAnswer(number, command), ANSWERS.get(command), monolingual);
        }
        assertTrue(monolingual.isEmpty(), "answered in one language before the chat has one:\n" + String.join("\n", monolingual));
    }

    private static void check(String label, String answer, List<String> phrases, List<String> monolingual) {
        int indonesian = answer.indexOf(phrases.get(0));
        int english = answer.indexOf(phrases.get(1));
        if (indonesian < 0 || english < 0 || english < indonesian) {
            monolingual.add(label + ": " + answer.replace("\n", " ⏎ "));
        }
    }

    private interface Waiting {
        Object run() throws InterruptedException;
    }

    private static void await(Waiting waiting) {
        try {
            waiting.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String telegramAnswer(long chat, String text) {
        int before = telegram.sentTo(chat).size();
        chats.send(TelegramFixtures.text(chat, text), chat);
        await(() -> telegram.awaitSent(chat, before + 1, Duration.ofSeconds(60)));
        return String.join("\n", telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList());
    }

    private String whatsAppAnswer(String number, String text) {
        int before = graph.sentTo(number).size();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", text, null, null);
        await(() -> graph.awaitSent(number, before + 1, Duration.ofSeconds(60))); // after /hapus the number has no contact to wait on
        return String.join("\n", graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList());
    }
}
