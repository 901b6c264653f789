package id.ruangaman.channel.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The platform's answer time a channel plans its senders by: the configured guess first, then the real answers. */
class SendTimesTest {

    @Test
    void shouldStartFromTheConfiguredTimeAndFollowTheRealAnswers() {
        SendTimes times = new SendTimes(Duration.ofMillis(250));
        assertEquals(Duration.ofMillis(250), times.mean());
        for (int i = 0; i < 200; i++) {
            times.add(Duration.ofMillis(2).toNanos());
        }
        assertTrue(times.mean().compareTo(Duration.ofMillis(3)) < 0, times.mean().toString());
        // a channel limited to 1,000/s whose platform answers in 2 ms keeps the fewest senders, not 64
        assertEquals(8, OutboxDispatcher.sendersFor(1_000, times.mean().multipliedBy(5).dividedBy(4), 8, 64));
        for (int i = 0; i < 200; i++) {
            times.add(Duration.ofMillis(300).toNanos());
        }
        assertTrue(times.mean().compareTo(Duration.ofMillis(290)) > 0, times.mean().toString());
        assertEquals(38, OutboxDispatcher.sendersFor(100, Duration.ofMillis(300).multipliedBy(5).dividedBy(4), 8, 64));
    }

    @Test
    void shouldLetOneSlowAnswerMoveTheMeanOnlyABit() {
        SendTimes times = new SendTimes(Duration.ofMillis(20));
        times.add(Duration.ofSeconds(10).toNanos());
        assertTrue(times.mean().compareTo(Duration.ofMillis(700)) < 0, times.mean().toString());
        times.add(-5);
        assertTrue(times.mean().toNanos() > 0);
    }
}
