package id.ruangaman.channel;

import static id.ruangaman.channel.StoryLines.EMERGENCY;
import static id.ruangaman.channel.StoryLines.SAVED;
import static id.ruangaman.channel.StoryLines.TO_THE_STORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

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
 * A file sent with a caption at the story, a question that takes typed words and no file, over both webhooks with the
 * platforms' payload shapes (Telegram {@code photo} and {@code document} with {@code caption}; WhatsApp {@code image}
 * with {@code image.caption}); synthetic chats only. The caption is the person's words: it becomes a part of the story,
 * read for danger as a typed line; the note says only the file was not kept. Before, the caption was dropped with the
 * file.
 */
@QuarkusTest
class CaptionIsThePersonsWordsTest extends WebhookTest {

    private static final String FILE_NOTE = "File itu tidak disimpan, karena pertanyaan ini tidak meminta file.";
    private static final String CAPTION = "ini chat dia ke aku tadi malam";
    private static final String DANGER_CAPTION = "dia bilang nanti malam dia datang ke kos";

    @Inject
    SessionRepository sessions;

    @Test
    void shouldKeepAPhotosCaptionAsAPartOfTheStoryOnTelegram() {
        long chat = telegramChatAtTheStory();
        int before = telegram.sentTo(chat).size();

        chats.send(photo(chat, CAPTION), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertEquals(1, replies.size(), "one message, not the note and then the acknowledgement: " + replies);
        assertTrue(replies.get(0).startsWith(FILE_NOTE), "the file was not kept, and it says so: " + replies);
        assertTrue(replies.get(0).contains("\n\n" + SAVED), "the caption is kept, in the same message: " + replies);
        assertEquals(List.of(CAPTION), state(Channel.TELEGRAM, String.valueOf(chat)).draft().parts());

        chats.send(TelegramFixtures.button(chat, "chronology:done"), chat);
        assertEquals(List.of(CAPTION), state(Channel.TELEGRAM, String.valueOf(chat)).answers().get("chronology").parts());
    }

    @Test
    void shouldKeepADocumentsCaptionAsAPartOfTheStoryOnTelegram() {
        long chat = telegramChatAtTheStory();
        chats.send(TelegramFixtures.text(chat, "Jadi gini kak"), chat);

        String document = TelegramFixtures.render("document.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                null, null, "synthetic-doc-" + chat, 1000).replace("\"document\":", "\"caption\": \"" + CAPTION + "\", \"document\":");
        chats.send(document, chat);

        assertEquals(List.of("Jadi gini kak", CAPTION), state(Channel.TELEGRAM, String.valueOf(chat)).draft().parts());
    }

    /** The caption on the second file of a burst (files right after each other) is answered too, not taken quietly. */
    @Test
    void shouldAnswerACaptionRightAfterAnotherFileOnTelegram() {
        long chat = telegramChatAtTheStory();
        chats.send(TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(), null,
                null, "synthetic-first-" + chat, 1000).replace(", \"caption\": \"tangkapan layar\"", ""), chat);
        int before = telegram.sentTo(chat).size();

        chats.send(photo(chat, CAPTION), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertTrue(replies.stream().anyMatch(reply -> reply.contains(SAVED)), "the caption is acknowledged: " + replies);
        assertEquals(List.of(CAPTION), state(Channel.TELEGRAM, String.valueOf(chat)).draft().parts());
    }

    @Test
    void shouldReadACaptionForDangerOnTelegram() {
        long chat = telegramChatAtTheStory();
        int before = telegram.sentTo(chat).size();

        chats.send(photo(chat, DANGER_CAPTION), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertEquals(1, replies.size(), "one message: " + replies);
        assertTrue(replies.get(0).startsWith(EMERGENCY), "the emergency numbers first: " + replies);
        assertTrue(replies.get(0).contains(FILE_NOTE) && replies.get(0).indexOf(FILE_NOTE) < replies.get(0).indexOf(SAVED),
                "then the note on the file, then the acknowledgement: " + replies);
        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertTrue(state.dangerSaid(), "the report to come is flagged as in danger");
        assertEquals(List.of(DANGER_CAPTION), state.draft().parts());
    }

    @Test
    void shouldKeepAnImagesCaptionAsAPartOfTheStoryOnWhatsApp() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo").then(TO_THE_STORY), WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();

        String wamid = WhatsAppFixtures.newWamid();
        String image = WhatsAppFixtures.message("image.json", number, wamid, null, null, "synthetic-media-" + number)
                .replace("\"caption\": \"tangkapan layar\"", "\"caption\": \"" + CAPTION + "\"");
        assertTrue(image.contains(CAPTION), "the fixture carries the caption");
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(image)), wamid, number);

        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertEquals(1, replies.size(), "one message: " + replies);
        assertTrue(replies.get(0).startsWith(FILE_NOTE) && replies.get(0).contains(SAVED),
                "the file was not kept, and it says so; the caption is kept: " + replies);
        assertEquals(List.of(CAPTION), state(Channel.WHATSAPP, number).draft().parts());
    }

    @Test
    void shouldReadACaptionForDangerInTheCaseThreadAfterTheReport() {
        long chat = chats.reportedTelegramChat("Cerita sintetis untuk uji keterangan file.");
        telegram.file("synthetic-photo-" + chat, ("synthetic-photo-" + chat).getBytes(StandardCharsets.UTF_8));
        int before = telegram.sentTo(chat).size();

        chats.send(photo(chat, DANGER_CAPTION), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertTrue(replies.stream().anyMatch(reply -> reply.startsWith(EMERGENCY)), "the emergency numbers: " + replies);
        assertTrue(chats.transcript(chat).stream().anyMatch(line -> line.body != null && line.body.contains(DANGER_CAPTION)),
                "the caption is in the transcript");
    }

    /**
     * Danger written under a photo at a choice question (which takes no file and no typed words): the emergency numbers
     * first and the report flagged, then the note and the question again, in one message, nothing answered. Before, the
     * caption went unread and only the note came; then the numbers and the note came as two messages.
     */
    @Test
    void shouldReadADangerCaptionAtAChoiceQuestionOnTelegram() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details"));
        assertEquals("violence_type", state(Channel.TELEGRAM, String.valueOf(chat)).nodeId(), "the walk stops at a choice");
        int before = telegram.sentTo(chat).size();

        chats.send(photo(chat, DANGER_CAPTION), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertEquals(1, replies.size(), "one message for one photo: " + replies);
        assertTrue(replies.get(0).startsWith(EMERGENCY), "the emergency numbers first: " + replies);
        assertTrue(replies.get(0).contains("\n\n" + FILE_NOTE), "the file was not kept, and it says so: " + replies);
        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertTrue(state.dangerSaid(), "the report to come is flagged as in danger");
        assertEquals("violence_type", state.nodeId(), "the question is asked again, nothing answered");
    }

    /** At "are you in danger now?" itself, danger written under a photo answers it as the same words typed do. */
    @Test
    void shouldTakeADangerCaptionAtTheDangerQuestionAsItsAnswer() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes"));
        assertEquals("in_danger", state(Channel.TELEGRAM, String.valueOf(chat)).nodeId(), "the walk stops at the danger question");
        int before = telegram.sentTo(chat).size();

        chats.send(photo(chat, "tolong, dia di depan pintu"), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertTrue(replies.stream().anyMatch(reply -> reply.startsWith(EMERGENCY)), "the emergency numbers: " + replies);
        assertTrue(!"in_danger".equals(state(Channel.TELEGRAM, String.valueOf(chat)).nodeId()), "the danger question is answered");
    }

    private long telegramChatAtTheStory() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, TO_THE_STORY);
        return chat;
    }

    private static String photo(long chat, String caption) {
        return TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(), null, null,
                "synthetic-photo-" + chat, 1000).replace("\"caption\": \"tangkapan layar\"", "\"caption\": \"" + caption + "\"");
    }

    private SessionState state(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
    }
}
