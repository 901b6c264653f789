package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Input;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.TranscriptBody;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A file the person sends in their case's thread, days after the report, that cannot be fetched from the platform
 * (Telegram's getFile or download fails, WhatsApp's media lookup answers 404), over both webhooks with the platforms'
 * payload shapes. The person is told it did not arrive; the counsellor must see it too: a line of the file's kind with
 * the caption the person wrote ("tangkapan layar"), filed under the case with the bot's note after it. Before, only the
 * note was queued, outside the case: the case's transcript showed neither the file nor the words written with it.
 */
@QuarkusTest
class FileNotReceivedTest extends WebhookTest {

    private static final String NOT_RECEIVED = "tidak bisa kami terima";

    @Test
    void shouldKeepTheLineAndCaptionOfAFileThatCouldNotBeFetchedInTheCaseThreadOnTelegram() {
        long chat = chats.reportedTelegramChat("Kejadiannya di perpustakaan.");
        long update = TelegramFixtures.newUpdateId(); // the fake serves no such file: getFile works, the download fails
        TelegramChats.post(TelegramFixtures.render("photo.json", update, chat, TelegramFixtures.nextMessageId(), null, null,
                "missing-" + chat, 2000)).then().statusCode(200);
        Eventually.await("update processed", Duration.ofSeconds(40), () -> "DONE".equals(chats.status(update)));
        Eventually.await("replies sent", Duration.ofSeconds(30), () -> chats.outboxDrained(chat));

        assertKeptInTheThread(chats.transcript(chat));
    }

    @Test
    void shouldKeepTheLineAndCaptionOfAFileThatCouldNotBeFetchedInTheCaseThreadOnWhatsApp() {
        String number = chats.reportedWhatsAppNumber("Kejadiannya di perpustakaan.");
        String wamid = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, wamid, "image.json", null, null, "missing-media-" + number); // the fake knows no such media
        Eventually.await("update processed", Duration.ofSeconds(40), () -> "DONE".equals(chats.status(Channel.WHATSAPP, wamid)));
        Eventually.await("replies sent", Duration.ofSeconds(30), () -> chats.outboxDrained(Channel.WHATSAPP, number));

        assertKeptInTheThread(chats.transcript(Channel.WHATSAPP, number));
    }

    private static void assertKeptInTheThread(List<ChatMessage> transcript) {
        Long caseId = transcript.stream().filter(line -> line.intakeId != null).findFirst().orElseThrow().intakeId;
        ChatMessage note = transcript.stream().filter(line -> line.direction == ChatMessage.Direction.OUT)
                .filter(line -> TranscriptBody.message(line).map(m -> m.text().contains(NOT_RECEIVED)).orElse(false))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no 'not received' note: " + transcript.size()));
        ChatMessage file = transcript.stream().filter(line -> line.direction == ChatMessage.Direction.IN && line.id < note.id)
                .reduce((first, second) -> second).orElseThrow();
        assertEquals("photo", file.kind, "the line before the note is the file that did not arrive");
        Input input = TranscriptBody.input(file).orElseThrow();
        assertTrue(input instanceof Input.Media media && media.mediaId() == null && "tangkapan layar".equals(media.caption()),
                "the caption the person wrote is kept, no file: " + input);
        assertNotNull(caseId);
        assertEquals(caseId, file.intakeId, "the file's line is filed under the case");
        assertEquals(caseId, note.intakeId, "the note is filed under the case");
    }
}
