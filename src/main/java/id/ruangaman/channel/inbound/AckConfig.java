package id.ruangaman.channel.inbound;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the webhooks' acknowledgements are group-committed ({@link GroupCommit}): updates that arrive together are
 * stored in one statement and one commit, then all of them are answered.
 */
@ConfigMapping(prefix = "ruangaman.ack")
public interface AckConfig {

    /**
     * Updates (rows) that may wait for the committer (RUANGAMAN_ACK_QUEUE_BOUND). A request that would exceed it is
     * answered 503 with Retry-After at once, so a platform retries later instead of the service queueing without
     * limit while PostgreSQL is slow or away.
     */
    @WithDefault("4096")
    int queueBound();

    /**
     * Most rows in one multi-row insert (RUANGAMAN_ACK_MAX_BATCH); a single request larger than this is still
     * stored whole, in a batch of its own.
     */
    @WithDefault("512")
    int maxBatch();

    /**
     * Longest wait for PostgreSQL while storing a batch (RUANGAMAN_ACK_COMMIT_TIMEOUT): a connection that stops
     * answering (a half-open network path) fails the batch with 503 after this instead of holding every webhook.
     */
    @WithDefault("10S")
    Duration commitTimeout();

    /**
     * Longest single pause of processing and delivery while the webhook is busy (RUANGAMAN_ACK_YIELD_MAX_PAUSE;
     * {@link AckPriority}). Before each claim and each round of steps, an inbound worker (and each channel's outbound
     * lane before each claim) waits until no acknowledgement is waiting and the arrival rate is below
     * {@link #yieldAbove()}, but never longer than this: during a burst that never ends, every worker still does one
     * round per pause, so processing slows but never stops. Zero turns the yielding off. Keep it far below the claim
     * lease (RUANGAMAN_CHANNELS_INBOUND_CLAIM_LEASE, 30 s).
     */
    @WithDefault("200ms")
    Duration yieldMaxPause();

    /**
     * Webhook updates per second (counted over the last 100-200 ms) above which the webhook counts as busy even at a
     * moment when no request waits for its commit (RUANGAMAN_ACK_YIELD_ABOVE). Inside a burst the next request needs
     * the CPU as soon as it arrives, and a webhook starved of CPU has few requests waiting for the commit (they wait
     * for the CPU before it), so the rate is what brings it out: 40 starved connections still deliver 50-170/s
     * (measured). Keep it below what processing still does while it gives way, about inbound workers x claimed
     * contacts per {@link #yieldMaxPause()} (4 x 2 per 200 ms = 40 steps/s by default), so a steady load just above
     * it is still worked off. 20/s is far above a task force's daily load. Zero: only waiting requests count.
     */
    @WithDefault("20")
    int yieldAbove();
}
