package id.ruangaman.channel.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The limiter on a hand-moved clock: what a platform counting arrivals would see. No real time passes. */
class RateLimiterTest {

    private static final long MS = 1_000_000L;
    private final AtomicLong now = new AtomicLong(5_000 * MS);

    /** A request on its way: when it reaches the platform and when its answer is back. */
    private record InFlight(RateLimiter.Permit permit, long arrives, long answered) {
    }

    /**
     * A sender with a long backlog and {@code workers} concurrent requests, each reaching the platform after a random
     * delay of up to {@code maxDelayMillis} (a busy machine) and answered {@code answerMillis} after that; returns the
     * arrival times the platform saw over {@code seconds}.
     */
    private List<Long> simulate(RateLimiter limiter, int workers, int maxDelayMillis, int answerMillis, int seconds) {
        return simulate(limiter, workers, maxDelayMillis, answerMillis, 0, 0, seconds);
    }

    /**
     * As above, but every {@code slowEvery}-th request (0: none) is answered {@code slowMillis} after it arrives: a
     * platform or a client that now and then takes far longer.
     */
    private List<Long> simulate(RateLimiter limiter, int workers, int maxDelayMillis, int answerMillis, int slowEvery, int slowMillis,
            int seconds) {
        Random random = new Random(7);
        List<Long> arrivals = new ArrayList<>();
        Deque<InFlight> inFlight = new ArrayDeque<>();
        long end = now.get() + seconds * 1_000 * MS;
        while (now.get() < end) {
            inFlight.removeIf(request -> {
                if (request.answered() <= now.get()) {
                    request.permit().done();
                    return true;
                }
                return false;
            });
            while (inFlight.size() < workers) {
                RateLimiter.Permit permit = limiter.tryAcquire();
                if (permit == null) {
                    break;
                }
                long arrives = now.get() + random.nextInt(maxDelayMillis + 1) * MS;
                arrivals.add(arrives);
                boolean slow = slowEvery > 0 && arrivals.size() % slowEvery == 0;
                inFlight.add(new InFlight(permit, arrives, arrives + (slow ? slowMillis : answerMillis) * MS));
            }
            now.addAndGet(MS);
        }
        arrivals.sort(Long::compare);
        return arrivals;
    }

    private static int mostInAnySecond(List<Long> arrivals) {
        int most = 0;
        int from = 0;
        for (int to = 0; to < arrivals.size(); to++) {
            while (arrivals.get(to) - arrivals.get(from) >= 1_000 * MS) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    @Test
    void shouldNeverLetMoreThanTheLimitArriveInAnySecondHoweverLateRequestsLeave() {
        // requests leaving up to 60 ms after their permit, in any order: a fixed margin would have to exceed that
        List<Long> arrivals = simulate(new RateLimiter(80, now::get), 8, 60, 2, 30);
        assertTrue(mostInAnySecond(arrivals) <= 80, "the platform saw " + mostInAnySecond(arrivals) + " in one second");
        assertTrue(arrivals.size() >= 0.9 * 80 * 30, "sent only " + arrivals.size());
    }

    @Test
    void shouldGiveABacklogTheLimitWithinTwoPercentWhenThePlatformAnswersFast() {
        List<Long> arrivals = simulate(new RateLimiter(100, now::get), 8, 1, 5, 101);
        assertTrue(mostInAnySecond(arrivals) <= 100, "the platform saw " + mostInAnySecond(arrivals) + " in one second");
        assertTrue(arrivals.size() >= 0.98 * 100 * 101, "sent only " + arrivals.size() + " of " + 100 * 101);
    }

    @Test
    void shouldKeepTheLimitAndMostOfItsRateWhenEveryTwentiethCallTakesFarLonger() {
        // 5% of the calls answered after 400 ms: they hold their own slots, not the others'
        List<Long> arrivals = simulate(new RateLimiter(80, now::get), 32, 5, 5, 20, 400, 60);
        assertTrue(mostInAnySecond(arrivals) <= 80, "the platform saw " + mostInAnySecond(arrivals) + " in one second");
        assertTrue(arrivals.size() >= 0.96 * 80 * 60, "sent only " + arrivals.size() + " of " + 80 * 60);
    }

    @Test
    void shouldLetASlowCallHoldBackOnlyItsOwnSlot() {
        RateLimiter limiter = new RateLimiter(3, now::get);
        RateLimiter.Permit slow = limiter.tryAcquire();
        RateLimiter.Permit second = limiter.tryAcquire();
        RateLimiter.Permit third = limiter.tryAcquire();
        assertNull(limiter.tryAcquire(), "three a second");
        second.done();
        third.done();
        now.addAndGet(RateLimiter.WINDOW_NANOS);
        assertNotNull(limiter.tryAcquire(), "the second's slot has rested a window, though the first call is still on its way");
        assertNotNull(limiter.tryAcquire(), "and the third's");
        assertNull(limiter.tryAcquire(), "the first call's slot is still taken");
        slow.done();
        assertEquals(RateLimiter.WINDOW_NANOS, limiter.waitNanos(), "free a window after the slow call's answer");
    }

    @Test
    void shouldNotAddABurstToTheRefillAfterAnIdleSpell() {
        RateLimiter limiter = new RateLimiter(30, now::get);
        List<Long> permits = new ArrayList<>();
        for (int millis = 0; millis < 5_000; millis++) {
            RateLimiter.Permit permit = limiter.tryAcquire();
            if (permit != null) {
                permits.add(now.get());
                permit.done(); // answered at once
            }
            now.addAndGet(MS);
        }
        for (int i = 0; i + 30 < permits.size(); i++) {
            assertTrue(permits.get(i + 30) - permits.get(i) >= 1_000 * MS, "31 permits within one second");
        }
        assertTrue(permits.size() <= 30 * 5, "a token bucket with a second's burst would have given " + 30 * 6 + "; gave " + permits.size());
    }

    @Test
    void shouldHoldASlotUntilItsRequestIsAnsweredAndThenAWindowMore() {
        RateLimiter limiter = new RateLimiter(2, now::get);
        RateLimiter.Permit first = limiter.tryAcquire();
        RateLimiter.Permit second = limiter.tryAcquire();
        assertNotNull(first);
        assertNotNull(second);
        now.addAndGet(5_000 * MS);
        assertNull(limiter.tryAcquire(), "the first request has not been answered: it may not have arrived yet");
        assertEquals(0, first.doneAt(), "not answered yet");
        first.done();
        long answered = now.get();
        assertEquals(answered, first.doneAt());
        assertEquals(RateLimiter.WINDOW_NANOS, limiter.waitNanos(), "a window after its answer");
        now.addAndGet(RateLimiter.WINDOW_NANOS);
        assertNotNull(limiter.tryAcquire());
        first.done(); // twice is harmless: the answer's arrival counts, not the call's return after it
        assertEquals(answered, first.doneAt());
        assertEquals(1 * MS, limiter.waitNanos(), "the second is still on its way: look again shortly");
    }

    @Test
    void shouldTellHowLongTheSlotAPermitTookStoodUnused() {
        RateLimiter limiter = new RateLimiter(1, now::get);
        now.addAndGet(3_000 * MS); // the service starts, then has its first message to send
        RateLimiter.Permit first = limiter.tryAcquire();
        assertEquals(0, first.unusedNanos(), "a slot's first permit lost nothing: the limiter was only just made");
        first.done();
        now.addAndGet(RateLimiter.WINDOW_NANOS);
        RateLimiter.Permit waited = limiter.tryAcquire();
        assertEquals(0, waited.unusedNanos(), "a request was there as the slot came free");
        waited.done();
        now.addAndGet(RateLimiter.WINDOW_NANOS + 7 * MS);
        assertEquals(7 * MS, limiter.tryAcquire().unusedNanos(), "the slot stood free 7 ms before a request took it");
    }

    @Test
    void shouldRefuseANonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0));
    }
}
