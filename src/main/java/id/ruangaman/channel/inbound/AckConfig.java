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
}
