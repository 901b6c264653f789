package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.texts.TextFile;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 9, finding 1: a survivor who said the phone is not safe was told on WhatsApp that "pesan masuk tanpa
 * bunyi", but the Cloud API has no silent messages (Telegram has {@code disable_notification}). Each messenger now
 * gets the words for what it really does: the quiet-mode texts are notices with a {@code _whatsapp} variant.
 */
@QuarkusTest
class QuietModeWordingTest {

    /** Words that promise a message without a sound. */
    private static final Pattern SILENT = Pattern.compile("tanpa bunyi|tanpa suara|without a sound|no sound", Pattern.CASE_INSENSITIVE);

    @Inject
    TelegramChats chats;

    @ParameterizedTest(name = "WhatsApp, {0}, {1}")
    @CsvSource({ "id, no, WhatsApp tetap berbunyi", "id, quiet, WhatsApp tetap berbunyi",
            "en, no, WhatsApp messages still make a sound", "en, quiet, WhatsApp messages still make a sound" })
    void shouldNeverPromiseSilentMessagesOnWhatsApp(String language, String answer, String honest) {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:" + language, "consent:yes", "in_danger:no", "safe_to_reply:" + answer),
                WhatsAppFixtures::newWamid);
        List<String> texts = FakePlatforms.graph().sentTo(number).stream().map(sent -> sent.text()).toList();
        assertTrue(texts.stream().filter(text -> text.contains(honest)).count() >= 2, "question and confirmation say so: " + texts);
        texts.forEach(text -> assertFalse(SILENT.matcher(text).find(), text));
    }

    @Test
    void shouldStillSayTelegramSendsWithoutASound() {
        long chat = TelegramFixtures.newChatId();
        chats.walkTelegram(chat, IntakeWalk.of("halo", "language:id", "consent:yes", "in_danger:no", "safe_to_reply:no"));
        FakeTelegram telegram = FakePlatforms.telegram();
        List<String> texts = telegram.calls(call -> String.valueOf(chat).equals(call.chatId()) && call.text() != null)
                .stream().map(FakeTelegram.Call::text).toList();
        assertTrue(texts.stream().filter(text -> text.contains("tanpa bunyi")).count() >= 2, texts.toString());
        assertFalse(texts.stream().anyMatch(text -> text.contains("WhatsApp tetap berbunyi")), texts.toString());
    }

    /**
     * The kind: no flow file promises silence in its own words (only through a notice that has a WhatsApp variant),
     * and no WhatsApp variant promises it.
     */
    @Test
    void shouldKeepEveryPromiseOfSilenceInANoticeWithAWhatsAppVariant() throws IOException {
        var notices = TextFile.read(Path.of("conversations/_notices.yaml")).texts();
        try (var files = Files.list(Path.of("conversations"))) {
            for (Path flow : files.filter(file -> file.toString().endsWith(".yaml") && !file.getFileName().toString().startsWith("_")).toList()) {
                assertFalse(SILENT.matcher(Files.readString(flow)).find(), flow + " promises silence in its own words");
            }
        }
        notices.forEach((name, text) -> {
            boolean promises = SILENT.matcher(text.in("id", "id") + "\n" + text.in("en", "id")).find();
            if (promises && !name.endsWith("_telegram")) {
                var whatsapp = notices.get(name + "_whatsapp");
                assertTrue(whatsapp != null, name + " promises silence and has no _whatsapp variant");
                assertFalse(SILENT.matcher(whatsapp.in("id", "id") + whatsapp.in("en", "id")).find(), name + "_whatsapp");
            }
        });
        assertTrue(notices.keySet().stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).endsWith("_whatsapp")));
    }
}
