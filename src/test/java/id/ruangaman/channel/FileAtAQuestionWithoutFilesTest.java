package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A photo, document, voice note, video or sticker sent at a question that asks for no file, over both webhooks with the
 * platforms' payload shapes ({@code src/test/resources/channel/telegram/*.json}, {@code channel/whatsapp/*.json}).
 * Before, the person got the note ("File itu tidak disimpan ...") under the question's buttons, but not the question:
 * they could not tell what the buttons answered. Now one message: the note, then the question again with its buttons;
 * the question still takes the next answer, the transcript keeps a line of the file's kind (the counsellor sees that a
 * file came), no file is fetched (only a question that asks for evidence, after consent, fetches one), and an album or
 * stickers in a row get that one message, not one each.
 */
@QuarkusTest
class FileAtAQuestionWithoutFilesTest extends WebhookTest {

    private static final String FILE_NOTE = "File itu tidak disimpan, karena pertanyaan ini tidak meminta file.";
    private static final String STICKER_NOTE = "Maaf, di sini saya hanya bisa membaca tulisan dan tombol.";
    private static final String QUESTION = "Kejadian ini dialami siapa?";
    private static final IntakeWalk TO_REPORTER_ROLE = IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes");

    @ParameterizedTest(name = "Telegram {0}: the note, then the question with its buttons")
    @CsvSource({ "photo.json, photo", "document.json, document", "voice.json, voice", "video.json, video", "audio.json, audio",
            "sticker.json, sticker" })
    void shouldShowTheQuestionAgainAfterTheNoteOnTelegram(String fixture, String kind) {
        long chat = telegramChatAtReporterRole();
        int before = telegram.sentTo(chat).size();
        String fileId = "synthetic-file-" + chat;

        chats.send(TelegramFixtures.render(fixture, TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(), null, null,
                fileId, 1000), chat);

        List<FakeTelegram.Call> replies = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size());
        assertEquals(1, replies.size(), fixture + ": one message: " + replies);
        String text = replies.get(0).text();
        assertTrue(text.startsWith(kind.equals("sticker") ? STICKER_NOTE : FILE_NOTE), fixture + ": the note first: " + text);
        assertTrue(text.endsWith(QUESTION), fixture + ": then the question: " + text);
        String markup = String.valueOf(replies.get(0).body().get("reply_markup"));
        assertTrue(markup.contains("reporter_role:victim") && markup.contains("reporter_role:proxy"), fixture + ": with its buttons: " + markup);
        assertEquals(List.of(), telegram.calls(call -> call.method().equals("getFile") && fileId.equals(call.body().get("file_id"))),
                fixture + ": no file is fetched where none is asked");
        assertEquals(kind, lastInbound(chats.transcript(chat)).kind, fixture + ": the transcript keeps that a file came");

        int beforeAnswer = telegram.sentTo(chat).size();
        chats.send(TelegramFixtures.button(chat, "reporter_role:victim"), chat);
        assertTrue(telegram.sentTo(chat).subList(beforeAnswer, telegram.sentTo(chat).size()).stream()
                .noneMatch(call -> call.text() != null && call.text().contains(QUESTION)), fixture + ": the question took the answer");
    }

    @Test
    void shouldAnswerAnAlbumAndStickersInARowWithOneMessageOnTelegram() {
        long chat = telegramChatAtReporterRole();
        int before = telegram.sentTo(chat).size();
        for (int file = 0; file < 3; file++) {
            String album = TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                    null, null, "synthetic-album-" + file, 1000).replace("\"caption\"", "\"media_group_id\": \"13800000000000001\", \"caption\"");
            chats.send(album, chat);
        }
        assertEquals(1, telegram.sentTo(chat).size() - before, "an album of three: one message");

        int beforeStickers = telegram.sentTo(chat).size();
        for (int sticker = 0; sticker < 3; sticker++) {
            chats.send(TelegramFixtures.render("sticker.json", chat), chat);
        }
        assertEquals(0, telegram.sentTo(chat).size() - beforeStickers, "stickers right after the album: recorded, no more notes");
        assertEquals(6, chats.transcript(chat).stream().filter(line -> line.direction == ChatMessage.Direction.IN
                && List.of("photo", "sticker").contains(line.kind)).count(), "every one is in the transcript");
    }

    @ParameterizedTest(name = "WhatsApp {0}: the note, then the question with its buttons")
    @CsvSource({ "image.json, photo", "document.json, document", "voice.json, voice", "video.json, video", "audio.json, audio",
            "sticker.json, sticker" })
    void shouldShowTheQuestionAgainAfterTheNoteOnWhatsApp(String fixture, String kind) {
        String number = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        chats.walkWhatsApp(number, TO_REPORTER_ROLE, WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), fixture, null, null, "synthetic-media-" + number);

        List<FakeGraph.Sent> replies = graph.sentTo(number).subList(before, graph.sentTo(number).size());
        assertEquals(1, replies.size(), fixture + ": one message: " + replies);
        String text = replies.get(0).text();
        assertTrue(text.startsWith(kind.equals("sticker") ? STICKER_NOTE : FILE_NOTE), fixture + ": the note first: " + text);
        assertTrue(text.endsWith(QUESTION), fixture + ": then the question: " + text);
        String body = replies.get(0).body().toString();
        assertTrue(body.contains("reporter_role:victim") && body.contains("reporter_role:proxy"), fixture + ": with its buttons: " + body);
        assertEquals(kind, lastInbound(chats.transcript(Channel.WHATSAPP, number)).kind, fixture + ": the transcript keeps that a file came");

        int beforeAnswer = graph.sentTo(number).size();
        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), "reporter_role:victim");
        assertTrue(graph.sentTo(number).subList(beforeAnswer, graph.sentTo(number).size()).stream()
                .noneMatch(sent -> sent.text().contains(QUESTION)), fixture + ": the question took the answer");
    }

    private long telegramChatAtReporterRole() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, TO_REPORTER_ROLE);
        return chat;
    }

    private static ChatMessage lastInbound(List<ChatMessage> transcript) {
        return transcript.stream().filter(line -> line.direction == ChatMessage.Direction.IN).reduce((first, second) -> second)
                .orElseThrow();
    }
}
