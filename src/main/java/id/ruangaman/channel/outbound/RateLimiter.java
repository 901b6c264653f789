package id.ruangaman.channel.outbound;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} permits in any window of one second (plus a 4% margin for the jitter
 * between handing out a permit and the request reaching the platform), so a backlog goes out at 96% of the limit. The times of the last
 * {@code perSecond} permits are kept; a new permit waits until the oldest of them has left the window.
 * Unlike a token bucket, this never lets a burst and the refill after it add up to more than the limit.
 */
final class RateLimiter {

    /**
     * One second and 4% more: a send leaves a little after its permit, and not always in permit order. With 1% the
     * load benchmark's fake Telegram saw 101 sends in one second against a limit of 100 (requests wait up to ~25 ms
     * in the HTTP client on a busy machine), so the margin must exceed that jitter: never above the platform's limit
     * comes before the last few percent of its rate.
     */
    static final long WINDOW_NANOS = 1_040_000_000L;

    private final LongSupplier clock;
    private final long[] issued;
    private int oldest;

    RateLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    RateLimiter(int perSecond, LongSupplier nanoClock) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.clock = nanoClock;
        this.issued = new long[perSecond];
        long free = nanoClock.getAsLong() - WINDOW_NANOS;
        Arrays.fill(issued, free);
    }

    /** Blocks until a permit is free, and takes it. */
    void acquire() throws InterruptedException {
        while (true) {
            long waitNanos = tryAcquire();
            if (waitNanos <= 0) {
                return;
            }
            Thread.sleep(Math.max(1, waitNanos / 1_000_000));
        }
    }

    /** Takes a permit if one is free and returns 0; otherwise returns how long until one is. */
    synchronized long tryAcquire() {
        long now = clock.getAsLong();
        long wait = issued[oldest] + WINDOW_NANOS - now;
        if (wait > 0) {
            return wait;
        }
        issued[oldest] = now;
        oldest = (oldest + 1) % issued.length;
        return 0;
    }
}
