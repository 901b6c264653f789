package id.ruangaman.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import id.ruangaman.transcript.DeliveryFailure;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Media;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A witness's whole intake over WhatsApp, the 24-hour window, and the Cloud API's error answers. */
@QuarkusTest
class WhatsAppEndToEndTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    IntakeRepository intakes;
    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;

    private void say(String number, String fixture, String text, String data, String mediaId) {
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), fixture, text, data, mediaId);
    }

    private void tap(String number, String data) {
        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), data);
    }

    @Test
    void shouldTakeAWitnessIntakeFromGreetingToReferenceCode() throws Exception {
        String number = WhatsAppFixtures.newNumber();
        byte[] evidence = "synthetic-document-bytes".getBytes(StandardCharsets.UTF_8);
        graph.media("wa-media-" + number, evidence);

        // Ten kinds of violence are more than a WhatsApp list holds: they come as numbered text, answered by typing ("10").
        // Not safe to reply: no contact plan is asked.
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id", "consent:yes", "in_danger:no", "safe_to_reply:no",
                "reporter_role:witness", "victim_knows:yes", "send_now:details", "10", "selesai", "incident_when:longer", "victim_minor:no",
                "incident_place:online", "Saya melihat pesan-pesan yang tidak pantas (sintetis).")
                .then(IntakeWalk.lecturerWithOneFile("Fakultas Ekonomi", "wa-media-" + number, false)), WhatsAppFixtures::newWamid);

        Contact contact = chats.contact(Channel.WHATSAPP, number);
        Intake intake = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contact.id).singleResult());
        assertEquals(Channel.WHATSAPP, intake.channel);
        assertEquals("witness", intake.reporterRole);
        assertEquals("psychological", intake.services);
        assertEquals("unwanted_messages", intake.violenceTypes);
        assertFalse(intake.statsConsent, "a skipped statistics question is no consent");
        assertTrue(chats.contact(Channel.WHATSAPP, number).discreet, "not safe to reply turns discreet mode on");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from Media m where m.contactId = ?1 and m.claimed = true and m.sizeBytes = ?2 and m.intakeId = ?3",
                Long.class).setParameter(1, contact.id).setParameter(2, (long) evidence.length).setParameter(3, intake.id)
                .getSingleResult()), "the file kept in the intake is filed under its case when the report is submitted");

        List<FakeGraph.Sent> sent = graph.sentTo(number);
        assertTrue(sent.get(sent.size() - 1).text().contains(intake.referenceCode));
        for (FakeGraph.Sent message : sent) {
            JsonNode interactive = message.body().path("interactive");
            if ("button".equals(interactive.path("type").asText())) {
                assertTrue(interactive.path("action").path("buttons").size() <= 3);
                interactive.path("action").path("buttons").forEach(b -> assertTrue(b.path("reply").path("title").asText().length() <= 20));
            } else if ("list".equals(interactive.path("type").asText())) {
                JsonNode rows = interactive.path("action").path("sections").path(0).path("rows");
                assertTrue(rows.size() <= 10);
                rows.forEach(row -> assertTrue(row.path("title").asText().length() <= 24));
            }
            assertTrue(message.text().length() <= 4096);
        }
        assertTrue(sent.stream().anyMatch(m -> "list".equals(m.body().path("interactive").path("type").asText())), "no list was used");
        assertTrue(sent.stream().anyMatch(m -> "button".equals(m.body().path("interactive").path("type").asText())), "no buttons were used");
    }

    @Test
    void shouldExplainHowToClearTheChatOnQuickExitSinceWhatsAppCannotDelete() throws Exception {
        String number = WhatsAppFixtures.newNumber();
        say(number, "text.json", "halo", null, null);
        for (String data : List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:quiet")) {
            tap(number, data);
        }
        int before = graph.sentTo(number).size();
        say(number, "text.json", "/keluar", null, null);
        List<FakeGraph.Sent> sent = graph.awaitSent(number, before + 1, WAIT);
        // Quiet mode is on: every message starts with the neutral line (walkthrough 9, finding 13), this one too; the
        // how-to is part of the same message (one notification, walkthrough 9, #19).
        String goodbye = sent.get(before).text();
        assertTrue(goodbye.startsWith("Ruang Aman\n\nTerima kasih. Sampai jumpa.\n\n") && goodbye.contains("Bersihkan chat"), goodbye);
        Thread.sleep(1500);
        assertEquals(before + 1, graph.sentTo(number).size(), "a second message after the goodbye");
        assertTrue(chats.contact(Channel.WHATSAPP, number).discreet, "quiet mode chosen in the safety step");
    }

    @Test
    void shouldHoldAReplyOutsideTheWindowInviteWithTheTemplateAndReleaseItOnTheNextMessage() throws Exception {
        String number = WhatsAppFixtures.newNumber();
        long reply = QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findOrCreate(Channel.WHATSAPP, number);
            contact.lastInboundAt = Instant.now().minus(Duration.ofHours(25));
            return outbox.queueText(contact, "Halo, ini konselor Satgas (sintetis).").id;
        });
        Eventually.await("reply held", WAIT, () -> row(reply).status == ChatMessage.Status.HELD);
        assertTrue(row(reply).failureReason.contains("24-hour window"));
        assertEquals(DeliveryFailure.WINDOW, DeliveryFailure.of(row(reply).failureReason), "shown as its label in the inbox");
        List<FakeGraph.Sent> sent = graph.awaitSent(number, 1, WAIT);
        assertEquals("template", sent.get(0).type());
        assertEquals(FakePlatforms.WHATSAPP_TEMPLATE, sent.get(0).body().path("template").path("name").asText());
        assertFalse(sent.get(0).body().toString().contains("konselor"), "the template must carry no case content");

        say(number, "text.json", "halo lagi", null, null);
        Eventually.await("held reply sent", WAIT, () -> row(reply).status == ChatMessage.Status.SENT);
        assertTrue(graph.sentTo(number).stream().anyMatch(m -> m.text().contains("ini konselor Satgas")));
    }

    @Test
    void shouldGoTheTemplateWayWhenTheApiSaysTheWindowIsClosed() {
        String number = WhatsAppFixtures.newNumber();
        graph.failNext(number, 400, 131047);
        long reply = queueInsideWindow(number, "Balasan konselor (sintetis).");
        Eventually.await("reply held", WAIT, () -> row(reply).status == ChatMessage.Status.HELD);
        Eventually.await("template sent", WAIT, () -> graph.sentTo(number).stream().anyMatch(m -> "template".equals(m.type())));
    }

    @Test
    void shouldRetryRateLimitsAndServerErrorsUntilDelivered() {
        String number = WhatsAppFixtures.newNumber();
        graph.failNext(number, 429, 130429);
        graph.failNext(number, 400, 131056);
        graph.failNext(number, 500, 1);
        long reply = queueInsideWindow(number, "Balasan yang harus sampai (sintetis).");
        Eventually.await("delivered", WAIT, () -> row(reply).status == ChatMessage.Status.SENT);
        assertEquals(4, graph.sentTo(number).size());
        assertEquals(4, row(reply).attempts);
    }

    @Test
    void shouldFailAPermanentRefusalWithItsReason() {
        String number = WhatsAppFixtures.newNumber();
        graph.failNext(number, 400, 131026);
        long reply = queueInsideWindow(number, "Tidak akan sampai (sintetis).");
        Eventually.await("failed", WAIT, () -> row(reply).status == ChatMessage.Status.FAILED);
        assertTrue(row(reply).failureReason.contains("131026"), row(reply).failureReason);
        assertEquals(DeliveryFailure.REFUSED, DeliveryFailure.of(row(reply).failureReason));
    }

    private long queueInsideWindow(String number, String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findOrCreate(Channel.WHATSAPP, number);
            contact.lastInboundAt = Instant.now();
            return outbox.queueText(contact, text).id;
        });
    }

    private ChatMessage row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(ChatMessage.class, id));
    }
}
