package id.ruangaman.channel;

import static id.ruangaman.channel.StoryLines.EMERGENCY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.ruangaman.channel.inbound.InboundProcessor;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.SessionRepository;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ContactRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Danger written under a file where the question asks for none: one reply for the one thing the person did, the
 * emergency numbers first, then the note that the file was not kept and the question again (at a choice), or the next
 * question (at a question of one typed answer). Over both webhooks with the platforms' payload shapes (Telegram
 * {@code photo}, {@code document}, {@code video}, {@code voice} with {@code caption}, an album by {@code media_group_id};
 * WhatsApp {@code image} with {@code image.caption}, several images in one payload); synthetic chats only.
 * Before: a second photo with a danger caption got the numbers only (the question was lost, taken as the quiet rest of
 * a burst); an album whose second photo said danger got the note and the question before the numbers; a captioned file
 * at a text question got the numbers and the note, then the next question, in two messages.
 */
@QuarkusTest
class DangerCaptionOneReplyWebhookTest extends WebhookTest {

    private static final String DANGER = "dia bilang nanti malam dia datang ke kos";
    private static final String FILE_NOTE = "File itu tidak disimpan, karena pertanyaan ini tidak meminta file.";
    private static final String SEND_NOW = "Sekarang kamu bisa pilih:";
    private static final IntakeWalk TO_SEND_NOW = IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
            "reporter_role:victim");
    private static final IntakeWalk TO_WITNESSES = TO_SEND_NOW.then(IntakeWalk.of("send_now:details", "violence_type:skip",
            "incident_when:skip", "victim_minor:no", "incident_place:online", "Cerita sintetis.", "chronology:done", "biodata_offer:no",
            "reported_offer:no", "evidence_consent:yes", "Catatan sintetis.", "evidence:done"));

    @Inject
    InboundProcessor processor;
    @Inject
    SessionRepository sessions;
    @Inject
    ContactRepository contacts;

    // --- 1b: a second single file, its caption saying danger, at a choice ---

    @ParameterizedTest
    @ValueSource(strings = {"photo.json", "document.json", "video.json", "voice.json"})
    void aSecondFileWithADangerCaptionAtAChoiceGetsTheNumbersThenTheQuestionOnTelegram(String fixture) {
        long chat = telegramAt(TO_SEND_NOW);
        chats.send(file(chat, "photo.json", null), chat);
        int before = telegram.sentTo(chat).size();

        chats.send(file(chat, fixture, DANGER), chat);

        List<String> replies = telegram(chat, before);
        assertEquals(1, replies.size(), fixture + ": one message: " + replies);
        assertDangerThenNoteThenQuestion(replies.get(0), SEND_NOW);
        assertEquals("send_now", state(Channel.TELEGRAM, String.valueOf(chat)).nodeId());
        assertTrue(state(Channel.TELEGRAM, String.valueOf(chat)).dangerSaid(), "the report to come is flagged as in danger");
    }

    @Test
    void aSecondImageWithADangerCaptionAtAChoiceOnWhatsApp() {
        String number = whatsAppAt(TO_SEND_NOW);
        String first = WhatsAppFixtures.newWamid();
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(image(number, first, null))), first, number);
        int before = graph.sentTo(number).size();

        String wamid = WhatsAppFixtures.newWamid();
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(image(number, wamid, DANGER))), wamid, number);

        List<String> replies = whatsApp(number, before);
        assertEquals(1, replies.size(), "one message: " + replies);
        assertDangerThenNoteThenQuestion(replies.get(0), SEND_NOW);
        assertTrue(state(Channel.WHATSAPP, number).dangerSaid());
    }

    // --- 1a: several files at once, a later one's caption saying danger, at a choice ---

    @Test
    void anAlbumWhoseSecondPhotoSaysDangerGetsTheNumbersFirstOnTelegram() {
        long chat = telegramAt(TO_SEND_NOW);
        int before = telegram.sentTo(chat).size();

        postAlbumAtOnce(chat, null, DANGER, null);

        List<String> replies = telegram(chat, before);
        assertEquals(1, replies.size(), "one message for the album: " + replies);
        assertDangerThenNoteThenQuestion(replies.get(0), SEND_NOW);
        assertTrue(state(Channel.TELEGRAM, String.valueOf(chat)).dangerSaid());
    }

    @Test
    void anAlbumWithoutDangerStillGetsOneAnswerOnTelegram() {
        long chat = telegramAt(TO_SEND_NOW);
        int before = telegram.sentTo(chat).size();

        postAlbumAtOnce(chat, "tangkapan layar", null, null);

        List<String> replies = telegram(chat, before);
        assertEquals(1, replies.size(), "one message for the album: " + replies);
        assertTrue(replies.get(0).startsWith(FILE_NOTE) && replies.get(0).contains(SEND_NOW), replies.toString());
    }

    @Test
    void severalImagesAtOnceTheSecondSayingDangerOnWhatsApp() {
        String number = whatsAppAt(TO_SEND_NOW);
        int before = graph.sentTo(number).size();

        String first = WhatsAppFixtures.newWamid();
        String second = WhatsAppFixtures.newWamid();
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(image(number, first, null), image(number, second, DANGER))), second,
                number);

        List<String> replies = whatsApp(number, before);
        assertEquals(1, replies.size(), "one message for the images: " + replies);
        assertDangerThenNoteThenQuestion(replies.get(0), SEND_NOW);
    }

    // --- 3: a file with a danger caption at a question of one typed answer ---

    @ParameterizedTest
    @ValueSource(strings = {"photo.json", "document.json", "video.json"})
    void aDangerCaptionAtATextQuestionIsOneMessageOnTelegram(String fixture) {
        long chat = telegramAt(TO_WITNESSES);
        assertEquals("witnesses", state(Channel.TELEGRAM, String.valueOf(chat)).nodeId(), "the walk stops at a text question");
        int before = telegram.sentTo(chat).size();

        chats.send(file(chat, fixture, DANGER), chat);

        List<String> replies = telegram(chat, before);
        assertEquals(1, replies.size(), fixture + ": one message: " + replies);
        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals(DANGER, state.answers().get("witnesses").value(), "the caption is the answer, kept as written");
        assertTrue(state.dangerSaid());
        String reply = replies.get(0);
        assertTrue(reply.startsWith(EMERGENCY), "the numbers first: " + reply);
        assertTrue(reply.indexOf(FILE_NOTE) > 0, "then the note: " + reply);
        assertTrue(reply.length() > reply.indexOf(FILE_NOTE) + FILE_NOTE.length() + 2, "then the next question: " + reply);
    }

    @Test
    void aDangerCaptionAtATextQuestionIsOneMessageOnWhatsApp() {
        String number = whatsAppAt(TO_WITNESSES);
        int before = graph.sentTo(number).size();

        String wamid = WhatsAppFixtures.newWamid();
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(image(number, wamid, DANGER))), wamid, number);

        List<String> replies = whatsApp(number, before);
        assertEquals(1, replies.size(), "one message: " + replies);
        assertTrue(replies.get(0).startsWith(EMERGENCY) && replies.get(0).indexOf(FILE_NOTE) > 0, replies.toString());
        assertEquals(DANGER, state(Channel.WHATSAPP, number).answers().get("witnesses").value());
    }

    // --- helpers ---

    private static void assertDangerThenNoteThenQuestion(String reply, String question) {
        assertTrue(reply.startsWith(EMERGENCY), "the emergency numbers first: " + reply);
        int note = reply.indexOf(FILE_NOTE);
        assertTrue(note > 0, "then the note: " + reply);
        assertTrue(reply.indexOf(question) > note, "then the question again: " + reply);
    }

    private long telegramAt(IntakeWalk walk) {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, walk);
        return chat;
    }

    private String whatsAppAt(IntakeWalk walk) {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo").then(walk), WhatsAppFixtures::newWamid);
        return number;
    }

    /** A Telegram file of the fixture's kind (no file fetched where none is asked); {@code caption} null: none. */
    private static String file(long chat, String fixture, String caption) {
        String json = TelegramFixtures.render(fixture, TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(), null, null,
                "synthetic-" + fixture + "-" + chat + "-" + System.nanoTime(), 1000).replace(", \"caption\": \"tangkapan layar\"", "");
        if (caption == null) {
            return json;
        }
        int at = json.indexOf("\"chat\":");
        return json.substring(0, at) + "\"caption\": \"" + caption + "\", " + json.substring(at);
    }

    private static String image(String number, String wamid, String caption) {
        String image = WhatsAppFixtures.message("image.json", number, wamid, null, null, "synthetic-" + wamid);
        return caption == null ? image.replace("\"caption\": \"tangkapan layar\", ", "")
                : image.replace("\"caption\": \"tangkapan layar\"", "\"caption\": \"" + caption + "\"");
    }

    /** Three photos of one album (captions as given, null: none), waiting together as Telegram posts them back to back. */
    private void postAlbumAtOnce(long chat, String... captions) {
        List<Long> updates = new ArrayList<>();
        processor.pause();
        try {
            for (String caption : captions) {
                long update = TelegramFixtures.newUpdateId();
                updates.add(update);
                String photo = TelegramFixtures.render("photo.json", update, chat, TelegramFixtures.nextMessageId(), null, null,
                        "synthetic-album-" + update, 1000).replace(", \"caption\": \"tangkapan layar\"",
                                ", \"media_group_id\": \"1380" + chat + "\"" + (caption == null ? "" : ", \"caption\": \"" + caption + "\""));
                assertTrue(photo.contains("media_group_id"), "the fixture is an album's photo");
                TelegramChats.post(photo).then().statusCode(200);
            }
        } finally {
            processor.resume();
        }
        for (long update : updates) {
            Eventually.await("update processed", Duration.ofSeconds(60), () -> !"PENDING".equals(chats.status(update)));
        }
        Eventually.await("replies sent", Duration.ofSeconds(60), () -> chats.outboxDrained(chat));
    }

    private List<String> telegram(long chat, int before) {
        return telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
    }

    private List<String> whatsApp(String number, int before) {
        return graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
    }

    private SessionState state(Channel channel, String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(
                contacts.findByExternalId(channel, externalId).orElseThrow().id).orElseThrow().state));
    }
}
