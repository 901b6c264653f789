package id.ruangaman.channel.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Test
    void shouldNeverGiveMoreThanTheLimitInAnyWindowEvenRightAfterAnIdleBurst() {
        RateLimiter limiter = new RateLimiter(30, now::get);
        List<Long> permits = new ArrayList<>();
        // a sender asking every millisecond for five seconds, starting with a full allowance
        for (int millis = 0; millis < 5_000; millis++) {
            if (limiter.tryAcquire() == 0) {
                permits.add(now.get());
            }
            now.addAndGet(1_000_000L);
        }
        for (int i = 0; i + 30 < permits.size(); i++) {
            assertTrue(permits.get(i + 30) - permits.get(i) >= 1_000_000_000L,
                    "31 permits within one second, from " + permits.get(i) + " to " + permits.get(i + 30));
        }
        // a token bucket with a second's burst would have given 30 + 5 × 30 here
        assertTrue(permits.size() <= 30 * 5, "gave " + permits.size());
        assertTrue(permits.size() >= 30 * 4, "gave only " + permits.size());
    }

    @Test
    void shouldGiveABacklogTheLimitWithinTwoPercent() {
        RateLimiter limiter = new RateLimiter(30, now::get);
        int permits = 0;
        // a sender with a long backlog asking every millisecond for 101 seconds
        for (int millis = 0; millis < 101_000; millis++) {
            if (limiter.tryAcquire() == 0) {
                permits++;
            }
            now.addAndGet(1_000_000L);
        }
        assertTrue(permits <= 30 * 101, "gave " + permits);
        assertTrue(permits >= 0.95 * 30 * 101, "gave only " + permits + " of " + 30 * 101 + " (the 4% jitter margin and no more)");
    }

    @Test
    void shouldSayHowLongToWait() {
        RateLimiter limiter = new RateLimiter(3, now::get);
        assertEquals(0, limiter.tryAcquire());
        now.addAndGet(100_000_000L);
        assertEquals(0, limiter.tryAcquire());
        assertEquals(0, limiter.tryAcquire());
        assertEquals(RateLimiter.WINDOW_NANOS - 100_000_000L, limiter.tryAcquire(), "until the first permit leaves the window");
        now.addAndGet(RateLimiter.WINDOW_NANOS - 100_000_000L);
        assertEquals(0, limiter.tryAcquire());
        assertTrue(limiter.tryAcquire() > 0, "the second permit of the window is still taken");
    }

    @Test
    void shouldRefuseANonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0));
    }
}
