package id.ruangaman.channel.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Output;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.ConnectionCounter;
import id.ruangaman.testing.JtaTransactionCounter;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a send costs the database, counted (issue 16, ninth round): replies to many chats are queued while delivery is
 * stopped, then delivered, and the connections the Telegram senders take are counted ({@link ConnectionCounter}; one a
 * transaction). A send's message and contact are read in its claim's transaction, on the lane's thread, so a sender
 * takes one transaction a send: the one that records the outcome and releases the contact. Before, each send also read
 * its row in a transaction of its own: two. That transaction is a plain JDBC one, not JTA (issue 16, tenth round): the
 * JTA transactions the senders begin are counted too ({@link JtaTransactionCounter}), and are none; before, one a send.
 * Sends that finish together share that transaction (issue 16, fourteenth round: {@link GroupRecording}), so the bound
 * is at most one a send; {@link SendsRecordedTogetherTest} checks what a shared one records. A reply filed under a case
 * still records the case's inbox event with its delivery, in that transaction. Synthetic chats and case against the
 * fake Bot API.
 */
@QuarkusTest
class SendTransactionsTest {

    private static final int CHATS = 40;

    private final FakeTelegram telegram = FakePlatforms.telegram();

    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry metrics;
    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldTakeOneTransactionASendOnTheSenderThread() {
        List<Long> chats = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        dispatcher.onStop(null);
        // Read once the senders have stopped: read while another test's sends went on, the two counts could be taken a
        // send apart (a CI run counted 50 sends and 48 outcomes).
        double sentBefore = sent();
        double outcomesBefore = outcomes();
        int sent;
        int outcomes;
        int senderTransactions;
        int senderJtaTransactions;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < CHATS; i++) {
                    long chat = TelegramFixtures.newChatId();
                    chats.add(chat);
                    ids.add(outbox.queueText(contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(chat)), "pesan sintetis " + i).id);
                }
            });
            try (ConnectionCounter.Recording counting = ConnectionCounter.record(name -> name.equals("outbound-telegram"));
                    JtaTransactionCounter.Recording jta = JtaTransactionCounter.record(name -> name.equals("outbound-telegram"))) {
                dispatcher.onStart(null);
                Eventually.await("every reply recorded as sent", Duration.ofSeconds(60), () -> QuarkusTransaction.requiringNew()
                        .call(() -> ids.stream().allMatch(id -> em.find(ChatMessage.class, id).status == ChatMessage.Status.SENT)));
                dispatcher.onStop(null); // nothing more starts; the count is final
                senderTransactions = counting.count();
                senderJtaTransactions = jta.count();
                sent = (int) Math.round(sent() - sentBefore);
                outcomes = (int) Math.round(outcomes() - outcomesBefore);
            }
        } finally {
            dispatcher.onStart(null);
        }
        chats.forEach(chat -> assertEquals(1, telegram.sentTo(chat).size(), "each reply went out once"));
        System.out.printf("[transactions] %d sends (%d outcomes recorded), %d transactions on the senders, %d of them JTA%n", sent,
                outcomes, senderTransactions, senderJtaTransactions);
        assertTrue(sent >= CHATS, "every reply was sent: " + sent);
        // The senders also record what other tests left in the outbox while this one counts (a full run's log showed
        // 52 sends for these 40): a retry or a failure of theirs takes its transaction without a send, so the bound is
        // one transaction per recorded outcome (sent, retry, failed, held), not per send.
        assertTrue(senderTransactions <= outcomes, outcomes + " outcomes (" + sent + " sends) took " + senderTransactions
                + " transactions on the sender threads, more than one an outcome");
        // A send is recorded in a plain JDBC transaction; any other outcome (another test's retry) in a JTA one.
        assertTrue(senderJtaTransactions <= outcomes - sent, "a delivered reply is recorded in a plain JDBC transaction, not a JTA "
                + "one: " + senderJtaTransactions + " JTA transactions for " + (outcomes - sent) + " outcomes that were not a send");
    }

    @Test
    void shouldRecordACaseReplysInboxEventWithItsDelivery() {
        long chat = TelegramFixtures.newChatId();
        String ref = fixtures.submittedTelegramCase(chat);
        long intake = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from intake where reference_code = ?1").setParameter(1, ref).getSingleResult()).longValue());
        long contact = fixtures.contactOf(ref);
        long id;
        long queuedEvents;
        int sentBefore;
        dispatcher.onStop(null); // queued and counted before any sender can take it
        try {
            id = QuarkusTransaction.requiringNew().call(() -> outbox.queue(em.find(Contact.class, contact), intake, null,
                    new Output.Message("Balasan sintetis dari konselor", null, List.of(), false)).id);
            queuedEvents = messageEvents(intake);
            sentBefore = telegram.sentTo(chat).size();
        } finally {
            dispatcher.onStart(null);
        }

        Eventually.await("the case's reply recorded as sent", Duration.ofSeconds(30), () -> QuarkusTransaction.requiringNew()
                .call(() -> em.find(ChatMessage.class, id).status == ChatMessage.Status.SENT));

        assertEquals(sentBefore + 1, telegram.sentTo(chat).size(), "the reply went out once");
        assertEquals(queuedEvents + 1, messageEvents(intake), "the delivery told the case's open pages, once");
    }

    private long messageEvents(long intake) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_event where intake_id = ?1 and type = 'message'").setParameter(1, intake)
                .getSingleResult()).longValue());
    }

    private double sent() {
        return count("ruangaman.outbound.sent");
    }

    /** Every outcome a Telegram sender records, each in its own transaction: sent, to retry, failed, held. */
    private double outcomes() {
        return count("ruangaman.outbound.sent") + count("ruangaman.outbound.retries") + count("ruangaman.outbound.failed")
                + count("ruangaman.outbound.held");
    }

    private double count(String name) {
        var counter = metrics.find(name).tag("channel", "telegram").counter();
        return counter == null ? 0 : counter.count();
    }
}
