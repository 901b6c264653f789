package id.ruangaman.channel.inbound;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import id.ruangaman.channel.ChannelsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Empties the raw payload of every update processed longer ago than
 * {@code ruangaman.channels.raw-payload-retention} (default 7 days), and with it the blind indexes of the people it
 * was from or about ({@code contact_hash}, {@code subject_hash}). A payload holds the person's words and number as the
 * platform sent them and is needed only until it is processed; the hashes only order and find updates that still hold
 * one (the queue reads {@code inbound_pending}, a redelivery is recognised by its platform id alone, and an erasure
 * needs only the rows that still hold a payload: V184). The row keeps its platform id and status, so a redelivery is
 * still recognised as a duplicate. Pending updates are never touched. Runs in batches so one run never holds a long
 * transaction. Found through the index on {@code received_at} (V156: no index of {@code inbound_update} covers
 * {@code processed_at} or {@code status}, so marking an update processed can be a HOT update); an update is processed
 * after it is received, so every update processed before the cut-off was received before it. Both statements take the
 * oldest first ({@code order by received_at}): without it PostgreSQL, which estimates that most rows are older than the
 * cut-off, reads the whole table looking for a batch that is not there (2 million rows: 97 000 pages a run instead of 2;
 * docs/benchmark.md "Erasure on a large instance").
 *
 * <p>Then it deletes, past the same retention, every WhatsApp update that keeps nothing but its platform id (no payload,
 * no hash of a person's id: since the retention empties both, every processed WhatsApp update past it). That id is a
 * keyed hash of a wamid, which embeds a phone number; no erasure could find the row by the person any more, and it is
 * needed only while Meta may redeliver the update (up to 7 days). Telegram's update ids carry no identity, so their rows
 * stay and a late redelivery is still absorbed. Found through {@code inbound_update_shell_idx} (V180).
 */
@ApplicationScoped
public class RawPayloadPurge {

    private static final Logger LOG = Logger.getLogger(RawPayloadPurge.class);
    private static final int BATCH = 1000;

    private final EntityManager em;
    private final ChannelsConfig config;
    private final Clock clock;

    RawPayloadPurge(EntityManager em, ChannelsConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${ruangaman.channels.raw-payload-purge-every:1H}", delayed = "1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /**
     * Empties expired payloads with their hashes and deletes expired WhatsApp shells; returns how many payloads were
     * emptied.
     */
    public int purge() {
        Instant cutoff = Instant.now(clock).minus(config.rawPayloadRetention());
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "update inbound_update set payload = null, contact_hash = null, subject_hash = null where id in (select id "
                    + "from inbound_update where payload is not null and received_at < ?1 and status <> 'PENDING' "
                    + "and processed_at < ?1 order by received_at limit ?2 for update skip locked)")
                    .setParameter(1, cutoff).setParameter(2, BATCH).executeUpdate());
            total += batch;
        } while (batch == BATCH);
        if (total > 0) {
            LOG.infof("Raw payloads of %d processed updates emptied (older than %s)", total, config.rawPayloadRetention());
        }
        int deleted = 0;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "delete from inbound_update where id in (select id from inbound_update where channel = 'WHATSAPP' "
                    + "and payload is null and contact_hash is null and subject_hash is null and received_at < ?1 "
                    + "and status <> 'PENDING' and processed_at < ?1 order by received_at limit ?2 for update skip locked)")
                    .setParameter(1, cutoff).setParameter(2, BATCH).executeUpdate());
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            LOG.infof("%d processed WhatsApp updates that kept only their platform id deleted (older than %s)", deleted,
                    config.rawPayloadRetention());
        }
        return total;
    }
}
