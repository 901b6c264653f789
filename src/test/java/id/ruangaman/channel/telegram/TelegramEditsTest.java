package id.ruangaman.channel.telegram;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.LogLines;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.transcript.ChatMessage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a survivor changes in Telegram reaches the transcript (fixtures {@code edited_*.json}, Bot API Update
 * {@code edited_message}). Before, only an edit of a text was kept: a corrected caption on a photo, video, document,
 * audio, voice note or animation was acknowledged and dropped. Now each is a line of kind {@code edit} pointing at the
 * original line, also when the service never saw the original; a live location's stream of position updates is not
 * recorded; an edit the service cannot read still leaves a labelled line. And an update whose stored body the library
 * cannot read ({@code unparseable_message.json}) gets the one kind note and a labelled line instead of silence.
 */
@QuarkusTest
class TelegramEditsTest extends WebhookTest {

    private static final String NOTE = "Maaf, jenis pesan itu tidak bisa saya baca di sini. Kirim tulisan, foto, pesan suara, atau dokumen saja ya.";
    private static final String CORRECTION = "Ini tanggal 12 Maret, bukan 13 (sintetis)";

    @Inject
    InboxFixtures fixtures;

    @ParameterizedTest(name = "a caption edit of {0} is an edit of the original line")
    @CsvSource({ "photo.json, edited_photo_caption.json", "video.json, edited_video_caption.json",
            "document.json, edited_document_caption.json", "audio.json, edited_audio_caption.json",
            "voice.json, edited_voice_caption.json" })
    void shouldRecordACaptionEditAsAnEditOfTheOriginalLine(String original, String edited) {
        long chat = TelegramFixtures.newChatId();
        long messageId = TelegramFixtures.nextMessageId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.send(TelegramFixtures.render(original, TelegramFixtures.newUpdateId(), chat, messageId, null, null, "file-" + messageId, 1000), chat);
        int sent = telegram.sentTo(chat).size();

        String edit = TelegramFixtures.render(edited, TelegramFixtures.newUpdateId(), chat, messageId, CORRECTION, null, "file-" + messageId, 1000);
        chats.send(edit, chat);

        assertEquals("DONE", chats.status(TelegramChats.updateIdOf(edit)), edited);
        List<ChatMessage> transcript = chats.transcript(chat);
        ChatMessage first = transcript.stream().filter(m -> String.valueOf(messageId).equals(m.providerMessage)
                && m.direction == ChatMessage.Direction.IN && !"edit".equals(m.kind)).findFirst().orElseThrow();
        ChatMessage line = transcript.stream().filter(m -> "edit".equals(m.kind)).findFirst().orElseThrow(() -> new AssertionError(edited + " left no line"));
        assertEquals(first.id, line.editOf, edited);
        assertTrue(line.body.contains(CORRECTION), edited + ": " + line.body);
        assertEquals(sent, telegram.sentTo(chat).size(), edited + ": an edit is not answered");
    }

    @Test
    void shouldKeepAnEditOfAMessageTheServiceNeverSaw() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        // An animation the service never received (sent while the chat was known, its update lost in an outage): only
        // its corrected caption ever reaches the service.
        String edit = TelegramFixtures.render("edited_animation_caption.json", TelegramFixtures.newUpdateId(), chat,
                TelegramFixtures.nextMessageId(), CORRECTION, null, null, 1000);
        chats.send(edit, chat);

        assertEquals("DONE", chats.status(TelegramChats.updateIdOf(edit)));
        ChatMessage line = chats.transcript(chat).stream().filter(m -> "edit".equals(m.kind)).findFirst().orElseThrow();
        assertNull(line.editOf, "no original to point at");
        assertTrue(line.body.contains(CORRECTION));
    }

    @Test
    void shouldRecordAnEditTheServiceCannotReadAsALabelledLine() {
        long chat = TelegramFixtures.newChatId();
        long messageId = TelegramFixtures.nextMessageId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.send(TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, messageId, null, null, null, 1000), chat);

        // The caption taken away (or the photo replaced): the message changed, into nothing the service can quote.
        chats.send(TelegramFixtures.render("edited_photo_no_caption.json", TelegramFixtures.newUpdateId(), chat, messageId, null,
                null, null, 1000), chat);

        ChatMessage line = chats.transcript(chat).stream().filter(m -> "edit".equals(m.kind)).findFirst().orElseThrow();
        assertEquals("{\"type\":\"unsupported\",\"kind\":\"edit\"}", line.body);
        assertTrue(line.editOf != null, "points at the photo's line");
    }

    @Test
    void shouldNotFloodTheTranscriptWithALiveLocationsUpdates() {
        long chat = TelegramFixtures.newChatId();
        long messageId = TelegramFixtures.nextMessageId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.send(TelegramFixtures.render("location.json", TelegramFixtures.newUpdateId(), chat, messageId, null, null, null, 0), chat);
        int lines = chats.transcript(chat).size();
        int sent = telegram.sentTo(chat).size();

        for (int i = 0; i < 5; i++) {
            String update = TelegramFixtures.render("edited_live_location.json", TelegramFixtures.newUpdateId(), chat, messageId, null,
                    null, null, 0);
            chats.send(update, chat);
            assertEquals("IGNORED", chats.status(TelegramChats.updateIdOf(update)));
        }

        assertEquals(lines, chats.transcript(chat).size(), "a live location's moves are not lines");
        assertEquals(sent, telegram.sentTo(chat).size());
    }

    @Test
    void shouldShowTheCounsellorAnEditAfterTheReportMarkedAsAnEdit() {
        long chat = chats.reportedTelegramChat("Kronologi sintetis untuk pesan yang diubah.");
        String ref = chats.referenceOf(chat);
        long messageId = chats.sayTelegram(chat, "Kejadiannya tanggal 13 Maret (sintetis)");

        chats.editTelegram(chat, messageId, CORRECTION);
        // and a change to a photo sent before the bot was added, into nothing the service can quote
        chats.send(TelegramFixtures.render("edited_photo_no_caption.json", TelegramFixtures.newUpdateId(), chat,
                TelegramFixtures.nextMessageId(), null, null, null, 1000), chat);

        fixtures.account("edits-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("edits-counsellor");
        String transcript = getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox/cases/" + ref + "/transcript")
                .then().statusCode(200).extract().asString();
        assertTrue(transcript.contains(CORRECTION), "the corrected caption is in the case's transcript");
        assertTrue(transcript.contains("class=\"edited-mark\">diubah"), "marked as a change to an earlier message");
        assertTrue(transcript.contains("[Pesan ini diubah, tetapi perubahannya tidak bisa ditampilkan]"),
                "a change nobody can quote is still a line, as words");
        String english = getAs(session).cookie("ruangaman-lang", "en").when().get("/inbox/cases/" + ref + "/transcript")
                .then().statusCode(200).extract().asString();
        assertTrue(english.contains("class=\"edited-mark\">edited"), "and in English");
        assertTrue(english.contains("[This message was changed, but the change cannot be shown]"), "and in English");
    }

    @Test
    void shouldAnswerAnUpdateTheLibraryCannotReadWithTheNoteAndKeepALine() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id"));
        int before = telegram.sentTo(chat).size();
        String update = TelegramFixtures.render("unparseable_message.json", TelegramFixtures.newUpdateId(), chat,
                TelegramFixtures.nextMessageId(), "Pesan sintetis yang rusak", null, null, 0);
        LogLines log = LogLines.everything();
        log.start();
        try {
            chats.send(update, chat);
        } finally {
            log.stop();
        }

        assertEquals("DONE", chats.status(TelegramChats.updateIdOf(update)), "handled, not retried or dropped");
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        List<String> texts = sent.subList(before, sent.size()).stream().map(FakeTelegram.Call::text).toList();
        // the note, then the consent question again, in one message (as for a photo where no file is asked)
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.get(0).startsWith(NOTE + "\n\n") && texts.get(0).endsWith("Kamu setuju dan mau lanjut?"), texts.get(0));
        ChatMessage line = chats.transcript(chat).stream().filter(m -> m.direction == ChatMessage.Direction.IN)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("unsupported", line.kind);
        assertEquals("{\"type\":\"unsupported\",\"kind\":\"unknown\"}", line.body, "only the kind, never the content");
        assertEquals(List.of(), log.lines().stream().filter(l -> l.contains(String.valueOf(chat)) || l.contains("Pesan sintetis yang rusak")).toList(),
                "no log line names the chat or holds the content");
    }

    @Test
    void shouldCloseAnUnreadableGroupUpdateWithoutAnswering() throws Exception {
        long group = TelegramFixtures.newGroupId();
        String update = TelegramFixtures.render("unparseable_group_message.json", group);
        TelegramChats.post(update).then().statusCode(200);
        id.ruangaman.testing.Eventually.await("processed", java.time.Duration.ofSeconds(30),
                () -> !"PENDING".equals(chats.status(TelegramChats.updateIdOf(update))));
        assertEquals("IGNORED", chats.status(TelegramChats.updateIdOf(update)));
        Thread.sleep(300);
        assertEquals(0, telegram.sentTo(group).size(), "a group gets no answer to it");
    }
}
