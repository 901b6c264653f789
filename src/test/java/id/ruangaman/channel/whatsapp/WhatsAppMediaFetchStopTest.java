package id.ruangaman.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.channel.inbound.InboundUpdate;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.texts.Notices;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A WhatsApp file whose fetch the service's stop cuts short is not given up, even on the update's last attempt at it
 * (the Quarkus REST client wraps the stop's {@code InterruptedException} and clears the thread's interrupt). A fetch
 * that fails for a real reason on the last attempt still tells the person, as before.
 */
@QuarkusTest
class WhatsAppMediaFetchStopTest extends WebhookTest {

    @Inject
    WhatsAppInboundHandler handler;

    /** A stored image message on its last attempt at the file (attempts 2 of 3), the file asked for by the conversation. */
    private static InboundUpdate lastAttempt() {
        InboundUpdate update = new InboundUpdate();
        update.channel = Channel.WHATSAPP;
        update.providerId = WhatsAppFixtures.newWamid();
        update.kind = "image";
        update.status = InboundUpdate.Status.PENDING;
        update.attempts = 2;
        update.fetchFile = true;
        update.receivedAt = Instant.now();
        return update;
    }

    private static byte[] imageMessage(String mediaId, String number) {
        return ("{\"message\":{\"from\":\"" + number + "\",\"id\":\"" + WhatsAppFixtures.newWamid() + "\",\"timestamp\":\"1767225600\","
                + "\"type\":\"image\",\"image\":{\"id\":\"" + mediaId + "\",\"mime_type\":\"image/jpeg\"}},\"profileName\":\"Uji\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldNotGiveUpAFileWhoseFetchTheServicesStopCutShort() {
        String number = WhatsAppFixtures.newNumber();
        // the control: a file WhatsApp no longer serves, on the last attempt, is given up with a note to the person
        WhatsAppInboundHandler.Notice lost = assertInstanceOf(WhatsAppInboundHandler.Notice.class,
                handler.prepare(lastAttempt(), imageMessage("gone-" + number, number)));
        assertEquals(Notices.Key.MEDIA_FAILED, lost.key());

        String mediaId = "stopped-" + number;
        graph.media(mediaId, ("synthetic-image-" + number).getBytes(StandardCharsets.UTF_8));
        boolean stillInterrupted;
        Thread.currentThread().interrupt(); // the stop's interrupt, as the processor's stop gives it to a busy worker
        try {
            RuntimeException stopped = assertThrows(RuntimeException.class,
                    () -> handler.prepare(lastAttempt(), imageMessage(mediaId, number)),
                    "a fetch cut short by the stop must not be answered with 'file not received'");
            assertTrue(stopped.getCause() != null, "the fetch's own failure is kept as the cause");
        } finally {
            stillInterrupted = Thread.interrupted();
        }
        assertTrue(stillInterrupted, "the stop is still seen by the worker's loop");
    }
}
