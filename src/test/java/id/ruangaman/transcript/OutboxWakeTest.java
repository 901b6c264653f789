package id.ruangaman.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A transaction that queues messages wakes each channel's sender once, after its commit (issue 16: a processing round
 * queues dozens of replies, and each wake is a synchronization the transaction runs after committing).
 */
@QuarkusTest
class OutboxWakeTest {

    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    Wakes wakes;

    @Test
    void aTransactionWakesEachChannelOnceAfterItsCommit() {
        wakes.watch(Thread.currentThread());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Contact telegram = contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(TelegramFixtures.newChatId()));
                Contact whatsapp = contacts.findOrCreateWhatsApp(WhatsAppFixtures.newNumber(), null);
                telegram.unreachableAt = Instant.now(); // queued as failed: no sender picks these rows up
                whatsapp.unreachableAt = Instant.now();
                for (int i = 0; i < 3; i++) {
                    outbox.queueText(telegram, "Pesan sintetis " + i + ".");
                }
                outbox.queueText(whatsapp, "Pesan sintetis.");
                assertTrue(wakes.seen().isEmpty(), "nothing is woken before the commit");
            });
            assertEquals(List.of(Channel.TELEGRAM, Channel.WHATSAPP), wakes.seen().stream().sorted().toList());
        } finally {
            wakes.watch(null);
        }
    }

    /** Records the wakes the watched thread's commits cause (other threads' queuing is left out). */
    @ApplicationScoped
    static class Wakes {

        private volatile Thread watched;
        private final List<Channel> seen = new ArrayList<>();

        void watch(Thread thread) {
            synchronized (seen) {
                seen.clear();
            }
            watched = thread;
        }

        List<Channel> seen() {
            synchronized (seen) {
                return List.copyOf(seen);
            }
        }

        void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxQueued queued) {
            if (Thread.currentThread() == watched) {
                synchronized (seen) {
                    seen.add(queued.channel());
                }
            }
        }
    }
}
