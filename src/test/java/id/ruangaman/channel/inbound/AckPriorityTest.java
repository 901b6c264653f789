package id.ruangaman.channel.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The yielding rule of {@link AckPriority} on a hand-moved clock: when processing and delivery must give way to the
 * webhook, and that the pause is bounded. No real time passes and nothing is timed.
 */
class AckPriorityTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A clock the test moves by hand, starting far from zero like System.nanoTime. */
    private long now = 1_000_000 * MS;

    private AckPriority priority(int yieldAbove) {
        return new AckPriority(() -> now, Duration.ofMillis(200), yieldAbove);
    }

    /** {@code requests} webhook requests of one update each, every one answered before the next arrives. */
    private static void answeredAtOnce(AckPriority priority, int requests) {
        for (int i = 0; i < requests; i++) {
            priority.arrived(1);
            priority.answered();
        }
    }

    @Test
    void noWebhookLoadNeverPauses() throws InterruptedException {
        AckPriority priority = priority(200);
        assertFalse(priority.busy());
        assertEquals(0, priority.pauseLeft(now));
        assertFalse(priority.yieldToWebhook(), "with the webhook idle processing goes on at once");
    }

    @Test
    void aWaitingAcknowledgementPausesUntilItIsAnswered() {
        AckPriority priority = priority(0);
        long since = now;
        priority.arrived(1);
        assertTrue(priority.busy());
        now += 5 * MS;
        assertEquals(195 * MS, priority.pauseLeft(since), "pauses for what is left of the longest pause");
        priority.answered();
        assertFalse(priority.busy(), "one request answered, none waiting, rate not counted");
        assertEquals(0, priority.pauseLeft(since));
    }

    @Test
    void thePauseIsBoundedEvenWhileTheWebhookStaysBusy() {
        AckPriority priority = priority(200);
        priority.arrived(1); // never answered: busy for good
        long since = now;
        now += 199 * MS;
        assertEquals(MS, priority.pauseLeft(since));
        now += MS;
        assertTrue(priority.busy());
        assertEquals(0, priority.pauseLeft(since), "after the longest pause the worker goes on however busy the webhook is");
        assertTrue(priority.pauseLeft(now) > 0, "and the next unit of work pauses again, for at most the same bound");
    }

    @Test
    void arrivalsAboveTheRateKeepItBusyBetweenRequests() {
        AckPriority priority = priority(200); // 200/s: more than 20 in 100 ms
        answeredAtOnce(priority, 21);
        assertTrue(priority.busy(), "21 updates within 100 ms is above 200/s although none waits");
        now += 150 * MS;
        assertTrue(priority.busy(), "the last whole window still held them");
        now += 100 * MS;
        assertFalse(priority.busy(), "quiet for a whole window: processing goes on");
    }

    @Test
    void arrivalsAtOrBelowTheRateDoNotPauseWhileNothingWaits() {
        AckPriority priority = priority(200);
        answeredAtOnce(priority, 20);
        assertFalse(priority.busy(), "20 updates in 100 ms is 200/s, not above it");
        priority.arrived(5); // one request with several updates (a WhatsApp payload) counts each update
        priority.answered();
        assertTrue(priority.busy());
    }

    @Test
    void theRateCountsTheLastTwoWindowsOnly() {
        AckPriority priority = priority(200);
        answeredAtOnce(priority, 15);
        now += 100 * MS; // next window
        answeredAtOnce(priority, 10);
        assertTrue(priority.busy(), "15 + 10 across the current and the previous window");
        now += 100 * MS; // the window after: only the 10 of the last full window count
        assertFalse(priority.busy());
        now += 1_000 * MS; // long quiet: a new arrival starts from nothing
        answeredAtOnce(priority, 20);
        assertFalse(priority.busy());
    }

    @Test
    void aZeroMaxPauseTurnsYieldingOff() throws InterruptedException {
        AckPriority priority = new AckPriority(() -> now, Duration.ZERO, 200);
        priority.arrived(100);
        assertTrue(priority.busy());
        assertEquals(0, priority.pauseLeft(now));
        assertFalse(priority.yieldToWebhook());
    }
}
