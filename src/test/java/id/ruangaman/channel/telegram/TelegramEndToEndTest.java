package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.Media;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A survivor's whole intake over Telegram, from /start to the reference code, through the fake Bot API. */
@QuarkusTest
class TelegramEndToEndTest extends WebhookTest {

    @Inject
    IntakeRepository intakes;
    @Inject
    MediaRepository media;

    private final List<String> callbackQueryIds = new java.util.ArrayList<>();

    private void press(long chat, String data) {
        String update = TelegramFixtures.button(chat, data);
        callbackQueryIds.add("cbq-" + TelegramChats.updateIdOf(update));
        chats.send(update, chat);
    }

    @Test
    void shouldTakeAFullIntakeFromStartToReferenceCode() throws Exception {
        long chat = TelegramFixtures.newChatId();
        byte[] photo = "synthetic-jpeg-bytes".getBytes(StandardCharsets.UTF_8);
        telegram.file("photo-" + chat, photo);

        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        for (String data : List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:details", "violence_type:unwanted_messages", "violence_type:done", "incident_when:within_month",
                "victim_minor:no", "incident_place:campus")) {
            press(chat, data);
        }
        chats.send(TelegramFixtures.text(chat, "Cerita sintetis bagian satu."), chat);
        chats.send(TelegramFixtures.text(chat, "Bagian dua."), chat);
        for (String data : List.of("chronology:done", "biodata_offer:yes")) {
            press(chat, data);
        }
        chats.send(TelegramFixtures.text(chat, "Sari"), chat);
        chats.send(TelegramFixtures.text(chat, "18-24"), chat);
        for (String data : List.of("gender:skip", "campus_status:student")) {
            press(chat, data);
        }
        chats.send(TelegramFixtures.text(chat, "Fakultas Hukum"), chat);
        for (String data : List.of("disability:skip", "reported_offer:yes", "relation:stranger", "reported_person:skip",
                "evidence_consent:yes")) {
            press(chat, data);
        }
        chats.send(TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                null, null, "photo-" + chat, photo.length), chat);
        chats.send(TelegramFixtures.render("document.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                null, null, "too-big-" + chat, 25L * 1024 * 1024), chat);
        for (String data : List.of("evidence:done", "witnesses:skip", "services:legal", "services:medical", "services:done",
                "urgent_need:skip", "contact_offer:no", "stats_consent:yes", "summary:confirm")) {
            press(chat, data);
        }

        long contactId = chats.contact(chat).id;
        Intake intake = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult());
        assertEquals(Channel.TELEGRAM, intake.channel);
        assertEquals("new", intake.status);
        assertEquals("victim", intake.reporterRole);
        assertEquals("legal,medical", intake.services);
        assertEquals("unwanted_messages", intake.violenceTypes);
        assertTrue(intake.statsConsent);
        Map<String, Map<String, Answer>> record = SessionStateJson.mapper().readValue(intake.answers,
                new TypeReference<Map<String, Map<String, Answer>>>() {
                });
        assertEquals("Sari", record.get("identification").get("name").value());
        assertEquals(List.of("Cerita sintetis bagian satu.", "Bagian dua."), record.get("chronology").get("chronology").parts());

        List<String> evidence = record.get("evidence").get("evidence").mediaIds();
        assertEquals(1, evidence.size(), "exactly the photo is evidence; the oversized file was refused");
        Media stored = QuarkusTransaction.requiringNew().call(() -> {
            Media m = media.findById(Long.valueOf(evidence.get(0)));
            m.content.clone(); // load the lazy content inside the transaction
            return m;
        });
        assertArrayEquals(photo, stored.content);
        assertEquals(photo.length, stored.sizeBytes);
        assertEquals("image/jpeg", stored.mimeType);
        assertTrue(stored.claimed);
        assertTrue(telegram.calls("getFile").stream().noneMatch(call -> ("too-big-" + chat).equals(call.body().get("file_id"))),
                "an oversized file must not be fetched");

        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        assertTrue(sent.get(0).text().startsWith("Halo, ini Ruang Aman"));
        assertTrue(sent.stream().anyMatch(call -> call.text().contains("terlalu besar")), "no kind message about the big file");
        assertTrue(sent.get(sent.size() - 1).text().contains(intake.referenceCode), "the last message must give the reference code");
        @SuppressWarnings("unchecked")
        Map<String, Object> keyboard = (Map<String, Object>) sent.get(1).body().get("reply_markup");
        assertTrue(String.valueOf(keyboard.get("inline_keyboard")).contains("callback_data=language:id"), String.valueOf(keyboard));
        for (String queryId : callbackQueryIds) {
            Eventually.await("answerCallbackQuery " + queryId, Duration.ofSeconds(60), () -> telegram.calls("answerCallbackQuery")
                    .stream().anyMatch(call -> queryId.equals(call.body().get("callback_query_id"))));
        }
        assertEquals(29, callbackQueryIds.size());
        assertTrue(sent.stream().allMatch(call -> call.text().length() <= 4096));
    }
}
