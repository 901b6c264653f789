package id.ruangaman.channel.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Group commit for work that many threads hand in at once and each must see done before it goes on (a send's outcome,
 * durable before its contact can be claimed again): the items that arrive while one batch is being recorded are
 * recorded together in the next, in one transaction, instead of one transaction each.
 *
 * <p>No thread of its own (flat combining): a caller queues its item and takes the lock; whoever holds it takes every
 * item queued so far (at most {@code maxBatch}), records them, hands each its result and lets go. A caller whose item
 * another thread recorded meanwhile returns as soon as it has the lock or sees its item done. So one item alone is
 * recorded at once, and the batch grows with the number of threads waiting, without a timer. An item is taken from the
 * queue only by the lock's holder, which settles it before it lets go: a caller that has the lock and finds its item
 * unsettled finds it still queued.
 *
 * <p>A batch that fails is recorded again item by item when {@code retryAlone} says the failure may be one item's (so one
 * bad row does not fail the others), and fails every item otherwise (the database is away: each would fail the same).
 *
 * @param <T> what a caller hands in
 * @param <R> its result; null is a result too
 */
final class GroupRecording<T, R> {

    /** Records a batch in one transaction: one result per item, in the items' order; throws if nothing was recorded. */
    @FunctionalInterface
    interface Recorder<T, R> {
        List<R> record(List<T> items) throws Exception;
    }

    private static final class Entry<T, R> {
        final T item;
        R result;
        Exception failure;
        /** Written last by the lock's holder, after the result or the failure. */
        volatile boolean done;

        Entry(T item) {
            this.item = item;
        }
    }

    private final ConcurrentLinkedQueue<Entry<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Recorder<T, R> recorder;
    private final int maxBatch;
    private final Predicate<Exception> retryAlone;
    private final IntConsumer recorded;

    /**
     * @param maxBatch   most items in one batch (at least 1)
     * @param retryAlone whether a failed batch is recorded again item by item
     * @param recorded   told the size of every batch recorded (for the metrics)
     */
    GroupRecording(Recorder<T, R> recorder, int maxBatch, Predicate<Exception> retryAlone, IntConsumer recorded) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.recorder = recorder;
        this.maxBatch = maxBatch;
        this.retryAlone = retryAlone;
        this.recorded = recorded;
    }

    /**
     * Records {@code item}, with whatever other items are waiting, and returns its result once its batch is recorded.
     *
     * @throws Exception what recording it threw (the batch's failure, or the item's own when it was recorded alone)
     */
    R record(T item) throws Exception {
        Entry<T, R> entry = new Entry<>(item);
        queue.add(entry);
        while (!entry.done) {
            lock.lock();
            try {
                if (!entry.done) {
                    recordWaiting();
                }
            } finally {
                lock.unlock();
            }
        }
        if (entry.failure != null) {
            throw entry.failure;
        }
        return entry.result;
    }

    /** How many items wait for a batch now (counted one by one: for tests and diagnostics). */
    int waiting() {
        return queue.size();
    }

    private void recordWaiting() {
        List<Entry<T, R>> batch = new ArrayList<>();
        for (Entry<T, R> next; batch.size() < maxBatch && (next = queue.poll()) != null;) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            settle(batch, recorder.record(batch.stream().map(entry -> entry.item).toList()));
        } catch (Exception failure) {
            if (batch.size() == 1 || !retryAlone.test(failure)) {
                batch.forEach(entry -> fail(entry, failure));
                return;
            }
            for (Entry<T, R> entry : batch) {
                try {
                    settle(List.of(entry), recorder.record(List.of(entry.item)));
                } catch (Exception own) {
                    fail(entry, own);
                }
            }
        }
    }

    private void settle(List<Entry<T, R>> batch, List<R> results) {
        if (results.size() != batch.size()) {
            IllegalStateException wrong = new IllegalStateException(results.size() + " results for " + batch.size() + " items");
            batch.forEach(entry -> fail(entry, wrong));
            return;
        }
        recorded.accept(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Entry<T, R> entry = batch.get(i);
            entry.result = results.get(i);
            entry.done = true;
        }
    }

    private static <T, R> void fail(Entry<T, R> entry, Exception failure) {
        entry.failure = failure;
        entry.done = true;
    }
}
