package id.ruangaman.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A processing round is one transaction over several people: a known sender's line may be recorded before a new
 * sender's contact is created. Hibernate orders the round's inserts by entity (hibernate.order_inserts, for batching),
 * and {@code chat_message.contact_id} is a plain column it knows no dependency for, so all the round's lines were
 * inserted before the new contact and the whole round failed on {@code chat_message_contact_id_fkey} (then every step
 * ran again alone). A line's and a session's contact are checked at the commit (V142), so the order of the round's
 * inserts no longer matters and the round commits as one.
 */
@QuarkusTest
class NewContactInRoundTest {

    @Inject
    ContactRepository contacts;
    @Inject
    ChatMessageRepository messages;
    @Inject
    PreloadedContacts preloaded;

    @Test
    void aRoundWithAKnownSendersLineBeforeANewSenderCommitsAsOne() {
        String known = "-400" + System.nanoTime(); // synthetic chat ids
        String fresh = "-500" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> contacts.findOrCreate(Channel.TELEGRAM, known));
        long freshId = QuarkusTransaction.requiringNew().call(() -> {
            // as a round: both senders read, locked, up front
            preloaded.lockAll(Channel.TELEGRAM, List.of(contacts.hash(Channel.TELEGRAM, known), contacts.hash(Channel.TELEGRAM, fresh)));
            messages.persist(line(contacts.findOrCreateLocked(Channel.TELEGRAM, known)));
            Contact created = contacts.findOrCreateLocked(Channel.TELEGRAM, fresh);
            messages.persist(line(created));
            return created.id;
        });
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> messages.count("contactId", freshId)),
                "the new sender's line is stored with its contact");
    }

    private static ChatMessage line(Contact contact) {
        ChatMessage line = new ChatMessage();
        line.contactId = contact.id;
        line.conversation = contact.conversation;
        line.channel = contact.channel;
        line.direction = ChatMessage.Direction.IN;
        line.kind = "text";
        line.body = "halo";
        line.status = ChatMessage.Status.RECEIVED;
        line.createdAt = Instant.now();
        return line;
    }
}
