package id.ruangaman.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.ruangaman.channel.outbound.Outgoing;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import id.ruangaman.channel.outbound.PlatformCalls;
import id.ruangaman.channel.outbound.SendOutcome;
import id.ruangaman.conversation.Output;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Graph API call behind every WhatsApp send, against the fake Cloud API: the rate limit's slot is told the answer
 * is there before the send returns, whatever the answer, and the answers are still what the sender classifies.
 */
@QuarkusTest
class WhatsAppGraphTest extends WebhookTest {

    @Inject
    WhatsAppGraph api;
    @Inject
    WhatsAppSender sender;
    @Inject
    ContactRepository contacts;

    private static ObjectNode text(String to, String body) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("messaging_product", "whatsapp").put("to", to)
                .put("type", "text");
        message.putObject("text").put("body", body);
        return message;
    }

    /**
     * Stands in for the channel's rate limit: counts the permits taken and the calls of what each returned, and notes
     * whether one ran on a thread other than the sender's.
     */
    private static final class Answered implements PlatformCalls, Runnable {
        final Thread sender = Thread.currentThread();
        final AtomicInteger permits = new AtomicInteger();
        final AtomicInteger times = new AtomicInteger();
        volatile boolean elsewhere;

        @Override
        public Runnable permit() {
            permits.incrementAndGet();
            return this;
        }

        @Override
        public void run() {
            times.incrementAndGet();
            elsewhere |= Thread.currentThread() != sender;
        }
    }

    @Test
    void shouldTellTheAnswerArrivedWhereItArrivedBeforeTheSendReturnsTheMessageId() throws InterruptedException {
        String number = WhatsAppFixtures.newNumber();
        Answered answered = new Answered();
        JsonNode answer = api.send(text(number, "Pesan uji (sintetis)."), answered);
        assertEquals(1, answered.permits.get(), "one rate permit for the one request");
        assertEquals(1, answered.times.get(), "told once, before the send returned");
        assertTrue(answered.elsewhere, "told on the client's I/O thread, not after the hand-over back to the sender");
        assertTrue(answer.path("messages").path(0).path("id").asText().startsWith("wamid."), answer.toString());
        List<FakeGraph.Sent> sent = graph.sentTo(number);
        assertEquals(1, sent.size());
        assertEquals("Pesan uji (sintetis).", sent.get(0).text());
        assertTrue(sent.get(0).contentType().startsWith("application/json"), "the Cloud API is sent JSON: " + sent.get(0).contentType());
    }

    @Test
    void shouldReturnAnAcceptedAnswerThatIsNotJsonAsMissingInsteadOfThrowingItAsARefusal() throws InterruptedException {
        String number = WhatsAppFixtures.newNumber();
        graph.answerNext(number, 200, "<html>diterima</html>");
        Answered answered = new Answered();
        JsonNode answer = api.send(text(number, "Pesan uji (sintetis)."), answered);
        assertEquals(1, answered.times.get());
        assertTrue(answer.isMissingNode(), answer.toString());
        assertEquals(1, graph.sentTo(number).size());
    }

    @Test
    void shouldSendAgainFlaggedWhenAnAcceptedAnswerIsNotJson() throws InterruptedException {
        String number = WhatsAppFixtures.newNumber();
        graph.answerNext(number, 200, "<html>diterima</html>");
        SendOutcome outcome = sender.send(new Outgoing(1L, 1L, "reply", Instant.now(), number, "id", Instant.now(),
                Output.Message.plain("Pesan uji (sintetis).")), new Answered());
        SendOutcome.RetryLater retry = assertInstanceOf(SendOutcome.RetryLater.class, outcome,
                "not sent (the answer may come from a wrong address) and not refused: " + outcome);
        assertTrue(retry.outcomeUnknown(), "WhatsApp may have it: a second copy is flagged as a possible duplicate");
        assertEquals("unreadable WhatsApp answer", retry.reason());
    }

    /**
     * A reply outside WhatsApp's 24-hour window is held without a request, so it takes none of the channel's rate
     * permits: a backlog's held replies would otherwise spend seconds of the limit that the sendable ones then lack.
     */
    @Test
    void shouldHoldAReplyOutsideTheWindowWithoutTakingARatePermit() throws InterruptedException {
        String number = WhatsAppFixtures.newNumber();
        Instant lastWrote = Instant.now().minus(java.time.Duration.ofHours(30));
        long contactId = QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findOrCreate(Channel.WHATSAPP, number);
            contact.lastInboundAt = lastWrote;
            return contact.id;
        });
        Answered calls = new Answered();
        SendOutcome outcome = sender.send(new Outgoing(1L, contactId, "reply", Instant.now(), number, "id", lastWrote,
                Output.Message.plain("Pesan uji (sintetis).")), calls);
        assertInstanceOf(SendOutcome.Hold.class, outcome);
        assertEquals(0, calls.permits.get(), "no request, no permit");
        // the invitation template it queued goes out through the outbox, under a permit of its own
        assertTrue(graph.sentTo(number).stream().noneMatch(sent -> "Pesan uji (sintetis).".equals(sent.text())));
    }

    @Test
    void shouldTellARefusalArrivedAndThrowItWithItsCodeReadable() {
        String number = WhatsAppFixtures.newNumber();
        graph.failNext(number, 400, 131047);
        Answered answered = new Answered();
        WebApplicationException refused = assertThrows(WebApplicationException.class,
                () -> api.send(text(number, "Pesan uji (sintetis)."), answered));
        assertEquals(1, answered.times.get());
        assertTrue(answered.elsewhere, "told on the client's I/O thread");
        assertEquals(400, refused.getResponse().getStatus());
        assertEquals(131047, refused.getResponse().readEntity(JsonNode.class).path("error").path("code").asInt(),
                "the sender reads the Cloud API's error code from the refusal");
    }

    @Test
    void shouldTellADroppedConnectionEndedTheCallAndThrowItAsANetworkFailure() {
        String number = WhatsAppFixtures.newNumber();
        graph.dropNext(number);
        Answered answered = new Answered();
        assertThrows(ProcessingException.class, () -> api.send(text(number, "Pesan uji (sintetis)."), answered));
        assertEquals(1, answered.times.get(), "the call is over: its slot counts from now");
    }
}
