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
                    ids.add(pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                        together.await();
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

    private static Long get(Future<Long> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError("a caller failed: " + e.getCause(), e);
        }
    }
}
