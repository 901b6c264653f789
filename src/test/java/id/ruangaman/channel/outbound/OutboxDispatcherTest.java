package id.ruangaman.channel.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How many sends a channel keeps in flight: enough for its limit at the expected send time, within the bounds. */
class OutboxDispatcherTest {

    private static final Duration QUARTER_SECOND = Duration.ofMillis(250);

    @Test
    void shouldKeepAsManySendsInFlightAsTheLimitNeedsAtTheSendTime() {
        // 100/s with sends of 250 ms each: 25 must be under way at any moment, more than the 8 senders of old
        assertEquals(25, OutboxDispatcher.sendersFor(100, QUARTER_SECOND, 8, 128));
        assertEquals(20, OutboxDispatcher.sendersFor(80, QUARTER_SECOND, 8, 128));
        // a part of a send still needs a sender of its own
        assertEquals(21, OutboxDispatcher.sendersFor(81, QUARTER_SECOND, 8, 128));
        assertEquals(40, OutboxDispatcher.sendersFor(80, Duration.ofMillis(500), 8, 128));
    }

    @Test
    void shouldKeepTheConfiguredFewestAndMostSenders() {
        assertEquals(8, OutboxDispatcher.sendersFor(30, QUARTER_SECOND, 8, 128));
        assertEquals(128, OutboxDispatcher.sendersFor(1_000, QUARTER_SECOND, 8, 128));
        assertEquals(8, OutboxDispatcher.sendersFor(1_000, QUARTER_SECOND, 8, 4));
    }

    /**
     * While the webhook is congested a lane claims one message per turn: a batch would leave each of its senders waiting
     * with a leased message and going after the longest pause, past the yielding. Otherwise as many as are free.
     */
    @Test
    void shouldClaimOneMessageAtATimeWhileTheWebhookIsCongested() {
        assertEquals(1, OutboxDispatcher.claimRoom(60, true));
        assertEquals(0, OutboxDispatcher.claimRoom(0, true));
        assertEquals(60, OutboxDispatcher.claimRoom(60, false));
        assertEquals(100, OutboxDispatcher.claimRoom(128, false));
    }
}
