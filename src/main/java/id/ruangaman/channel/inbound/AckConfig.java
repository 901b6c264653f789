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
     * Longest single wait of processing or delivery while the webhook is congested (RUANGAMAN_ACK_YIELD_MAX_PAUSE;
     * {@link AckPriority}). Before each claim, each round of steps and each send, an inbound worker or an outbound
     * thread waits while the webhook is congested; all of them together then go on one unit of work at a time (one
     * every 20 ms), and none waits longer than this, so processing slows but never stops. A worker may wait between the
     * contacts of a round, inside its transaction, so this also bounds how long that transaction is held open per
     * contact. Zero turns the yielding off.
     * Keep it far below the claim lease (RUANGAMAN_CHANNELS_INBOUND_CLAIM_LEASE, 30 s) and the send lease
     * (RUANGAMAN_CHANNELS_SEND_LEASE, 60 s).
     */
    @WithDefault("500ms")
    Duration yieldMaxPause();

    /**
     * How late the event loop may run, while webhooks arrive, before processing and delivery give way
     * (RUANGAMAN_ACK_YIELD_LAG). The event loop reads and answers the webhooks; when it waits longer than this for a
     * core at two ticks of its probe in a row, the acknowledgements are slowing down (one late tick is a routine
     * scheduling delay on a busy machine). A steady load that leaves the event loop on time never pauses
     * processing. Lower keeps the webhook's latency lower and costs processing more pauses in a burst.
     */
    @WithDefault("10ms")
    Duration yieldLag();
}
