package id.ruangaman.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A new contact created by several transactions at once (a first message and a team notice to the same chat) is
 * created once, and every caller gets it: none fails on the unique key.
 */
@QuarkusTest
class ContactCreationRaceTest {

    private static final int CALLERS = 8;

    @Inject
    ContactRepository contacts;
    @Inject
    PreloadedContacts preloaded;
    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void concurrentFindOrCreateOfOneNewContactYieldsOneRow() throws Exception {
        for (int round = 0; round < 5; round++) {
            String chat = "-100" + System.nanoTime(); // synthetic, new every round
            CyclicBarrier together = new CyclicBarrier(CALLERS);
            ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
            try {
                List<Future<Long>> ids = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    boolean locked = i % 2 == 0;
                    boolean upFront = i % 4 == 0; // as a processing round: its senders read, locked, up front
                    ids.add(pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                        together.await();
                        if (upFront) {
                            preloaded.lockAll(Channel.TELEGRAM, List.of(contacts.hash(Channel.TELEGRAM, chat)));
                        }
                        return (locked ? contacts.findOrCreateLocked(Channel.TELEGRAM, chat)
                                : contacts.findOrCreate(Channel.TELEGRAM, chat)).id;
                    })));
                }
                Set<Long> distinct = ids.stream().map(ContactCreationRaceTest::get).collect(Collectors.toSet());
                assertEquals(1, distinct.size(), "callers got different contacts: " + distinct);
                long rows = QuarkusTransaction.requiringNew().call(() -> contacts.find("channel = ?1 and externalIdHash = ?2",
                        Channel.TELEGRAM, contacts.findByExternalId(Channel.TELEGRAM, chat).orElseThrow().externalIdHash).count());
                assertEquals(1, rows);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * A round's new senders: their creation locks are taken with the round's up-front read, in one statement, so each
     * is then created without a lookup or a lock of its own, and a known sender among them is still found.
     */
    @Test
    void aRoundTakesItsNewSendersCreationLocksUpFront() {
        String known = "-200" + System.nanoTime();
        String fresh = "-300" + System.nanoTime();
        long knownId = QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreate(Channel.TELEGRAM, known).id);
        QuarkusTransaction.requiringNew().run(() -> {
            preloaded.lockAll(Channel.TELEGRAM, List.of(contacts.hash(Channel.TELEGRAM, known), contacts.hash(Channel.TELEGRAM, fresh)));
            assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from pg_locks where locktype = 'advisory' "
                    + "and pid = pg_backend_pid()").getSingleResult()).longValue(), "the new sender's creation lock, and only it");
            assertEquals(true, preloaded.knownAbsent(Channel.TELEGRAM, contacts.hash(Channel.TELEGRAM, fresh)));
            assertEquals(knownId, contacts.findOrCreateLocked(Channel.TELEGRAM, known).id);
            Contact created = contacts.findOrCreateLocked(Channel.TELEGRAM, fresh);
            assertEquals(false, preloaded.knownAbsent(Channel.TELEGRAM, contacts.hash(Channel.TELEGRAM, fresh)));
            assertEquals(created, contacts.findOrCreateLocked(Channel.TELEGRAM, fresh), "its next step finds it");
        });
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> contacts.find("channel = ?1 and externalIdHash = ?2",
                Channel.TELEGRAM, contacts.hash(Channel.TELEGRAM, fresh)).count()));
    }

    /**
     * A WhatsApp person new to a round under both their number and their user id (two lanes of one round): the one
     * contact created under the number is found by the user id too, never created twice.
     */
    @Test
    void aNewWhatsAppSenderKnownByNumberAndUserIdInOneRoundIsOneContact() {
        String phone = "628" + (System.nanoTime() % 1_000_000_000L);
        String userId = "ID." + System.nanoTime();
        long[] ids = QuarkusTransaction.requiringNew().call(() -> {
            preloaded.lockAll(Channel.WHATSAPP, List.of(contacts.hash(Channel.WHATSAPP, phone), contacts.hash(Channel.WHATSAPP, userId)));
            long first = contacts.findOrCreateWhatsAppLocked(phone, userId).id;
            long second = contacts.findOrCreateWhatsAppLocked(null, userId).id;
            return new long[] {first, second};
        });
        assertEquals(ids[0], ids[1], "one person, one contact");
    }

    private static Long get(Future<Long> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError("a caller failed: " + e.getCause(), e);
        }
    }
}
