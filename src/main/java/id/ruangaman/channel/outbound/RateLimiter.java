package id.ruangaman.channel.outbound;

import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} requests reach the platform in any window of one second, however late a request leaves
 * after its permit (a busy machine, a slow HTTP client) or arrives at the platform.
 *
 * <p>There are {@code perSecond} slots. A permit takes a slot, and the slot rests one {@linkplain #WINDOW_NANOS
 * window} after the request that held it <em>finished</em> (the platform answered, or the call failed), not after it
 * was handed out. Why that is enough: a request reaches the platform before its answer comes back, so two requests
 * that held the same slot one after the other reach the platform at least a window apart. No window of one second can
 * then hold two requests of one slot, so it holds at most {@code perSecond} requests. That holds for any delay, so no
 * margin for jitter is needed, and it holds whichever resting slot a permit takes: slots are handed out in the order
 * their requests finished, so one slow call holds back only its own slot. (Until the thirty-seventh round of issue 16
 * the slots were a ring handed out in the order issued: a call that took 300 ms held every permit after it for 300 ms,
 * and a backlog's second lost that much.)
 *
 * <p>The price is the platform's answer time: a backlog goes out at {@code perSecond / (1 s + answer time)}, about 99%
 * of the limit at a 10 ms answer, but 83% for a platform 200 ms away. Crediting the round trip back (the fastest recent
 * answer less its spread) reached 98% there in a simulation, but when the platform suddenly answers faster, requests
 * sent with the old credit overtake earlier ones and it sees more than the limit in one second (32 at 30/s); the limit
 * must hold, so the credit was left out (docs/benchmark.md, twelfth round). Unlike a token bucket, a burst and the
 * refill after it never add up to more than the limit either. Sources: Telegram Bot API FAQ ("avoid sending more than
 * 30 messages per second"), WhatsApp Cloud API throughput per phone number.
 */
final class RateLimiter {

    /** One second, and a millisecond for the platform's clock granularity. */
    static final long WINDOW_NANOS = 1_001_000_000L;
    private static final long WAIT_FOR_ANSWER_NANOS = 1_000_000L;

    /**
     * A permit to send one request; {@link #done()} once the platform has answered or the call failed (the first call
     * counts; later ones change nothing, so it may be called both where the answer arrives and after the call returns).
     */
    final class Permit {
        private final long unusedNanos;
        private boolean done;
        private long doneAt;

        private Permit(long unusedNanos) {
            this.unusedNanos = unusedNanos;
        }

        /**
         * How long the slot this permit took had been free before it was taken, in nanoseconds. With a backlog this is time
         * of the limit that no request used, lost for good: no send was waiting for the slot, or the one waiting had not yet
         * woken ({@link #acquire} looks again each millisecond) or been given a core. About 0 when a request was waiting as
         * the slot came free; without a backlog, simply the quiet time between sends; 0 for a slot's first permit, whose
         * slot has been free only since the limiter was made.
         */
        long unusedNanos() {
            return unusedNanos;
        }

        void done() {
            synchronized (RateLimiter.this) {
                if (!done) {
                    done = true;
                    doneAt = clock.getAsLong();
                    rest(doneAt);
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
    /**
     * The resting slots, as the times their requests finished, oldest first: a queue in a ring buffer. Times are read
     * from the clock under this limiter's lock, so each one added is at least the last: the head is always the slot that
     * is free first.
     */
    private final long[] resting;
    private int head;
    private int count;
    /** Slots not yet handed out since the limiter was made: their unused time would be the service's start, not a loss. */
    private int neverUsed;

    RateLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    RateLimiter(int perSecond, LongSupplier nanoClock) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.clock = nanoClock;
        this.resting = new long[perSecond];
        long free = nanoClock.getAsLong() - WINDOW_NANOS;
        for (int slot = 0; slot < perSecond; slot++) {
            rest(free);
        }
        this.neverUsed = perSecond;
    }

    private void rest(long finishedAt) {
        resting[(head + count) % resting.length] = finishedAt;
        count++;
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
        long unused = neverUsed > 0 ? 0 : Math.max(0, clock.getAsLong() - (resting[head] + WINDOW_NANOS));
        neverUsed = Math.max(0, neverUsed - 1);
        head = (head + 1) % resting.length;
        count--;
        return new Permit(unused);
    }

    /**
     * How long until the next permit is free, in nanoseconds: 0 if it is; a millisecond (to look again) while every
     * slot's request is still on its way.
     */
    synchronized long waitNanos() {
        if (count == 0) {
            return WAIT_FOR_ANSWER_NANOS;
        }
        return Math.max(0, resting[head] + WINDOW_NANOS - clock.getAsLong());
    }
}
