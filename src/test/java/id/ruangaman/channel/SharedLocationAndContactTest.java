package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 9, finding 3, through both webhooks with the platforms' payload shapes (fixtures in
 * src/test/resources/channel/{whatsapp,telegram}): at the evidence question a location and a contact card (a witness's
 * number) are kept with the evidence, each answered with one line; a sticker gets one short line, never "only text and
 * buttons" plus the whole question. The report carries them (encrypted answers), and /hapus empties them.
 */
@QuarkusTest
class SharedLocationAndContactTest extends WebhookTest {

    private static final String ONLY_TEXT = "hanya bisa membaca tulisan";

    @Inject
    IntakeRepository intakes;
    @Inject
    EntityManager em;

    @Test
    void shouldKeepALocationAndAContactCardAsEvidenceOnWhatsAppAndAnswerAStickerWithOneLine() {
        String number = WhatsAppFixtures.newNumber();
        graph.media("wa-photo-" + number, "synthetic-photo".getBytes(StandardCharsets.UTF_8));
        chats.walkWhatsApp(number, IntakeWalk.of("halo").then(toEvidence()).then("file:wa-photo-" + number), WhatsAppFixtures::newWamid);
        long contactId = chats.contact(Channel.WHATSAPP, number).id;

        for (String fixture : List.of("location.json", "contacts.json", "sticker.json")) {
            int before = graph.sentTo(number).size();
            chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), fixture, null, null, null);
            List<String> replies = graph.sentTo(number).subList(before, graph.sentTo(number).size()).stream().map(FakeGraph.Sent::text).toList();
            assertEquals(1, replies.size(), fixture + ": one message: " + replies);
            assertTrue(replies.stream().noneMatch(text -> text.contains(ONLY_TEXT)), fixture + ": " + replies);
            if (!fixture.equals("sticker.json")) {
                assertTrue(replies.get(0).startsWith("Tersimpan."), fixture + ": " + replies);
            }
        }
        chats.walkWhatsApp(number, afterEvidence(), WhatsAppFixtures::newWamid);

        String answers = answers(contactId);
        assertTrue(answers.contains("📍 -6.20000, 106.80000 · Synthetic place"), answers);
        assertTrue(answers.contains("👤 Synthetic Person · +62 000"), answers);
        assertTrue(inboundBodies(contactId).stream().anyMatch(body -> body.contains("Synthetic Person")),
                "the contact card's line keeps what was shared");

        chats.walkWhatsApp(number, IntakeWalk.of("/hapus", "ya"), WhatsAppFixtures::newWamid);
        assertNull(answers(contactId), "/hapus empties the report's answers");
        assertTrue(inboundBodies(contactId).stream().noneMatch(body -> body.contains("Synthetic")),
                "/hapus empties the location and the contact card");
    }

    @Test
    void shouldKeepALocationAndAContactCardAsEvidenceOnTelegramAndAnswerAStickerWithOneLine() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, toEvidence());

        for (String fixture : List.of("location.json", "contact.json", "sticker.json")) {
            int before = telegram.sentTo(chat).size();
            chats.send(TelegramFixtures.render(fixture, TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(), null, null,
                    null, 0), chat);
            List<String> replies = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size()).stream()
                    .map(FakeTelegram.Call::text).toList();
            assertEquals(1, replies.size(), fixture + ": one message: " + replies);
            assertTrue(replies.stream().noneMatch(text -> text.contains(ONLY_TEXT)), fixture + ": " + replies);
            if (!fixture.equals("sticker.json")) {
                assertTrue(replies.get(0).startsWith("Tersimpan.") && !replies.get(0).contains("0 file"),
                        fixture + ": kept, and never '0 file' (walkthrough 10, F10): " + replies);
            }
        }
        chats.walkTelegram(chat, afterEvidence());

        String answers = answers(chats.contact(chat).id);
        assertTrue(answers.contains("📍 -6.20000, 106.80000"), answers);
        assertTrue(answers.contains("👤 Synthetic · +620000000000"), answers);
    }

    private static IntakeWalk toEvidence() {
        return IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim", "send_now:details",
                "violence_type:skip", "incident_when:skip", "victim_minor:no", "incident_place:online", "Cerita sintetis.",
                "chronology:done", "biodata_offer:no", "reported_offer:no", "evidence_consent:yes");
    }

    private static IntakeWalk afterEvidence() {
        return IntakeWalk.of("evidence:done", "witnesses:skip", "services:not_sure", "services:done", "urgent_need:skip", "contact_offer:no",
                "stats_consent:skip", "summary:confirm");
    }

    private String answers(long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).<Intake>singleResult().answers);
    }

    /** The decrypted bodies of the person's lines, found by the contact's id (erasure replaces its lookup hashes). */
    private List<String> inboundBodies(long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("from ChatMessage where contactId = ?1 order by id", ChatMessage.class)
                .setParameter(1, contactId).getResultList().stream()
                .filter(line -> line.direction == ChatMessage.Direction.IN && line.body != null).map(line -> line.body).toList());
    }
}
