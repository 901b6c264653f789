package id.ruangaman.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A WhatsApp contact read with its lock says whether replies to it are held outside the 24-hour window
 * ({@link Contact#heldReplies}), so a step releases them when there are some and sends no update when there are none.
 */
@QuarkusTest
class HeldRepliesTest {

    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    ChatMessageRepository messages;

    @Test
    void heldRepliesAreSeenWithTheContactAndReleasedOnlyWhenThereAreSome() {
        String number = "62811" + (System.nanoTime() % 1_000_000_000L); // synthetic
        long reply = QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findOrCreateWhatsAppLocked(number, null);
            contact.unreachableAt = java.time.Instant.now(); // queued FAILED, so the sender leaves it alone until it is held
            long id = outbox.queueText(contact, "Balasan konselor (sintetis).").id;
            contact.unreachableAt = null;
            return id;
        });
        QuarkusTransaction.requiringNew().run(() -> {
            Contact contact = contacts.findOrCreateWhatsAppLocked(number, null);
            assertFalse(contact.heldReplies, "nothing is held yet");
            assertEquals(0, outbox.releaseHeld(contact));
        });
        QuarkusTransaction.requiringNew().run(() -> messages.update("status = ?1 where id = ?2", ChatMessage.Status.HELD, reply));
        QuarkusTransaction.requiringNew().run(() -> {
            Contact contact = contacts.findOrCreateWhatsAppLocked(number, null);
            assertTrue(contact.heldReplies, "a held reply must be seen with the contact");
            contact.lastInboundAt = java.time.Instant.now(); // the person wrote again, as when WhatsApp's handler releases
            assertEquals(1, outbox.releaseHeld(contact));
        });
        QuarkusTransaction.requiringNew().run(() -> {
            assertNotEquals(ChatMessage.Status.HELD, messages.findById(reply).status, "released: back in line to be sent (and sent: the window is open again), not held");
            assertFalse(contacts.findOrCreateWhatsAppLocked(number, null).heldReplies, "released: nothing held any more");
        });
    }
}
