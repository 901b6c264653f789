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
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        GroupRecording<Integer, String> recording = new GroupRecording<>(items -> {
            if (items.contains(0)) {
                firstHeld.countDown();
                assertTrue(letGo.await(60, TimeUnit.SECONDS));
            }
            return echo(items);
        }, 100, failure -> true, sizes::add);

        Future<String> first = callers.submit(() -> recording.record(0));
        assertTrue(firstHeld.await(60, TimeUnit.SECONDS));
        List<Future<String>> later = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int item = i;
            later.add(callers.submit(() -> recording.record(item)));
        }
        Eventually.await("five items waiting", Duration.ofSeconds(60), () -> recording.waiting() == 5);
        letGo.countDown();

        assertEquals("0", first.get(60, TimeUnit.SECONDS));
        for (int i = 0; i < 5; i++) {
            assertEquals(String.valueOf(i + 1), later.get(i).get(60, TimeUnit.SECONDS), "each caller gets its own result");
        }
        assertEquals(2, batches.size(), "one transaction for the first, one for the five that came meanwhile: " + batches);
        assertEquals(List.of(1, 2, 3, 4, 5), batches.get(1).stream().sorted().toList());
        assertEquals(List.of(1, 5), sizes);
    }

    @Test
    void aBatchIsNeverLargerThanItsMost() throws Exception {
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        GroupRecording<Integer, String> recording = new GroupRecording<>(items -> {
            if (items.contains(0)) {
                firstHeld.countDown();
                assertTrue(letGo.await(60, TimeUnit.SECONDS));
            }
            return echo(items);
        }, 2, failure -> true, sizes::add);

        Future<String> first = callers.submit(() -> recording.record(0));
        assertTrue(firstHeld.await(60, TimeUnit.SECONDS));
        List<Future<String>> later = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int item = i;
            later.add(callers.submit(() -> recording.record(item)));
        }
        Eventually.await("five items waiting", Duration.ofSeconds(60), () -> recording.waiting() == 5);
        letGo.countDown();

        first.get(60, TimeUnit.SECONDS);
        for (Future<String> one : later) {
            one.get(60, TimeUnit.SECONDS);
        }
        assertEquals(List.of(1, 2, 2, 1), sizes, "the five waiting go two, two and one");
    }

    @Test
    void aBatchThatFailsForOneItemIsRecordedAgainItemByItemAndOnlyThatItemFails() throws Exception {
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        GroupRecording<Integer, String> recording = new GroupRecording<>(items -> {
            if (items.contains(0)) {
                firstHeld.countDown();
                assertTrue(letGo.await(60, TimeUnit.SECONDS));
            }
            if (items.contains(3)) {
                throw deadlock;
            }
            return echo(items);
        }, 100, OutboxDispatcher::statementFailure, sizes::add);

        Future<String> first = callers.submit(() -> recording.record(0));
        assertTrue(firstHeld.await(60, TimeUnit.SECONDS));
        List<Future<String>> later = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int item = i;
            later.add(callers.submit(() -> recording.record(item)));
        }
        Eventually.await("four items waiting", Duration.ofSeconds(60), () -> recording.waiting() == 4);
        letGo.countDown();

        first.get(60, TimeUnit.SECONDS);
        assertEquals("1", later.get(0).get(60, TimeUnit.SECONDS));
        assertEquals("2", later.get(1).get(60, TimeUnit.SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> later.get(2).get(60, TimeUnit.SECONDS));
        assertSame(deadlock, failed.getCause());
        assertEquals("4", later.get(3).get(60, TimeUnit.SECONDS));
        assertEquals(List.of(1, 1, 1, 1), sizes, "the first batch, then 1, 2 and 4 alone (3 failed alone)");
    }

    @Test
    void aBatchThatCannotReachTheDatabaseFailsEveryItemWithoutTryingEachAgain() throws Exception {
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        GroupRecording<Integer, String> recording = new GroupRecording<>(items -> {
            if (items.contains(0)) {
                firstHeld.countDown();
                assertTrue(letGo.await(60, TimeUnit.SECONDS));
                return echo(items);
            }
            batches.add(List.copyOf(items));
            throw lost;
        }, 100, OutboxDispatcher::statementFailure, sizes::add);

        Future<String> first = callers.submit(() -> recording.record(0));
        assertTrue(firstHeld.await(60, TimeUnit.SECONDS));
        List<Future<String>> later = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int item = i;
            later.add(callers.submit(() -> recording.record(item)));
        }
        Eventually.await("three items waiting", Duration.ofSeconds(60), () -> recording.waiting() == 3);
        letGo.countDown();

        first.get(60, TimeUnit.SECONDS);
        for (Future<String> one : later) {
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

    private List<String> echo(List<Integer> items) {
        batches.add(List.copyOf(items));
        return items.stream().map(String::valueOf).toList();
    }
}
