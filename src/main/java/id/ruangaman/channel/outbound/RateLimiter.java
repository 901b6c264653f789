package id.ruangaman.channel.outbound;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} requests reach the platform in any window of one second, however late a request leaves
 * after its permit (a busy machine, a slow HTTP client) or arrives at the platform.
 *
 * <p>A permit is a slot in a ring of {@code perSecond} slots, handed out in order. A slot is free again one
 * {@linkplain #WINDOW_NANOS window} after the request that held it <em>finished</em> (the platform answered, or the
 * call failed), not after it was handed out: a request reaches the platform before its answer comes back, so the
 * request {@code perSecond} permits later reaches it at least a window after. That holds for any delay, so no margin
 * for jitter is needed. The price is the platform's answer time: a backlog goes out at {@code perSecond / (1 s +
 * answer time)}, about 99% of the limit at a 10 ms answer, but 83% for a platform 200 ms away. Crediting the round trip
 * back (the fastest recent answer less its spread) reached 98% there in a simulation, but when the platform suddenly
 * answers faster, requests sent with the old credit overtake earlier ones and it sees more than the limit in one
 * second (32 at 30/s); the limit must hold, so the credit was left out (docs/benchmark.md, twelfth round). Unlike a
 * token bucket, a burst and the refill after it never add up to more than the limit either. Sources: Telegram Bot API FAQ ("avoid sending more than 30 messages per
 * second"), WhatsApp Cloud API throughput per phone number.
 */
final class RateLimiter {

    /** One second, and a millisecond for the platform's clock granularity. */
    static final long WINDOW_NANOS = 1_001_000_000L;
    private static final long IN_FLIGHT = Long.MAX_VALUE;
    private static final long WAIT_FOR_ANSWER_NANOS = 1_000_000L;

    /**
     * A permit to send one request; {@link #done()} once the platform has answered or the call failed (the first call
     * counts; later ones change nothing, so it may be called both where the answer arrives and after the call returns).
     */
    final class Permit {
        private final int slot;
        private boolean done;
        private long doneAt;

        private Permit(int slot) {
            this.slot = slot;
        }

        void done() {
            synchronized (RateLimiter.this) {
                if (!done) {
                    done = true;
                    doneAt = clock.getAsLong();
                    finished[slot] = doneAt;
                }
            }
        }

        /** When {@link #done()} was first called, on this limiter's clock (nanoseconds); 0 until then. */
        long doneAt() {
            synchronized (RateLimiter.this) {
                return doneAt;
            }
        }
    }

    private final LongSupplier clock;
    /** Per slot, in the order handed out: when its request finished, or {@link #IN_FLIGHT}. */
    private final long[] finished;
    private int oldest;

    RateLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    RateLimiter(int perSecond, LongSupplier nanoClock) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.clock = nanoClock;
        this.finished = new long[perSecond];
        Arrays.fill(finished, nanoClock.getAsLong() - WINDOW_NANOS);
    }

    /** Blocks until a permit is free, and takes it. */
    Permit acquire() throws InterruptedException {
        while (true) {
            Permit permit = tryAcquire();
            if (permit != null) {
                return permit;
            }
            Thread.sleep(Math.max(1, waitNanos() / 1_000_000));
        }
    }

    /** Takes a permit if one is free; otherwise null. */
    synchronized Permit tryAcquire() {
        if (waitNanos() > 0) {
            return null;
        }
        int slot = oldest;
        finished[slot] = IN_FLIGHT;
        oldest = (oldest + 1) % finished.length;
        return new Permit(slot);
    }

    /**
     * How long until the next permit is free, in nanoseconds: 0 if it is; a millisecond (to look again) while the
     * request that held its slot has not finished yet.
     */
    synchronized long waitNanos() {
        long last = finished[oldest];
        if (last == IN_FLIGHT) {
            return WAIT_FOR_ANSWER_NANOS;
        }
        return Math.max(0, last + WINDOW_NANOS - clock.getAsLong());
    }
}
