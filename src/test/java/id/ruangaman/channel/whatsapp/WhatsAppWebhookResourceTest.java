package id.ruangaman.channel.whatsapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.transcript.DeliveryFailure;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.LogLines;
import id.ruangaman.testing.OversizedPost;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WhatsAppWebhookResourceTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    id.ruangaman.transcript.ProviderIds providerIds;
    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;

    @Test
    void shouldEchoTheChallengeOnlyForTheRightVerifyToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", FakePlatforms.WHATSAPP_VERIFY_TOKEN)
                .queryParam("hub.challenge", "1158201444").when().get("/webhooks/whatsapp")
                .then().statusCode(200).contentType(containsString("text/plain")).header("X-Content-Type-Options", "nosniff")
                .body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "wrong").queryParam("hub.challenge", "1")
                .when().get("/webhooks/whatsapp").then().statusCode(403);
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", FakePlatforms.WHATSAPP_VERIFY_TOKEN)
                .queryParam("hub.challenge", "1").when().get("/webhooks/whatsapp").then().statusCode(403);
        given().when().get("/webhooks/whatsapp").then().statusCode(403);
    }

    @Test
    void shouldRejectABadOrMissingSignatureAndStoreNothing() {
        String wamid = WhatsAppFixtures.newWamid();
        String number = WhatsAppFixtures.newNumber();
        String body = WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("text.json", number, wamid, "halo", null, null)));
        WhatsAppFixtures.post(body, null).then().statusCode(401);
        WhatsAppFixtures.post(body, "sha256=" + "0".repeat(64)).then().statusCode(401).body("error", equalTo("bad or missing signature"));
        WhatsAppFixtures.post(body, "sha256=not-hex").then().statusCode(401);
        WhatsAppFixtures.post(body + " ", WhatsAppFixtures.signature(body)).then().statusCode(401);
        assertEquals(0, chats.storedCount(Channel.WHATSAPP, wamid));
    }

    @ParameterizedTest(name = "{0} is stored as {1} and handled")
    @CsvSource({ "text.json, text, DONE", "button_reply.json, interactive, DONE", "list_reply.json, interactive, DONE",
            "template_button.json, button, DONE", "image.json, image, DONE", "document.json, document, DONE",
            "audio.json, audio, DONE", "voice.json, audio, DONE", "video.json, video, DONE", "sticker.json, sticker, DONE",
            "location.json, location, DONE", "contacts.json, contacts, DONE", "reaction.json, reaction, IGNORED",
            "unsupported.json, unsupported, DONE", "unknown_type.json, poll_vote, DONE" })
    void shouldStoreEveryMessageKindThenHandleIt(String fixture, String kind, String outcome) throws Exception {
        String number = WhatsAppFixtures.newNumber();
        String wamid = WhatsAppFixtures.newWamid();
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message(fixture, number, wamid, "halo",
                "language:id", "m-" + wamid))), wamid, number);
        assertEquals(kind, chats.kind(Channel.WHATSAPP, wamid));
        assertEquals(outcome, chats.status(Channel.WHATSAPP, wamid));
        if ("reaction.json".equals(fixture)) {
            Thread.sleep(300);
            assertTrue(graph.sentTo(number).isEmpty(), "a reaction gets no answer");
        } else {
            assertTrue(!graph.awaitSent(number, 1, WAIT).isEmpty());
        }
    }

    @Test
    void shouldAnswerAnUnknownKindKindly() throws Exception {
        String number = WhatsAppFixtures.newNumber();
        String start = WhatsAppFixtures.newWamid();
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("text.json", number, start, "/start",
                null, null))), start, number);
        String wamid = WhatsAppFixtures.newWamid();
        int before = graph.sentTo(number).size();
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("unknown_type.json", number, wamid,
                null, null, null))), wamid, number);
        List<FakeGraph.Sent> sent = graph.sentTo(number);
        // one short line that keeps the question's buttons, not the question again (walkthrough 9, finding 3)
        assertEquals(before + 1, sent.size(), "one message");
        String line = sent.get(sent.size() - 1).text().toLowerCase();
        assertTrue(line.contains("belum bisa") || line.contains("maaf"), line);
    }

    @Test
    void shouldTreatADuplicateWamidAsANoOp() throws Exception {
        String number = WhatsAppFixtures.newNumber();
        String wamid = WhatsAppFixtures.newWamid();
        String body = WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("text.json", number, wamid, "/start", null, null)));
        WhatsAppFixtures.post(body).then().statusCode(200);
        chats.sendWhatsApp(body, wamid, number);
        assertEquals(1, chats.storedCount(Channel.WHATSAPP, wamid));
        int replies = graph.awaitSent(number, 2, WAIT).size();
        Thread.sleep(500);
        assertEquals(replies, graph.sentTo(number).size());
    }

    @Test
    void shouldKeepEveryValidMessageOfAMultiEntryPayload() {
        String a = WhatsAppFixtures.newNumber();
        String b = WhatsAppFixtures.newNumber();
        String a1 = WhatsAppFixtures.newWamid();
        String a2 = WhatsAppFixtures.newWamid();
        String b1 = WhatsAppFixtures.newWamid();
        String body = WhatsAppFixtures.raw("multi_entry.json").replace("__FROM_A__", a).replace("__FROM_B__", b)
                .replace("__WAMID_A1__", a1).replace("__WAMID_A2__", a2).replace("__WAMID_B1__", b1);
        WhatsAppFixtures.post(body).then().statusCode(200);
        for (String wamid : List.of(a1, a2, b1)) {
            assertEquals(1, chats.storedCount(Channel.WHATSAPP, wamid), wamid);
        }
        // Neither a number nor a user id: kept and counted, never answered (issue 19, kind 4).
        assertEquals(1, chats.storedCount(Channel.WHATSAPP, "no-sender"));
        Eventually.await("no-sender ignored", WAIT, () -> "IGNORED".equals(chats.status(Channel.WHATSAPP, "no-sender")));
        Eventually.await("both people answered", WAIT, () -> !graph.sentTo(a).isEmpty() && !graph.sentTo(b).isEmpty());
        Contact contact = chats.contact(Channel.WHATSAPP, a);
        assertEquals("Synthetic A", contact.displayName);
    }

    @Test
    void aNewProfileNameRenamesTheContact() {
        String number = WhatsAppFixtures.newNumber();
        WhatsAppFixtures.post(WhatsAppFixtures.text(number, "halo")).then().statusCode(200);
        Eventually.await("first message answered", WAIT, () -> !graph.sentTo(number).isEmpty());
        assertEquals("Synthetic Name", chats.contact(Channel.WHATSAPP, number).displayName, "named by its first message");
        WhatsAppFixtures.post(WhatsAppFixtures.text(number, "halo lagi").replace("Synthetic Name", "Synthetic Renamed"))
                .then().statusCode(200);
        Eventually.await("the new profile name kept", WAIT,
                () -> "Synthetic Renamed".equals(chats.contact(Channel.WHATSAPP, number).displayName));
    }

    @Test
    void shouldAnswerMalformedJsonWith400() {
        String body = WhatsAppFixtures.raw("malformed.json");
        WhatsAppFixtures.post(body).then().statusCode(400).body("error", equalTo("malformed JSON"))
                .body(not(containsString("Exception")));
        WhatsAppFixtures.post("[1,2,3]").then().statusCode(400);
    }

    @Test
    void shouldRefuseAnOversizedBodyWith413() throws Exception {
        String number = WhatsAppFixtures.newNumber();
        String body = WhatsAppFixtures.text(number, "y".repeat(1_100_000));
        for (boolean chunked : List.of(false, true)) {
            assertEquals(413, OversizedPost.post("/webhooks/whatsapp", Map.of("Content-Type", "application/json",
                    "X-Hub-Signature-256", WhatsAppFixtures.signature(body)), body.getBytes(StandardCharsets.UTF_8), chunked));
        }
    }

    @Test
    void shouldNeverMoveADeliveryStatusBackwards() throws Exception {
        String number = WhatsAppFixtures.newNumber();
        long first = queueInsideWindow(number, "balasan satu");
        long second = queueInsideWindow(number, "balasan dua");
        Eventually.await("both sent", WAIT, () -> row(first).providerMessage != null && row(second).providerMessage != null);
        String w1 = row(first).providerMessage;
        String w2 = row(second).providerMessage;

        postStatuses(List.of(WhatsAppFixtures.status(w1, number, "read"), WhatsAppFixtures.status(w1, number, "delivered"),
                WhatsAppFixtures.status(w1, number, "sent"), WhatsAppFixtures.failedStatus(w1, number, 131026)), w1);
        assertEquals("read", row(first).deliveryStatus);
        assertEquals(ChatMessage.Status.SENT, row(first).status);

        postStatuses(List.of(WhatsAppFixtures.status(w2, number, "delivered"), WhatsAppFixtures.failedStatus(w2, number, 131026),
                WhatsAppFixtures.status(w2, number, "sent")), w2);
        assertEquals("failed", row(second).deliveryStatus);
        assertEquals(ChatMessage.Status.FAILED, row(second).status);
        assertTrue(row(second).deliveryError.startsWith("131026"), row(second).deliveryError);
        assertEquals(DeliveryFailure.UNDELIVERABLE, DeliveryFailure.of(row(second).failureReason), "shown as its label in the inbox");
    }

    /**
     * A delivery status for a message this service never sent (another tool on the same number, a send from before a
     * restore) is looked at again twice, in case it overtook the record of its send, and then set aside: IGNORED, with
     * no warning in the log for the wait, which is expected (an operator reads a WARN as something to act on).
     */
    @Test
    void shouldSetAsideAStatusForAMessageNeverSentWithoutAWarning() {
        String number = WhatsAppFixtures.newNumber();
        String wamid = "wamid.HBgN" + java.util.UUID.randomUUID().toString().replace("-", "").toUpperCase();
        String key = providerIds.key(Channel.WHATSAPP, "status:" + wamid + ":delivered");
        LogLines warnings = LogLines.warnings();
        warnings.start();
        try {
            WhatsAppFixtures.post(WhatsAppFixtures.statuses(List.of(WhatsAppFixtures.status(wamid, number, "delivered"))))
                    .then().statusCode(200);
            Eventually.await("the status set aside", WAIT, () -> "IGNORED".equals(QuarkusTransaction.requiringNew().call(() ->
                    em.createNativeQuery("select status from inbound_update where channel = 'WHATSAPP' and provider_id = ?1")
                            .setParameter(1, key).getResultStream().findFirst().map(String::valueOf).orElse(null))));
        } finally {
            warnings.stop();
        }
        int attempts = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select attempts from inbound_update where channel = 'WHATSAPP' and provider_id = ?1").setParameter(1, key)
                .getSingleResult()).intValue());
        assertEquals(2, attempts, "looked at again twice before it was set aside");
        assertEquals(List.of(), warnings.lines().stream().filter(line -> line.startsWith("id.ruangaman")).toList());
    }

    private void postStatuses(List<String> statuses, String wamid) {
        for (String status : statuses) {
            WhatsAppFixtures.post(WhatsAppFixtures.statuses(List.of(status))).then().statusCode(200);
        }
        Eventually.await("statuses of " + wamid + " applied", WAIT, () -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from inbound_update where channel = 'WHATSAPP' and kind = 'status' "
                        + "and provider_id in (?1) and status = 'PENDING'").setParameter(1, java.util.stream.Stream.of("sent", "delivered",
                                "read", "failed").map(state -> providerIds.key(Channel.WHATSAPP, "status:" + wamid + ":" + state)).toList())
                        .getSingleResult()).longValue() == 0));
    }

    private long queueInsideWindow(String number, String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findOrCreate(Channel.WHATSAPP, number);
            contact.lastInboundAt = java.time.Instant.now();
            return outbox.queueText(contact, text).id;
        });
    }

    private ChatMessage row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(ChatMessage.class, id));
    }

    @Test
    void shouldStoreTheNumberOnlyEncryptedWithABlindIndex() {
        String number = WhatsAppFixtures.newNumber();
        String wamid = WhatsAppFixtures.newWamid();
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("text.json", number, wamid, "halo",
                null, null))), wamid, number);
        Contact contact = chats.contact(Channel.WHATSAPP, number);
        assertNotNull(contact);
        byte[] raw = QuarkusTransaction.requiringNew().call(() -> (byte[]) em.createNativeQuery(
                "select external_id from contact where id = ?1").setParameter(1, contact.id).getSingleResult());
        assertTrue(!new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).contains(number));
    }
}
