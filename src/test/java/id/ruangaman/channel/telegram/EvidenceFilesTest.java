package id.ruangaman.channel.telegram;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.transcript.ProviderIds;
import id.ruangaman.channel.inbound.InboundHandler;
import id.ruangaman.channel.inbound.InboundProcessor;
import id.ruangaman.channel.inbound.InboundUpdate;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.MediaKind;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.SessionRepository;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Kind 8 and 2 of issue 19: a file is never acknowledged unless it is stored, and an album at the evidence question
 * keeps every file and gets one answer. Uses a fake Telegram that answers getFile slowly while the same person keeps
 * sending, and files the fake cannot serve.
 */
@QuarkusTest
class EvidenceFilesTest extends WebhookTest {

    @Inject
    MediaRepository media;
    @Inject
    SessionRepository sessions;
    @Inject
    ConversationService conversations;
    @Inject
    InboundProcessor processor;
    @Inject
    TelegramInboundHandler handler;
    @Inject
    ProviderIds providerIds;
    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void shouldKeepEveryFileOfAnAlbumWhileGetFileIsSlowAndAnswerOnce() throws Exception {
        long chat = TelegramFixtures.newChatId();
        walkToEvidence(chat);
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] content = ("synthetic-album-photo-" + i + "-" + chat).getBytes(StandardCharsets.UTF_8);
            contents.add(content);
            telegram.file("album-" + i + "-" + chat, content);
        }
        telegram.slowFile("album-0-" + chat, Duration.ofSeconds(2));
        telegram.slowFile("album-1-" + chat, Duration.ofSeconds(1));
        int before = telegram.sentTo(chat).size();

        List<Long> updates = new ArrayList<>();
        // An album: three updates at once, one media_group_id. Telegram posts them back to back; here the test's own
        // posts could be further apart than the album's settle time (1.5 s) on a loaded machine, and the first file was
        // then answered alone. Held until all are stored, they arrive as an album does.
        processor.pause();
        try {
            for (int i = 0; i < 3; i++) {
                long update = TelegramFixtures.newUpdateId();
                updates.add(update);
                TelegramChats.post(albumPhoto(update, chat, "album-" + i + "-" + chat, i == 0 ? "bukti" : null)).then().statusCode(200);
            }
            long note = TelegramFixtures.newUpdateId(); // and the person keeps writing while the files are fetched
            updates.add(note);
            TelegramChats.post(TelegramFixtures.render("text_message.json", note, chat, TelegramFixtures.nextMessageId(),
                    "itu tangkapan layar chatnya", null, null, 0)).then().statusCode(200);
        } finally {
            processor.resume();
        }
        for (long update : updates) {
            Eventually.await("update processed", Duration.ofSeconds(30), () -> "DONE".equals(chats.status(update)));
        }
        Eventually.await("replies sent", Duration.ofSeconds(30), () -> chats.outboxDrained(chat));

        for (int i = 0; i < 3; i++) {
            String fileId = "album-" + i + "-" + chat;
            assertTrue(telegram.calls("getFile").stream().anyMatch(call -> fileId.equals(call.body().get("file_id"))), "not fetched: " + i);
        }
        List<String> kept = draft(chat).draft().mediaIds();
        assertEquals(3, kept.size(), "every file of the album is kept: " + kept);
        List<byte[]> stored = QuarkusTransaction.requiringNew().call(() -> kept.stream()
                .map(id -> media.findById(Long.valueOf(id)).content.clone()).toList());
        for (byte[] content : contents) {
            assertTrue(stored.stream().anyMatch(s -> Arrays.equals(s, content)), "a file's content was not stored");
        }
        List<String> replies = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size()).stream()
                .map(FakeTelegram.Call::text).toList();
        // One answer for the album, counting every stored file; the note typed after it is "Tersimpan" (walkthrough 10,
        // F10: a note is not a file, and "Diterima (n file)" for it read as if nothing new had arrived).
        List<String> received = replies.stream().filter(text -> text.startsWith("Diterima")).toList();
        assertEquals(List.of("Diterima (3 file). Kirim lagi, atau ketuk Selesai."), received, "one answer for the album: " + replies);
        assertTrue(replies.get(replies.size() - 1).startsWith("Tersimpan"), "the note's answer: " + replies);
        assertTrue(replies.stream().noneMatch(text -> text.contains("(1 file)") || text.contains("(2 file)")),
                "an answer counted a file before the album was stored: " + replies);
    }

    /**
     * Danger written under the first photo of an album at the evidence question: that file is taken quietly (more of the
     * album is coming), yet the emergency numbers go at once and the report is flagged; the album still gets its one
     * answer. Before, the quiet step swallowed the numbers.
     */
    @Test
    void shouldSendTheEmergencyNumbersForADangerCaptionInsideAnAlbum() {
        long chat = TelegramFixtures.newChatId();
        walkToEvidence(chat);
        for (int i = 0; i < 3; i++) {
            telegram.file("danger-album-" + i + "-" + chat, ("synthetic-danger-album-" + i + "-" + chat).getBytes(StandardCharsets.UTF_8));
        }
        int before = telegram.sentTo(chat).size();
        postAlbumAtOnce(chat, "danger-album-", "dia bilang nanti malam dia datang ke kos");

        List<String> replies = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size()).stream()
                .map(FakeTelegram.Call::text).toList();
        assertEquals(1, replies.stream().filter(text -> text.startsWith("Keselamatan yang paling penting.")).count(),
                "the emergency numbers, once: " + replies);
        assertTrue(replies.get(0).startsWith("Keselamatan yang paling penting."), "the numbers first: " + replies);
        assertEquals(List.of("Diterima (3 file). Kirim lagi, atau ketuk Selesai."),
                replies.stream().filter(text -> text.startsWith("Diterima")).toList(), "one answer for the album: " + replies);
        assertTrue(draft(chat).dangerSaid(), "the report to come is flagged as in danger");
        assertEquals(3, draft(chat).draft().mediaIds().size(), "every file of the album is kept");
    }

    @Test
    void shouldSayTheFileDidNotArriveWhenItCannotBeFetched() {
        long chat = TelegramFixtures.newChatId();
        walkToEvidence(chat);
        int before = telegram.sentTo(chat).size();
        long update = TelegramFixtures.newUpdateId(); // the fake serves no such file: getFile works, the download fails
        TelegramChats.post(TelegramFixtures.render("photo.json", update, chat, TelegramFixtures.nextMessageId(), null, null,
                "missing-" + chat, 2000)).then().statusCode(200);
        Eventually.await("update processed", Duration.ofSeconds(40), () -> "DONE".equals(chats.status(update)));
        Eventually.await("replies sent", Duration.ofSeconds(30), () -> chats.outboxDrained(chat));

        List<String> replies = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size()).stream()
                .map(FakeTelegram.Call::text).toList();
        assertTrue(replies.stream().anyMatch(text -> text.contains("tidak bisa kami terima") && text.contains("kirim lagi")),
                "no 'file not received, send it again': " + replies);
        assertTrue(replies.stream().noneMatch(text -> text.startsWith("Diterima")), "told the file arrived: " + replies);
        assertEquals(List.of(), draft(chat).draft().mediaIds());
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("ruangaman_media_not_received_total{channel=\"telegram\""), "no metric for the lost file");
    }

    /**
     * A file whose fetch the service's stop cuts short (the processor interrupts a worker still busy after its stop
     * wait) is not lost: the stop is charged as no attempt, and even on the update's last attempt at the file the
     * person is not told it "could not be received". Before, the interrupt was taken for Telegram failing, and on the
     * last attempt the evidence was given up. The next start, here the workers resumed, fetches and keeps it.
     */
    @Test
    void shouldKeepAFileWhoseFetchTheServicesStopCutShort() throws Exception {
        long chat = TelegramFixtures.newChatId();
        walkToEvidence(chat);
        int before = telegram.sentTo(chat).size();
        String fileId = "stopped-" + chat;
        byte[] content = ("synthetic-stopped-" + chat).getBytes(StandardCharsets.UTF_8);
        telegram.file(fileId, content);
        telegram.slowFile(fileId, Duration.ofSeconds(2)); // inside the tests' 3 s request timeout
        long update = TelegramFixtures.newUpdateId();
        processor.pause();
        try {
            TelegramChats.post(TelegramFixtures.render("photo.json", update, chat, TelegramFixtures.nextMessageId(), null, null,
                    fileId, content.length)).then().statusCode(200);
            // its last attempt at the file: a failure now would give the file up
            String providerId = "123456:" + update;
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update inbound_update set attempts = 2 "
                    + "where channel = 'TELEGRAM' and provider_id = ?1").setParameter(1, providerIds.key(Channel.TELEGRAM, providerId))
                    .executeUpdate());
            int getFiles = telegram.calls("getFile").size();
            java.util.concurrent.atomic.AtomicBoolean stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
            Thread worker = new Thread(() -> {
                processor.drainOnce();
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            worker.start();
            Eventually.await("the file's fetch under way", Duration.ofSeconds(30),
                    () -> telegram.calls("getFile").stream().skip(getFiles).anyMatch(call -> fileId.equals(call.body().get("file_id"))));
            worker.interrupt(); // as the processor's stop does
            worker.join(Duration.ofSeconds(30).toMillis());
            assertFalse(worker.isAlive(), "the drain stops at the interrupt");
            assertTrue(stillInterrupted.get(), "the stop is still seen by the worker's loop");
            assertEquals("PENDING", chats.status(update));
            Object attempts = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select attempts from inbound_update "
                    + "where channel = 'TELEGRAM' and provider_id = ?1").setParameter(1, providerIds.key(Channel.TELEGRAM, providerId))
                    .getSingleResult());
            assertEquals(2, ((Number) attempts).intValue(), "the stop is charged as no attempt");
        } finally {
            processor.resume();
        }
        Eventually.await("update processed", Duration.ofSeconds(40), () -> "DONE".equals(chats.status(update)));
        Eventually.await("replies sent", Duration.ofSeconds(30), () -> chats.outboxDrained(chat));
        List<String> replies = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size()).stream()
                .map(FakeTelegram.Call::text).toList();
        assertTrue(replies.stream().noneMatch(text -> text.contains("tidak bisa kami terima")), "told the file was lost: " + replies);
        assertEquals(1, replies.stream().filter(text -> text.startsWith("Diterima (1 file)")).count(), String.valueOf(replies));
        byte[] kept = QuarkusTransaction.requiringNew().call(() -> media.findById(Long.valueOf(draft(chat).draft().mediaIds().get(0))).content.clone());
        assertArrayEquals(content, kept);
    }

    @Test
    void shouldTakeTheUploadDecisionUnderTheLockAndNeverCountAFileThatWasNotFetched() throws Exception {
        long chat = TelegramFixtures.newChatId();
        walkToEvidence(chat);
        long contactId = chats.contact(chat).id;
        int lines = chats.transcript(chat).size();
        int before = telegram.sentTo(chat).size();

        // The question wants files, but this upload arrives without a stored file: refused, nothing recorded or said.
        Optional<List<id.ruangaman.transcript.ChatMessage>> taken = conversations.receiveFromChannel(contactId, new Input.Media(null, MediaKind.PHOTO, null),
                "m-" + chat, false);
        assertTrue(taken.isEmpty(), "an upload without a stored file was taken at the evidence question");
        assertEquals(lines, chats.transcript(chat).size());

        // The same through the Telegram handler: a quick look that said "not wanted" (taken before the person's
        // previous step committed) is overruled where the state is locked: the update goes back to fetch its file.
        processor.pause();
        try {
            byte[] content = ("synthetic-late-" + chat).getBytes(StandardCharsets.UTF_8);
            telegram.file("late-" + chat, content);
            long update = TelegramFixtures.newUpdateId();
            TelegramChats.post(TelegramFixtures.render("photo.json", update, chat, TelegramFixtures.nextMessageId(), null, null,
                    "late-" + chat, content.length)).then().statusCode(200);
            InboundHandler.Prepared stale = new TelegramInboundHandler.Converse(chat, new Input.Media(null, MediaKind.PHOTO, null),
                    String.valueOf(update), false);
            InboundUpdate.Status outcome = QuarkusTransaction.requiringNew().call(() -> handler.apply(stale));
            assertEquals(InboundUpdate.Status.PENDING, outcome, "the locked decision must ask for the file");
            assertEquals(lines, chats.transcript(chat).size(), "nothing recorded for the refused attempt");
            assertEquals("PENDING", chats.status(update));
            assertEquals(before, telegram.sentTo(chat).size());
        } finally {
            processor.resume();
        }
        Eventually.await("file taken", Duration.ofSeconds(30), () -> draft(chat).draft().mediaIds().size() == 1);
        Eventually.await("replies sent", Duration.ofSeconds(30), () -> chats.outboxDrained(chat));
        List<String> replies = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size()).stream()
                .map(FakeTelegram.Call::text).toList();
        assertEquals(1, replies.stream().filter(text -> text.startsWith("Diterima (1 file)")).count(), String.valueOf(replies));
        byte[] kept = QuarkusTransaction.requiringNew().call(() -> media.findById(Long.valueOf(draft(chat).draft().mediaIds().get(0))).content.clone());
        assertArrayEquals(("synthetic-late-" + chat).getBytes(StandardCharsets.UTF_8), kept);
    }

    private SessionState draft(long chat) {
        long contactId = chats.contact(chat).id;
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
    }

    /**
     * Walkthrough (chat2, session 19): three photos of evidence sent at once to a question that asks for none. By design
     * (no flood) they get one reply, and it must speak of everything that was sent, not of "that file" as if the others
     * were ignored. Nothing is fetched or kept here (the reply says where evidence goes).
     */
    @Test
    void shouldAnswerAnAlbumAtAQuestionWithoutFilesOnceAndForEverythingSent() throws Exception {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, id.ruangaman.testing.IntakeWalk.of("language:en", "consent:yes", "in_danger:no",
                "safe_to_reply:yes", "reporter_role:victim", "send_now:details"));
        int before = telegram.sentTo(chat).size();

        postAlbumAtOnce(chat, "elsewhere-", null);

        List<String> replies = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size()).stream()
                .map(FakeTelegram.Call::text).toList();
        assertEquals(1, replies.size(), "one reply for the album, never three: " + replies);
        assertTrue(replies.get(0).startsWith("What you sent was not saved"), "speaks of everything sent: " + replies);
        assertTrue(replies.stream().noneMatch(text -> text.contains("that file")), replies.toString());
        assertTrue(telegram.calls("getFile").stream().noneMatch(call -> String.valueOf(call.body().get("file_id")).startsWith("elsewhere-")),
                "nothing fetched at a question that takes no files");
    }

    /**
     * Posts an album of three photos ({@code prefix} + index + chat as file ids, {@code firstCaption} on the first) that
     * wait together, as Telegram posts an album back to back, and waits until they are processed and answered.
     */
    private void postAlbumAtOnce(long chat, String prefix, String firstCaption) {
        List<Long> updates = new ArrayList<>();
        processor.pause();
        try {
            for (int i = 0; i < 3; i++) {
                long update = TelegramFixtures.newUpdateId();
                updates.add(update);
                TelegramChats.post(albumPhoto(update, chat, prefix + i + "-" + chat, i == 0 ? firstCaption : null)).then().statusCode(200);
            }
        } finally {
            processor.resume();
        }
        for (long update : updates) {
            Eventually.await("update processed", Duration.ofSeconds(30), () -> "DONE".equals(chats.status(update)));
        }
        Eventually.await("replies sent", Duration.ofSeconds(30), () -> chats.outboxDrained(chat));
    }

    private static String albumPhoto(long update, long chat, String fileId, String caption) {
        return "{\"update_id\":" + update + ",\"message\":{\"message_id\":" + TelegramFixtures.nextMessageId()
                + ",\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Mawar\"},\"chat\":{\"id\":" + chat
                + ",\"first_name\":\"Mawar\",\"type\":\"private\"},\"date\":1763800000,\"media_group_id\":\"1380" + chat + "\","
                + "\"photo\":[{\"file_id\":\"" + fileId + "-s\",\"file_unique_id\":\"s" + fileId + "\",\"file_size\":100,\"width\":90,\"height\":160},"
                + "{\"file_id\":\"" + fileId + "\",\"file_unique_id\":\"l" + fileId + "\",\"file_size\":900,\"width\":720,\"height\":1280}]"
                + (caption == null ? "" : ",\"caption\":\"" + caption + "\"") + "}}";
    }

    /**
     * Answers whatever the intake asks (the first language, yes to consent and evidence, no to danger, skip or done
     * where offered, a short text otherwise) until the evidence question, so the test does not depend on the wording
     * or order of the other questions.
     */
    private void walkToEvidence(long chat) {
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        for (int step = 0; step < 60; step++) {
            List<FakeTelegram.Call> sent = telegram.sentTo(chat);
            List<String> buttons = buttons(sent.get(sent.size() - 1));
            if (buttons.contains("evidence:done")) {
                return;
            }
            Optional<String> pick = buttons.stream().filter(List.of("language:id", "consent:yes", "evidence_consent:yes",
                    "in_danger:no", "safe_to_reply:yes", "send_now:details", "victim_minor:no", "reporter_role:victim")::contains).findFirst()
                    .or(() -> buttons.stream().filter(data -> data.endsWith(":done") || data.endsWith(":skip")).findFirst())
                    .or(() -> buttons.stream().filter(data -> data.endsWith(":no")).findFirst())
                    .or(() -> buttons.stream().findFirst());
            chats.send(pick.isPresent() ? TelegramFixtures.button(chat, pick.get()) : TelegramFixtures.text(chat, "tidak tahu"), chat);
        }
        fail("the evidence question was never reached");
    }

    @SuppressWarnings("unchecked")
    private static List<String> buttons(FakeTelegram.Call call) {
        Object markup = call.body().get("reply_markup");
        List<String> data = new ArrayList<>();
        if (markup instanceof Map<?, ?> map && map.get("inline_keyboard") instanceof List<?> rows) {
            for (Object row : rows) {
                for (Object button : (List<Object>) row) {
                    data.add(String.valueOf(((Map<String, Object>) button).get("callback_data")));
                }
            }
        }
        return data;
    }
}
