package id.ruangaman.channel.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.ConnectionCounter;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
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
 * its row in a transaction of its own: two. Synthetic chats against the fake Bot API.
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

    @Test
    void shouldTakeOneTransactionASendOnTheSenderThread() {
        List<Long> chats = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        double sentBefore = sent();
        dispatcher.onStop(null);
        int sent;
        int senderTransactions;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < CHATS; i++) {
                    long chat = TelegramFixtures.newChatId();
                    chats.add(chat);
                    ids.add(outbox.queueText(contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(chat)), "pesan sintetis " + i).id);
                }
            });
            try (ConnectionCounter.Recording counting = ConnectionCounter.record(name -> name.equals("outbound-telegram"))) {
                dispatcher.onStart(null);
                Eventually.await("every reply recorded as sent", Duration.ofSeconds(60), () -> QuarkusTransaction.requiringNew()
                        .call(() -> ids.stream().allMatch(id -> em.find(ChatMessage.class, id).status == ChatMessage.Status.SENT)));
                dispatcher.onStop(null); // nothing more starts; the count is final
                senderTransactions = counting.count();
                sent = (int) Math.round(sent() - sentBefore);
            }
        } finally {
            dispatcher.onStart(null);
        }
        chats.forEach(chat -> assertEquals(1, telegram.sentTo(chat).size(), "each reply went out once"));
        System.out.printf("[transactions] %d sends, %d transactions on the senders%n", sent, senderTransactions);
        assertTrue(sent >= CHATS, "every reply was sent: " + sent);
        assertTrue(senderTransactions <= sent, sent + " sends took " + senderTransactions
                + " transactions on the sender threads, more than one a send");
    }

    private double sent() {
        var counter = metrics.find("ruangaman.outbound.sent").tag("channel", "telegram").counter();
        return counter == null ? 0 : counter.count();
    }
}
