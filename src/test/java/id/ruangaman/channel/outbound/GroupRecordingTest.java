package id.ruangaman.channel.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;

/**
 * The group commit of send outcomes: what arrives while a batch is being recorded goes together into the next one, and
 * a failed batch fails no item that is fine on its own.
 */
class GroupRecordingTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void anItemAloneIsRecordedAtOnceInABatchOfItsOwn() throws Exception {
        GroupRecording<Integer, String> recording = new GroupRecording<>(this::echo, 100, failure -> true, sizes::add);

        assertEquals("7", recording.record(7));
        assertEquals(List.of(List.of(7)), batches);
        assertEquals(List.of(1), sizes);
    }

    @Test
    void itemsThatArriveWhileABatchIsRecordedAreRecordedTogetherInTheNext() throws Exception {
        FirstHeld held = new FirstHeld();
        GroupRecording<Integer, String> recording = new GroupRecording<>(held.then(this::echo), 100, failure -> true, sizes::add);

        List<Future<String>> results = recordWhileTheFirstIsHeld(recording, held, 5);

        for (int i = 0; i <= 5; i++) {
            assertEquals(String.valueOf(i), results.get(i).get(60, TimeUnit.SECONDS), "each caller gets its own result");
        }
        assertEquals(2, batches.size(), "one transaction for the first, one for the five that came meanwhile: " + batches);
        assertEquals(List.of(1, 2, 3, 4, 5), batches.get(1).stream().sorted().toList());
        assertEquals(List.of(1, 5), sizes);
    }

    @Test
    void aBatchIsNeverLargerThanItsMost() throws Exception {
        FirstHeld held = new FirstHeld();
        GroupRecording<Integer, String> recording = new GroupRecording<>(held.then(this::echo), 2, failure -> true, sizes::add);

        for (Future<String> one : recordWhileTheFirstIsHeld(recording, held, 5)) {
            one.get(60, TimeUnit.SECONDS);
        }
        assertEquals(List.of(1, 2, 2, 1), sizes, "the five waiting go two, two and one");
    }

    @Test
    void aBatchThatFailsForOneItemIsRecordedAgainItemByItemAndOnlyThatItemFails() throws Exception {
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        FirstHeld held = new FirstHeld();
        GroupRecording<Integer, String> recording = new GroupRecording<>(held.then(items -> {
            if (items.contains(3)) {
                throw deadlock;
            }
            return echo(items);
        }), 100, OutboxDispatcher::statementFailure, sizes::add);

        List<Future<String>> results = recordWhileTheFirstIsHeld(recording, held, 4);

        assertEquals("0", results.get(0).get(60, TimeUnit.SECONDS));
        assertEquals("1", results.get(1).get(60, TimeUnit.SECONDS));
        assertEquals("2", results.get(2).get(60, TimeUnit.SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> results.get(3).get(60, TimeUnit.SECONDS));
        assertSame(deadlock, failed.getCause());
        assertEquals("4", results.get(4).get(60, TimeUnit.SECONDS));
        assertEquals(List.of(1, 1, 1, 1), sizes, "the first batch, then 1, 2 and 4 alone (3 failed alone)");
    }

    @Test
    void aBatchThatCannotReachTheDatabaseFailsEveryItemWithoutTryingEachAgain() throws Exception {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        FirstHeld held = new FirstHeld();
        GroupRecording<Integer, String> recording = new GroupRecording<>(held.then(items -> {
            if (items.contains(0)) {
                return echo(items);
            }
            batches.add(List.copyOf(items));
            throw lost;
        }), 100, OutboxDispatcher::statementFailure, sizes::add);

        List<Future<String>> results = recordWhileTheFirstIsHeld(recording, held, 3);

        results.get(0).get(60, TimeUnit.SECONDS);
        for (Future<String> one : results.subList(1, 4)) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> one.get(60, TimeUnit.SECONDS));
            assertSame(lost, failed.getCause());
        }
        assertEquals(2, batches.size(), "the three were tried once, together: " + batches);
    }

    @Test
    void onlyAStatementTheDatabaseRefusedIsWorthTryingAlone() {
        assertTrue(OutboxDispatcher.statementFailure(new SQLException("deadlock detected", "40P01")));
        assertTrue(OutboxDispatcher.statementFailure(new IllegalStateException(new SQLException("check", "23514"))));
        assertEquals(false, OutboxDispatcher.statementFailure(new SQLException("connection lost", "08006")));
        assertEquals(false, OutboxDispatcher.statementFailure(new SQLException("terminating connection", "57P01")));
        assertEquals(false, OutboxDispatcher.statementFailure(new SQLException("Sorry, acquisition timeout!")));
        assertEquals(false, OutboxDispatcher.statementFailure(new IllegalArgumentException("no SQL at all")));
    }

    /**
     * Item 0's batch is held until {@link #recordWhileTheFirstIsHeld} has queued the others behind it, so which items
     * are recorded together does not depend on the machine's timing.
     */
    private static final class FirstHeld {
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch letGo = new CountDownLatch(1);

        GroupRecording.Recorder<Integer, String> then(GroupRecording.Recorder<Integer, String> recorder) {
            return items -> {
                if (items.contains(0)) {
                    holding.countDown();
                    assertTrue(letGo.await(60, TimeUnit.SECONDS));
                }
                return recorder.record(items);
            };
        }
    }

    /** Records 0, and 1 to {@code more} from other threads while 0's batch is held; each item's result, in order. */
    private List<Future<String>> recordWhileTheFirstIsHeld(GroupRecording<Integer, String> recording, FirstHeld held, int more)
            throws InterruptedException {
        List<Future<String>> results = new ArrayList<>();
        results.add(callers.submit(() -> recording.record(0)));
        assertTrue(held.holding.await(60, TimeUnit.SECONDS));
        for (int i = 1; i <= more; i++) {
            int item = i;
            results.add(callers.submit(() -> recording.record(item)));
        }
        Eventually.await(more + " items waiting", Duration.ofSeconds(60), () -> recording.waiting() == more);
        held.letGo.countDown();
        return results;
    }

    private List<String> echo(List<Integer> items) {
        batches.add(List.copyOf(items));
        return items.stream().map(String::valueOf).toList();
    }
}
