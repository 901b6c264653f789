package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 17 on Telegram, through the fake Bot API: discreet mode sends without a sound (disable_notification), /keluar
 * deletes the chat's recent messages (deleteMessages) before one neutral line, and in the evidence step for a child
 * harmed online a photo is refused kindly and never fetched or stored.
 */
@QuarkusTest
class TelegramDiscretionTest extends WebhookTest {

    @Inject
    IntakeRepository intakes;
    @Inject
    MediaRepository media;

    private void press(long chat, String... data) {
        for (String d : data) {
            chats.send(TelegramFixtures.button(chat, d), chat);
        }
    }

    private static boolean silent(FakeTelegram.Call call) {
        return Boolean.TRUE.equals(call.body().get("disable_notification"));
    }

    @Test
    void shouldSendSilentlyOnceTheChatIsNotSafe() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        press(chat, "language:id", "consent:yes", "in_danger:no");
        int beforeSafety = telegram.sentTo(chat).size();
        assertTrue(telegram.sentTo(chat).stream().noneMatch(TelegramDiscretionTest::silent), "a safe chat is not silenced");

        press(chat, "safe_to_reply:no", "reporter_role:victim", "send_now:now", "stats_consent:skip", "summary:confirm");
        List<FakeTelegram.Call> after = telegram.sentTo(chat).subList(beforeSafety, telegram.sentTo(chat).size());
        assertTrue(after.size() >= 5, "messages after the safety answer: " + after.size());
        assertTrue(after.stream().allMatch(TelegramDiscretionTest::silent), "every message after 'not safe' goes out without a sound");
        Intake intake = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", chats.contact(chat).id).singleResult());
        assertTrue(after.get(after.size() - 1).text().contains(intake.referenceCode));
        assertTrue(chats.contact(chat).discreet);
    }

    @Test
    void shouldDeleteRecentMessagesOnQuickExitThenSendOneNeutralLine() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        press(chat, "language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim");
        Set<Integer> botMessages = QuarkusTransaction.requiringNew().call(() -> chats.transcript(chat).stream()
                .filter(m -> m.direction == ChatMessage.Direction.OUT && m.providerMessage != null)
                .map(m -> Integer.valueOf(m.providerMessage)).collect(Collectors.toSet()));
        assertFalse(botMessages.isEmpty());
        int sentBefore = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "/keluar"), chat);

        List<FakeTelegram.Call> deletions = telegram.calls(call -> call.method().equals("deleteMessages")
                && String.valueOf(chat).equals(call.chatId()));
        assertEquals(1, deletions.size());
        @SuppressWarnings("unchecked")
        Set<Integer> deleted = ((List<Object>) deletions.get(0).body().get("message_ids")).stream()
                .map(id -> Integer.valueOf(String.valueOf(id))).collect(Collectors.toSet());
        assertTrue(deleted.containsAll(botMessages), "every bot message of the last 48 hours is deleted: " + deleted);
        assertTrue(deleted.size() > botMessages.size(), "the person's own messages (the /start and /keluar texts) go too");
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        assertEquals(sentBefore + 1, sent.size(), "one neutral line, nothing else");
        assertEquals("Terima kasih. Sampai jumpa.", sent.get(sent.size() - 1).text());
        List<FakeTelegram.Call> order = telegram.calls(call -> String.valueOf(chat).equals(call.chatId())
                && (call.method().equals("deleteMessages") || call.method().equals("sendMessage")));
        assertEquals("deleteMessages", order.get(order.size() - 2).method(), "the neutral line comes after the deletion, so it stays");
    }

    @Test
    void shouldSendTheNeutralLineWhenTelegramCanDeleteNothingAnyMore() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        press(chat, "language:id", "consent:yes");
        telegram.script("deleteMessages", chat, new FakeTelegram.Scripted(400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message can't be deleted\"}", java.time.Duration.ZERO));
        int sentBefore = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "/keluar"), chat);

        assertEquals(1, telegram.calls(call -> call.method().equals("deleteMessages") && String.valueOf(chat).equals(call.chatId())).size(),
                "tried once: a 400 means nothing is left that Telegram can delete");
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        assertEquals(sentBefore + 1, sent.size(), "the neutral line still goes out");
        assertEquals("Terima kasih. Sampai jumpa.", sent.get(sent.size() - 1).text());
        ChatMessage deletion = QuarkusTransaction.requiringNew().call(() -> chats.transcript(chat).stream()
                .filter(m -> Outbox.KIND_DELETE.equals(m.kind)).findFirst().orElseThrow());
        assertEquals(ChatMessage.Status.SENT, deletion.status, "nothing left to delete is done, not a failed delivery: " + deletion.failureReason);
        assertNull(deletion.failureReason);
    }

    @Test
    void shouldRefuseAndNeverFetchAnImageInTheChildOnlineEvidenceStep() {
        long chat = TelegramFixtures.newChatId();
        byte[] image = "synthetic-never-fetch".getBytes(StandardCharsets.UTF_8);
        telegram.file("child-" + chat, image);
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        press(chat, "language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:proxy", "victim_knows:skip",
                "send_now:details", "violence_type:grooming", "violence_type:done", "incident_when:within_month", "victim_minor:yes",
                "incident_place:online", "chronology:skip", "biodata_offer:no", "reported_offer:no", "evidence_consent:yes");
        String question = telegram.sentTo(chat).get(telegram.sentTo(chat).size() - 1).text();
        assertTrue(question.contains("jangan kirim foto atau video intim anak") && question.contains("aduankonten.id"), question);

        // a photo without a caption (a caption is the person's words and is kept as a line: CaptionIsThePersonsWordsTest)
        chats.send(TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                null, null, "child-" + chat, image.length).replace(", \"caption\": \"tangkapan layar\"", ""), chat);

        assertTrue(telegram.calls("getFile").stream().noneMatch(call -> ("child-" + chat).equals(call.body().get("file_id"))),
                "the image must never be fetched");
        long contactId = chats.contact(chat).id;
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> media.count("contactId", contactId)), "nothing stored");
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        // one message, with the question's buttons; the question (with its warning) was just shown and is not repeated
        assertTrue(sent.get(sent.size() - 1).text().startsWith("File itu tidak kami simpan."), sent.get(sent.size() - 1).text());
        assertEquals(question, sent.get(sent.size() - 2).text());

        chats.send(TelegramFixtures.text(chat, "Akun @contoh_sintetis, link https://example.invalid/x"), chat);
        press(chat, "evidence_links:done", "witnesses:skip", "services:skip", "urgent_need:skip", "contact_offer:no", "stats_consent:no",
                "summary:confirm");
        Intake intake = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult());
        assertTrue(intake.childOnline);
        assertFalse(intake.statsConsent);
        assertEquals("grooming", intake.violenceTypes);
        assertNull(QuarkusTransaction.requiringNew().call(() -> media.find("contactId", contactId).firstResult()));
    }

    @Test
    void shouldSayWhatWasErasedAndHowToClearTheChatAfterDelete() throws InterruptedException {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        press(chat, "language:id", "consent:yes");
        chats.send(TelegramFixtures.text(chat, "/hapus"), chat);
        int before = telegram.sentTo(chat).size();
        chats.send(TelegramFixtures.text(chat, "ya"), chat);
        // After erasure the chat id is gone from the contact; the reply travels on its own row. One message says what
        // was erased and how to clear the chat (walkthrough 9, #19: two messages both said the phone keeps its copy).
        List<FakeTelegram.Call> sent = telegram.awaitSent(chat, before + 1, java.time.Duration.ofSeconds(60));
        String farewell = sent.get(before).text();
        assertTrue(farewell.startsWith("Sudah dihapus dari server kami") && farewell.contains("tekan lama chat ini"), farewell);
        Thread.sleep(1500);
        assertEquals(before + 1, telegram.sentTo(chat).size(), "a second message after the erasure's answer");
    }
}
