package id.ruangaman.channel;

import static id.ruangaman.channel.StoryLines.EMERGENCY;
import static id.ruangaman.channel.StoryLines.SAVED;
import static id.ruangaman.channel.StoryLines.TO_THE_STORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.SessionRepository;
import id.ruangaman.intake.StoryAckDelay;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ContactRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The story's delayed acknowledgement where it had no test: at the notes beside the evidence, on WhatsApp (its danger
 * line, its closing words), and overtaken by something else while it waits: a command, a sticker or a voice note (a
 * re-prompt), a file with a caption, an edit of an earlier line, and /hapus (nothing of the person may go out after the
 * erasure, nor stay in the outbound queue). Through the real webhooks, with payloads shaped as Telegram's and WhatsApp's;
 * synthetic chats only. The delay is an hour, and a pause is played by making the waiting acknowledgement due now, as
 * in {@link StoryAckDelayWebhookTest}: no test waits on real time. What every case asks: never a flood (at most one
 * "Tersimpan" for a burst), never silence where the person waits for a sign, and nothing left waiting behind a reply.
 */
@QuarkusTest
class StoryAckOvertakenWebhookTest extends WebhookTest {

    private static final String FIRST = "Jadi gini kak";
    private static final String SECOND = "kejadiannya sore di lab";
    private static final String FILE_NOTE = "File itu tidak disimpan, karena pertanyaan ini tidak meminta file.";
    private static final String ERASED = "Sudah dihapus dari server kami";
    private static final String STICKER_NOTE = "Maaf, di sini saya hanya bisa membaca tulisan dan tombol.";
    private static final String SAVED_LINE = "Tersimpan. Lanjutkan, atau ketuk Selesai kalau sudah.";
    private static final String DELETE_CONFIRM = "Hapus semua yang sudah kamu kirim di sini?";

    @Inject
    SessionRepository sessions;
    @Inject
    ContactRepository contacts;
    @Inject
    EntityManager em;

    @BeforeEach
    void anHourToPause() {
        QuarkusMock.installMockForType(new StoryAckDelay(Duration.ofHours(1)), StoryAckDelay.class);
    }

    // --- the notes beside the evidence ---

    @Test
    void notesBesideTheEvidenceTypedInARowGetOneAcknowledgementAfterThePause() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, toEvidence());
        telegram.file("note-photo-" + chat, ("synthetic-note-photo-" + chat).getBytes(StandardCharsets.UTF_8));
        chats.send(photo(chat, "note-photo-" + chat, null), chat);
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, "ini chat dari dia");
        chats.sayTelegram(chat, "dikirim jam sebelas malam");
        chats.sayTelegram(chat, "nomornya sudah aku blokir");

        assertEquals(List.of(), telegram(chat, before), "nothing while the person types the notes");
        assertEquals(1, waiting(Channel.TELEGRAM, String.valueOf(chat)), "one acknowledgement waits for the pause");
        pause(Channel.TELEGRAM, String.valueOf(chat));
        List<String> replies = telegram(chat, before);
        assertEquals(1, replies.size(), "one acknowledgement for three notes: " + replies);
        assertTrue(replies.get(0).startsWith(SAVED), replies.toString());
        assertEquals(List.of("ini chat dari dia", "dikirim jam sebelas malam", "nomornya sudah aku blokir"),
                state(Channel.TELEGRAM, String.valueOf(chat)).draft().parts(), "every note is kept beside the file");
    }

    @Test
    void doneAfterANoteBesideTheEvidenceWithdrawsItsAcknowledgement() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, toEvidence());
        telegram.file("done-photo-" + chat, ("synthetic-done-photo-" + chat).getBytes(StandardCharsets.UTF_8));
        chats.send(photo(chat, "done-photo-" + chat, null), chat);
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, "ini chat dari dia");
        chats.send(TelegramFixtures.button(chat, "evidence:done"), chat);

        List<String> replies = telegram(chat, before);
        assertEquals(1, replies.size(), "the next question only: " + replies);
        assertTrue(!replies.get(0).startsWith(SAVED), replies.toString());
        assertEquals(0, waiting(Channel.TELEGRAM, String.valueOf(chat)), "nothing left waiting");
        assertEquals("witnesses", state(Channel.TELEGRAM, String.valueOf(chat)).nodeId());
    }

    /** Danger written under one photo at the evidence question, not in an album: the numbers at once, the file kept. */
    @Test
    void aDangerCaptionOnOneFileAtTheEvidenceOnTelegram() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, toEvidence());
        telegram.file("danger-one-" + chat, ("synthetic-danger-one-" + chat).getBytes(StandardCharsets.UTF_8));
        int before = telegram.sentTo(chat).size();

        chats.send(photo(chat, "danger-one-" + chat, "dia bilang nanti malam dia datang ke kos"), chat);

        List<String> replies = telegram(chat, before);
        assertTrue(!replies.isEmpty() && replies.get(0).startsWith(EMERGENCY), "the emergency numbers first: " + replies);
        assertEquals(1, replies.stream().filter(reply -> reply.contains(EMERGENCY)).count(), "once: " + replies);
        assertTrue(replies.stream().anyMatch(reply -> reply.contains("Diterima")), "the file is acknowledged: " + replies);
        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertTrue(state.dangerSaid(), "the report to come is flagged as in danger");
        assertEquals(1, state.draft().mediaIds().size(), "the file is kept");
        assertEquals("evidence", state.nodeId());
    }

    @Test
    void aDangerCaptionOnOneFileAtTheEvidenceOnWhatsApp() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo").then(toEvidence()), WhatsAppFixtures::newWamid);
        String mediaId = "synthetic-danger-one-" + number;
        graph.media(mediaId, ("synthetic " + number).getBytes(StandardCharsets.UTF_8));
        int before = graph.sentTo(number).size();

        String wamid = WhatsAppFixtures.newWamid();
        String image = WhatsAppFixtures.message("image.json", number, wamid, null, null, mediaId)
                .replace("\"caption\": \"tangkapan layar\"", "\"caption\": \"dia bilang nanti malam dia datang ke kos\"");
        assertTrue(image.contains("datang ke kos"), "the fixture carries the caption");
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(image)), wamid, number);

        List<String> replies = whatsApp(number, before);
        assertTrue(!replies.isEmpty() && replies.get(0).startsWith(EMERGENCY), "the emergency numbers first: " + replies);
        assertEquals(1, replies.stream().filter(reply -> reply.contains(EMERGENCY)).count(), "once: " + replies);
        assertTrue(replies.stream().anyMatch(reply -> reply.contains("Diterima")), "the file is acknowledged: " + replies);
        SessionState state = state(Channel.WHATSAPP, number);
        assertTrue(state.dangerSaid(), "the report to come is flagged as in danger");
        assertEquals(1, state.draft().mediaIds().size(), "the file is kept");
    }

    // --- WhatsApp ---

    @Test
    void aStoryTypedInLinesOnWhatsAppGetsOneAcknowledgementAfterTheLast() {
        String number = whatsAppStory();
        say(number, FIRST);
        int before = graph.sentTo(number).size();

        say(number, SECOND);
        say(number, "dia dosen pembimbingku");
        say(number, "dia pegang tanganku");

        assertEquals(List.of(), whatsApp(number, before), "nothing while the person types");
        assertEquals(1, waiting(Channel.WHATSAPP, number));
        pause(Channel.WHATSAPP, number);
        List<String> replies = whatsApp(number, before);
        assertEquals(1, replies.size(), replies.toString());
        assertTrue(replies.get(0).startsWith(SAVED), replies.toString());
    }

    @Test
    void aDangerLineOnWhatsAppIsAnsweredAtOnceWithTheNumbers() {
        String number = whatsAppStory();
        say(number, FIRST);
        int before = graph.sentTo(number).size();

        say(number, SECOND);
        say(number, "dia bilang nanti malam dia datang lagi ke kos");

        List<String> replies = whatsApp(number, before);
        assertEquals(1, replies.size(), "the numbers at once, with the acknowledgement: " + replies);
        assertTrue(replies.get(0).startsWith(EMERGENCY) && replies.get(0).contains(SAVED), replies.toString());
        assertEquals(0, waiting(Channel.WHATSAPP, number), "nothing left waiting");
        assertTrue(state(Channel.WHATSAPP, number).dangerSaid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"udah", "sudah", "selesai", "Udah kak", "itu aja"})
    void aClosingWordOnWhatsAppGetsTheNextQuestionAtOnce(String closing) {
        String number = whatsAppStory();
        say(number, FIRST);
        int before = graph.sentTo(number).size();

        say(number, SECOND);
        say(number, closing);

        List<String> replies = whatsApp(number, before);
        assertEquals(0, waiting(Channel.WHATSAPP, number), closing + ": the story's acknowledgement is withdrawn");
        assertTrue(replies.stream().noneMatch(reply -> reply.startsWith(SAVED)), closing + ": " + replies);
        assertEquals(1, replies.size(), closing + ": the next question only: " + replies);
        SessionState state = state(Channel.WHATSAPP, number);
        assertEquals("biodata_offer", state.nodeId(), closing);
        assertEquals(List.of(FIRST, SECOND), state.answers().get("chronology").parts(), closing + ": the closing word is not a part");
    }

    // --- overtaken while it waits ---

    /**
     * One thing sent while the story's acknowledgement waits gets one message: the acknowledgement is withdrawn and its
     * words open the kind reply ("Tersimpan." then the note and the question). Before, the acknowledgement went at once
     * and the note right after it: two messages for one sticker.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sticker.json", "voice.json", "video_note.json", "document.json", "video.json", "audio.json"})
    void somethingUnreadableInTheMiddleGetsOneKindReplyAndNothingKeptWaiting(String fixture) {
        long chat = storyChat();
        chats.sayTelegram(chat, FIRST);
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, SECOND);
        chats.send(TelegramFixtures.render(fixture, TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(), null, null,
                "synthetic-" + fixture + "-" + chat, 1000), chat);

        List<String> replies = telegram(chat, before);
        assertEquals(0, waiting(Channel.TELEGRAM, String.valueOf(chat)), fixture + ": nothing kept waiting behind the note");
        assertEquals(1, replies.size(), fixture + ": one message: " + replies);
        String reply = replies.get(0);
        assertTrue(reply.startsWith(SAVED), fixture + ": the lines are saved, and it says so: " + reply);
        assertTrue(reply.contains("\n\n" + STICKER_NOTE) || reply.contains("\n\n" + FILE_NOTE), fixture + ": then the note: " + reply);
        assertEquals(List.of(FIRST, SECOND), state(Channel.TELEGRAM, String.valueOf(chat)).draft().parts());
    }

    /** /hapus while the acknowledgement waits: the question whether to delete everything, alone; nothing waits behind it. */
    @Test
    void eraseAskedWhileAnAcknowledgementWaitsGetsTheQuestionAlone() {
        long chat = storyChat();
        chats.sayTelegram(chat, FIRST);
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, SECOND);
        chats.sayTelegram(chat, "/hapus");

        List<String> replies = telegram(chat, before);
        assertEquals(1, replies.size(), "one message: " + replies);
        assertTrue(replies.get(0).contains(DELETE_CONFIRM) && !replies.get(0).contains(SAVED), replies.toString());
        assertEquals(0, waiting(Channel.TELEGRAM, String.valueOf(chat)), "nothing kept waiting");
    }

    @ParameterizedTest
    @ValueSource(strings = {"voice.json", "audio.json"})
    void aVoiceNoteInTheMiddleOnWhatsApp(String fixture) {
        String number = whatsAppStory();
        say(number, FIRST);
        int before = graph.sentTo(number).size();

        say(number, SECOND);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), fixture, null, null, "synthetic-" + fixture + "-" + number);

        List<String> replies = whatsApp(number, before);
        assertEquals(0, waiting(Channel.WHATSAPP, number), fixture + ": nothing kept waiting behind the note");
        assertEquals(1, replies.size(), fixture + ": one message: " + replies);
        assertTrue(replies.get(0).startsWith(SAVED) && replies.get(0).contains("\n\n" + FILE_NOTE), replies.toString());
    }

    /**
     * A tap on an earlier question's button (WhatsApp interactive reply) while the acknowledgement waits: one message,
     * the acknowledgement opening it, then the note that the button is no longer used and the question asked now.
     */
    @Test
    void anEarlierButtonTappedInTheMiddleOnWhatsApp() {
        String number = whatsAppStory();
        say(number, FIRST);
        int before = graph.sentTo(number).size();

        say(number, SECOND);
        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), "send_now:details");

        List<String> replies = whatsApp(number, before);
        assertEquals(0, waiting(Channel.WHATSAPP, number), "nothing kept waiting");
        assertEquals(1, replies.size(), "one message: " + replies);
        assertTrue(replies.get(0).startsWith(SAVED) && replies.get(0).contains("\n\nTombol itu sudah tidak dipakai."), replies.toString());
        assertEquals(List.of(FIRST, SECOND), state(Channel.WHATSAPP, number).draft().parts());
    }

    @Test
    void aStickerInTheMiddleOnWhatsApp() {
        String number = whatsAppStory();
        say(number, FIRST);
        int before = graph.sentTo(number).size();

        say(number, SECOND);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "sticker.json", null, null, null);

        List<String> replies = whatsApp(number, before);
        assertEquals(0, waiting(Channel.WHATSAPP, number), "nothing kept waiting behind the note");
        assertEquals(1, replies.size(), "one message: " + replies);
        assertTrue(replies.get(0).startsWith(SAVED) && replies.get(0).contains("\n\n" + STICKER_NOTE), replies.toString());
    }

    /**
     * A command while the acknowledgement waits: its answer, and the question again where it asks nothing itself; the
     * acknowledgement's words open the first, never a message of their own (before, /cabut got "Tersimpan", then the
     * answer, then the question: three messages for one command).
     */
    @ParameterizedTest
    @ValueSource(strings = {"/bantuan", "/status", "/bahasa", "/xyz", "/cabut", "/withdraw"})
    void aCommandInTheMiddleIsAnsweredAtOnceAndNothingKeptWaiting(String command) {
        long chat = storyChat();
        chats.sayTelegram(chat, FIRST);
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, SECOND);
        chats.sayTelegram(chat, command);

        List<String> replies = telegram(chat, before);
        assertTrue(!replies.isEmpty(), command + ": answered");
        assertEquals(0, waiting(Channel.TELEGRAM, String.valueOf(chat)), command + ": nothing kept waiting");
        assertTrue(replies.size() <= 2, command + ": the answer and the question at most: " + replies);
        assertTrue(replies.stream().noneMatch(reply -> reply.strip().equals(SAVED_LINE)), command + ": never alone: " + replies);
        if (!command.equals("/bahasa")) { // the bilingual language picker stands alone; the story's question follows the pick
            assertTrue(replies.get(0).startsWith(SAVED) && replies.get(0).length() > SAVED_LINE.length(),
                    command + ": the acknowledgement's words open the answer: " + replies);
            assertEquals(1, replies.stream().filter(reply -> reply.contains(SAVED)).count(), command + ": " + replies);
        }
        assertEquals(List.of(FIRST, SECOND), state(Channel.TELEGRAM, String.valueOf(chat)).draft().parts(),
                command + ": the story is kept, the command is not a part of it");
    }

    @Test
    void aCaptionedPhotoInTheMiddleGetsOneMessage() {
        long chat = storyChat();
        chats.sayTelegram(chat, FIRST);
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, SECOND);
        chats.send(photo(chat, "synthetic-mid-" + chat, "ini chat dia ke aku"), chat);

        List<String> replies = telegram(chat, before);
        assertEquals(1, replies.size(), "one kind message: " + replies);
        assertTrue(replies.get(0).startsWith(FILE_NOTE) && replies.get(0).contains(SAVED), replies.toString());
        assertEquals(0, waiting(Channel.TELEGRAM, String.valueOf(chat)), "the line before needs no acknowledgement of its own");
        assertEquals(List.of(FIRST, SECOND, "ini chat dia ke aku"), state(Channel.TELEGRAM, String.valueOf(chat)).draft().parts());
    }

    @Test
    void anEditOfAnEarlierLineDoesNotHoldAnythingBehindTheWaitingAcknowledgement() {
        long chat = storyChat();
        long first = chats.sayTelegram(chat, FIRST);
        int before = telegram.sentTo(chat).size();

        chats.sayTelegram(chat, SECOND);
        chats.editTelegram(chat, first, "Jadi gini kak, aku mau cerita");

        assertTrue(telegram(chat, before).stream().filter(reply -> reply.startsWith(SAVED)).count() <= 1);
        pause(Channel.TELEGRAM, String.valueOf(chat));
        List<String> replies = telegram(chat, before);
        assertEquals(1, replies.stream().filter(reply -> reply.startsWith(SAVED)).count(), "one acknowledgement: " + replies);
    }

    /**
     * /hapus while an acknowledgement waits: after the erasure nothing of the story goes out, and nothing of the
     * person (no body, no recipient) stays in the outbound queue.
     */
    @Test
    void eraseWhileAnAcknowledgementWaitsSendsNothingOfItAfterwards() throws Exception {
        long chat = storyChat();
        chats.sayTelegram(chat, FIRST);
        chats.sayTelegram(chat, SECOND);
        long contactId = contactId(Channel.TELEGRAM, String.valueOf(chat));

        chats.sayTelegram(chat, "/hapus");
        int beforeErasure = telegram.sentTo(chat).size();
        chats.sayTelegram(chat, "ya");
        telegram.awaitSent(chat, beforeErasure + 1, Duration.ofSeconds(60));
        release(contactId);

        Eventually.await("the outbound queue settled", Duration.ofSeconds(60), () -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from chat_message where contact_id = ?1 and direction = 'OUT' "
                        + "and status in ('PENDING', 'SENDING')").setParameter(1, contactId).getSingleResult()).longValue() == 0));
        List<String> after = telegram(chat, beforeErasure);
        assertEquals(1, after.size(), "the erasure's own answer, nothing after it: " + after);
        assertTrue(after.get(0).startsWith(ERASED), after.toString());
        long kept = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from chat_message "
                + "where contact_id = ?1 and (body is not null or recipient is not null) and status <> 'SENT'")
                .setParameter(1, contactId).getSingleResult()).longValue());
        assertEquals(0, kept, "nothing of the person left in the outbound queue");
        assertEquals(0, waiting(contactId), "no acknowledgement waits");
    }

    @Test
    void eraseOnWhatsAppWhileAnAcknowledgementWaits() {
        String number = whatsAppStory();
        say(number, FIRST);
        say(number, SECOND);
        long contactId = contactId(Channel.WHATSAPP, number);

        say(number, "/hapus");
        int beforeErasure = graph.sentTo(number).size();
        say(number, "ya");
        Eventually.await("the erasure answered", Duration.ofSeconds(60), () -> graph.sentTo(number).size() > beforeErasure);
        release(contactId);

        Eventually.await("the outbound queue settled", Duration.ofSeconds(60), () -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from chat_message where contact_id = ?1 and direction = 'OUT' "
                        + "and status in ('PENDING', 'SENDING')").setParameter(1, contactId).getSingleResult()).longValue() == 0));
        List<String> after = whatsApp(number, beforeErasure);
        assertEquals(1, after.size(), "the erasure's own answer, nothing after it: " + after);
        assertTrue(after.get(0).startsWith(ERASED), after.toString());
        long kept = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from chat_message "
                + "where contact_id = ?1 and (body is not null or recipient is not null) and status <> 'SENT'")
                .setParameter(1, contactId).getSingleResult()).longValue());
        assertEquals(0, kept, "nothing of the person left in the outbound queue");
    }

    // --- helpers ---

    private static IntakeWalk toEvidence() {
        return IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:details", "violence_type:skip", "incident_when:skip", "victim_minor:no", "incident_place:online",
                "Cerita sintetis.", "chronology:done", "biodata_offer:no", "reported_offer:no", "evidence_consent:yes");
    }

    private long storyChat() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, TO_THE_STORY);
        return chat;
    }

    private String whatsAppStory() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo").then(TO_THE_STORY), WhatsAppFixtures::newWamid);
        return number;
    }

    private void say(String number, String text) {
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", text, null, null);
    }

    /** A Telegram photo with {@code fileId}; {@code caption} null: none. */
    private static String photo(long chat, String fileId, String caption) {
        String photo = TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(), null,
                null, fileId, 1000);
        return caption == null ? photo.replace(", \"caption\": \"tangkapan layar\"", "")
                : photo.replace("\"caption\": \"tangkapan layar\"", "\"caption\": \"" + caption + "\"");
    }

    private List<String> telegram(long chat, int before) {
        return telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
    }

    private List<String> whatsApp(String number, int before) {
        return graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
    }

    /** Whatever of the chat still waits is made due now, as the clock passing its time would. */
    private void release(long contactId) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update chat_message set next_attempt_at = now() where contact_id = ?1 and status = 'PENDING' "
                    + "and next_attempt_at > now()").setParameter(1, contactId).executeUpdate();
            em.createNativeQuery("update outbound_queue set due_at = now() where contact_id = ?1 and due_at > now() "
                    + "and (leased_until is null or leased_until < now())").setParameter(1, contactId).executeUpdate();
        });
    }

    /** The person pauses longer than the delay: the waiting acknowledgement is due now and is sent (see StoryAckDelayWebhookTest). */
    private void pause(Channel channel, String externalId) {
        long contactId = contactId(channel, externalId);
        Eventually.await("the waiting acknowledgement sent", Duration.ofSeconds(60), () -> {
            release(contactId);
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from chat_message "
                    + "where contact_id = ?1 and direction = 'OUT' and status in ('PENDING', 'SENDING')").setParameter(1, contactId)
                    .getSingleResult()).longValue() == 0);
        });
    }

    /** Acknowledgements waiting for the person to pause. */
    private long waiting(Channel channel, String externalId) {
        return waiting(contactId(channel, externalId));
    }

    private long waiting(long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from chat_message "
                + "where contact_id = ?1 and deferred and status = 'PENDING'").setParameter(1, contactId).getSingleResult()).longValue());
    }

    private long contactId(Channel channel, String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> contacts.findByExternalId(channel, externalId).orElseThrow().id);
    }

    private SessionState state(Channel channel, String externalId) {
        long contactId = contactId(channel, externalId);
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
    }
}
