package id.ruangaman.channel.inbound;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Gives the webhooks' acknowledgement the CPU during a burst: processing and delivery pause before their next unit of
 * work (a claim, a round of steps) while the webhook is busy, for at most {@link AckConfig#yieldMaxPause()} each
 * time, so they slow down but never stop. Java thread priorities do nothing on Linux without privileges, so the
 * background threads step aside themselves. An acknowledged update is durable; processing catches up after the
 * burst, while a slow webhook makes Telegram and WhatsApp retry or slow down.
 *
 * <p>The webhook is busy when a request waits for its commit ({@link GroupCommit} counts them), or when more than
 * {@link AckConfig#yieldAbove()} updates per second arrived over the last {@value #WINDOW_MILLIS} ms (between the
 * requests of a burst nothing may be waiting for a moment, yet the next request needs the CPU). With no webhook load
 * nothing waits and the check is a few memory reads.
 */
@ApplicationScoped
public class AckPriority {

    /** The window over which the arrival rate is counted, in milliseconds. */
    static final int WINDOW_MILLIS = 100;
    /** How often a pausing thread looks again whether the webhook went quiet, in milliseconds. */
    static final int RECHECK_MILLIS = 5;
    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS);

    private final LongSupplier nanoTime;
    private final long maxPauseNanos;
    private final int arrivalsPerWindow;
    private final AtomicInteger waiting = new AtomicInteger();
    /** Arrivals counted per window: the window's number (nanoTime / window) and its count, current and previous. */
    private final AtomicLong currentWindow = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger currentCount = new AtomicInteger();
    private volatile int previousCount;

    @Inject
    AckPriority(AckConfig config) {
        this(System::nanoTime, config.yieldMaxPause(), config.yieldAbove());
    }

    /**
     * {@code maxPause}: longest single pause (zero: never pause); {@code yieldAbove}: arrivals per second above which
     * the webhook counts as busy even while no request waits (zero or less: only waiting requests count).
     */
    AckPriority(LongSupplier nanoTime, Duration maxPause, int yieldAbove) {
        this.nanoTime = nanoTime;
        this.maxPauseNanos = Math.max(0, maxPause.toNanos());
        this.arrivalsPerWindow = yieldAbove <= 0 ? Integer.MAX_VALUE : (int) Math.max(1, (long) yieldAbove * WINDOW_MILLIS / 1_000);
    }

    /** A webhook request handed {@code updates} rows to the group commit and waits for it. */
    void arrived(int updates) {
        waiting.incrementAndGet();
        long window = nanoTime.getAsLong() / WINDOW_NANOS;
        long current = currentWindow.get();
        if (window != current && currentWindow.compareAndSet(current, window)) {
            int last = currentCount.getAndSet(0);
            previousCount = window == current + 1 ? last : 0;
        }
        currentCount.addAndGet(updates);
    }

    /** A webhook request got its answer (committed, refused or failed). */
    void answered() {
        waiting.decrementAndGet();
    }

    /** Whether the webhook needs the CPU now. */
    boolean busy() {
        if (waiting.get() > 0) {
            return true;
        }
        long window = nanoTime.getAsLong() / WINDOW_NANOS;
        long current = currentWindow.get();
        int recent;
        if (window == current) {
            recent = currentCount.get() + previousCount;
        } else if (window == current + 1) {
            recent = currentCount.get();
        } else {
            recent = 0;
        }
        return recent > arrivalsPerWindow;
    }

    /**
     * How much longer a thread that started pausing at {@code pausedSince} (a {@link System#nanoTime()} reading)
     * should wait, in nanoseconds: zero once the webhook is not busy or the longest pause has passed.
     */
    long pauseLeft(long pausedSince) {
        long left = maxPauseNanos - (nanoTime.getAsLong() - pausedSince);
        return left > 0 && busy() ? left : 0;
    }

    /**
     * Called by processing and delivery before each unit of work: returns at once when the webhook is quiet, otherwise
     * once it is, or after {@link AckConfig#yieldMaxPause()} at most. Returns whether it paused.
     */
    public boolean yieldToWebhook() throws InterruptedException {
        long since = nanoTime.getAsLong();
        long left = pauseLeft(since);
        if (left == 0) {
            return false;
        }
        while (left > 0) {
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            left = pauseLeft(since);
        }
        return true;
    }
}
