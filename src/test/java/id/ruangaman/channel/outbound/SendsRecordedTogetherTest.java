package id.ruangaman.channel.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Output;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Several sends' outcomes recorded in one transaction, as a lane records the sends that finish together (issue 16,
 * fourteenth round): each row is recorded as its own (its platform id, its case's inbox event, its contact released),
 * and a row erased while it was being sent is left to the entity's path, without failing the others. Synthetic chats
 * and cases; delivery is stopped meanwhile, so no sender touches these rows.
 */
@QuarkusTest
class SendsRecordedTogetherTest {

    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldRecordEachSendOfABatchAsItsOwnAndLeaveAnErasedOneAlone() throws Exception {
        String caseA = fixtures.submittedTelegramCase(TelegramFixtures.newChatId());
        String caseB = fixtures.submittedTelegramCase(TelegramFixtures.newChatId());
        long intakeA = intakeOf(caseA);
        long intakeB = intakeOf(caseB);
        // the intakes' own replies delivered first, so the replies below are all their contacts have unsent
        Eventually.await("the intakes' replies delivered", Duration.ofSeconds(60), () -> unsent(fixtures.contactOf(caseA)) == 0
                && unsent(fixtures.contactOf(caseB)) == 0);
        dispatcher.onStop(null);
        try {
            long replyA = queue(fixtures.contactOf(caseA), intakeA, "Balasan sintetis untuk kasus A");
            long replyB = queue(fixtures.contactOf(caseB), intakeB, "Balasan sintetis untuk kasus B");
            long plain = QuarkusTransaction.requiringNew().call(() -> outbox.queueText(
                    contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(TelegramFixtures.newChatId())), "pesan sintetis").id);
            long erased = QuarkusTransaction.requiringNew().call(() -> outbox.queueText(
                    contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(TelegramFixtures.newChatId())), "pesan sintetis lain").id);
            List<Long> ids = List.of(replyA, replyB, plain, erased);
            QuarkusTransaction.requiringNew().run(() -> {
                // as a claim leaves them: on their way; the last one's person erased meanwhile
                em.createNativeQuery("update chat_message set status = 'SENDING', lease_until = now() + interval '1 minute' "
                        + "where id in (?1, ?2, ?3)").setParameter(1, replyA).setParameter(2, replyB).setParameter(3, plain).executeUpdate();
                em.createNativeQuery("update chat_message set status = 'ERASED', body = null where id = ?1")
                        .setParameter(1, erased).executeUpdate();
            });
            long eventsA = messageEvents(intakeA);
            long eventsB = messageEvents(intakeB);

            List<Boolean> released = dispatcher.recordSentTogether(Channel.TELEGRAM, List.of(
                    dispatcher.delivered(Channel.TELEGRAM, replyA, contactOf(replyA), "7001"),
                    dispatcher.delivered(Channel.TELEGRAM, replyB, contactOf(replyB), "7002"),
                    dispatcher.delivered(Channel.TELEGRAM, plain, contactOf(plain), "7003"),
                    dispatcher.delivered(Channel.TELEGRAM, erased, contactOf(erased), "7004")));

            assertEquals(Arrays.asList(true, true, true, null), released,
                    "the three delivered rows released their contacts; the erased one is left to the entity's path");
            QuarkusTransaction.requiringNew().run(() -> {
                for (long id : List.of(replyA, replyB, plain)) {
                    ChatMessage message = em.find(ChatMessage.class, id);
                    assertEquals(ChatMessage.Status.SENT, message.status, "message " + ids.indexOf(id));
                    assertNotNull(message.sentAt);
                    assertNull(message.leaseUntil, "the lease is over");
                    assertNotNull(message.providerMessageKey, "its platform id's lookup key, to match its delivery statuses");
                }
                assertEquals("7001", em.find(ChatMessage.class, replyA).providerMessage, "each row has its own platform id");
                assertEquals("7003", em.find(ChatMessage.class, plain).providerMessage);
                ChatMessage gone = em.find(ChatMessage.class, erased);
                assertEquals(ChatMessage.Status.ERASED, gone.status, "an erased row is not brought back by a batch");
                assertNull(gone.providerMessage);
                assertNull(gone.providerMessageKey);
            });
            assertEquals(eventsA + 1, messageEvents(intakeA), "case A's open pages are told once");
            assertEquals(eventsB + 1, messageEvents(intakeB), "case B's open pages are told once");
            assertEquals(0, queued(List.of(contactOf(replyA), contactOf(replyB), contactOf(plain))),
                    "nothing else unsent: the three contacts left the outbound queue");
        } finally {
            dispatcher.onStart(null);
        }
    }

    private long unsent(long contact) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from chat_message "
                + "where contact_id = ?1 and direction = 'OUT' and status in ('PENDING', 'SENDING')").setParameter(1, contact)
                .getSingleResult()).longValue());
    }

    private long queue(long contact, long intake, String text) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.queue(em.find(Contact.class, contact), intake, null,
                new Output.Message(text, null, List.of(), false)).id);
    }

    private long intakeOf(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from intake where reference_code = ?1").setParameter(1, ref).getSingleResult()).longValue());
    }

    private long contactOf(long message) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(ChatMessage.class, message).contactId);
    }

    private long messageEvents(long intake) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_event where intake_id = ?1 and type = 'message'").setParameter(1, intake)
                .getSingleResult()).longValue());
    }

    private long queued(List<Long> contactIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbound_queue where contact_id in (?1, ?2, ?3)").setParameter(1, contactIds.get(0))
                .setParameter(2, contactIds.get(1)).setParameter(3, contactIds.get(2)).getSingleResult()).longValue());
    }
}
