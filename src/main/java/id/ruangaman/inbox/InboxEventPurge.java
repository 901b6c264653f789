package id.ruangaman.inbox;

import java.time.Clock;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import id.ruangaman.database.DbTimes;

/**
 * Deletes the live-update events older than {@link InboxConfig#liveEventRetention()} (default a day). Every change of
 * a case writes one ({@link InboxEventRecorder}); a page needs only those after it was rendered, so without this the
 * table grew with every message for ever.
 *
 * <p>Works from the oldest events by id, a thousand at a time, each batch its own short transaction (autocommit), and
 * stops at the first batch that is not all expired: ids and times rise together (an event's time is its transaction's
 * start), so the expired events are the table's first. An expired event behind a newer one is deleted by a later run.
 */
@ApplicationScoped
public class InboxEventPurge {

    private static final Logger LOG = Logger.getLogger(InboxEventPurge.class);
    static final int BATCH = 1000;
    private static final String DELETE = "with oldest as (select id from inbox_event order by id limit " + BATCH + ") "
            + "delete from inbox_event e using oldest where e.id = oldest.id and e.created_at < ?";

    private final DataSource dataSource;
    private final InboxConfig config;
    private final Clock clock;

    InboxEventPurge(DataSource dataSource, InboxConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1H", delayed = "5M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Deletes the expired events; returns how many. */
    public int purge() {
        Instant cutoff = Instant.now(clock).minus(config.liveEventRetention());
        int total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(DELETE)) {
            c.setAutoCommit(true);
            delete.setObject(1, DbTimes.parameter(cutoff));
            int batch;
            do {
                batch = delete.executeUpdate();
                total += batch;
            } while (batch == BATCH);
        } catch (SQLException e) {
            LOG.warnf("Old inbox events could not be deleted (%s); the next run tries again", e.getSQLState());
            return total;
        }
        if (total > 0) {
            LOG.infof("Deleted %d inbox events older than %s", total, config.liveEventRetention());
        }
        return total;
    }
}
