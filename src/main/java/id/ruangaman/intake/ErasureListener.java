package id.ruangaman.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears the erasures every replica commits and drops the erased person's kept session state here ({@link SessionStates}
 * holds answers decrypted in memory; the erasing replica drops its own at once, the others learn of it here).
 *
 * <p>How: the erasure sends {@code NOTIFY} {@value #CHANNEL} in its own transaction ({@link #announce}), so PostgreSQL
 * delivers it exactly when the erasure commits and never for one rolled back. The payload is the contact's internal
 * row id (a sequence number), never a platform id, name or anything the person sent: the same id the erasure's own
 * statements already carry, so a server logging statements with their parameters learns nothing new from it.
 *
 * <p>Durability: PostgreSQL keeps no notification for a listener that is not connected. So states are kept only while
 * this listener listens: when it starts listening (after {@code LISTEN}, so nothing is missed from then on) it drops
 * every kept state, erased meanwhile or not; when its connection fails, it drops them all again and nothing is kept until
 * it listens again ({@link SessionStates#hearing}). A connection that died silently is found by a check every
 * {@code check} without notifications ({@link Connection#isValid}, bounded by {@value #VALID_WITHIN_SECONDS} s).
 * Plain Java on one JDBC connection of its own, outside the pool.
 */
final class ErasureListener implements Runnable {

    /** The notification channel; its payload is the erased contact's id in decimal. */
    static final String CHANNEL = "ruangaman_erased";
    private static final int VALID_WITHIN_SECONDS = 5;
    /** While the connection stays lost, how often a WARN says so again. */
    static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(ErasureListener.class);

    /** Opens the listener's own connection. */
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final SessionStates states;
    private final Duration check;
    private final Duration retry;
    private volatile boolean stopped;
    private volatile boolean listening;
    private volatile Connection current;
    /** When the last failure was logged at WARN; 0 while listening. Only the listener's thread uses it. */
    private long lastWarnedNanos;

    /**
     * {@code check}: how long to wait for notifications before checking the connection; {@code retry}: the pause
     * before opening a new connection after one failed.
     */
    ErasureListener(Connector connector, SessionStates states, Duration check, Duration retry) {
        this.connector = connector;
        this.states = states;
        this.check = check;
        this.retry = retry;
    }

    /**
     * Tells every replica's listener that this contact was erased, once the caller's transaction commits. Runs on the
     * erasing transaction's connection.
     */
    static void announce(Connection connection, long contactId) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, Long.toString(contactId));
            notify.execute();
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            try (Connection connection = connector.open()) {
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                states.hearing(true);
                listening = true;
                if (lastWarnedNanos != 0) {
                    LOG.info("Erasure listener listens again; session states are kept again");
                    lastWarnedNanos = 0;
                }
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                lost();
                if (!stopped) {
                    warn(e);
                    pause();
                }
            } finally {
                current = null;
            }
        }
        lost();
    }

    /** Whether erasures are being heard now (tests). */
    boolean listening() {
        return listening;
    }

    /** Stops listening and closes the connection; returns at once. */
    void stop() {
        stopped = true;
        Connection connection = current;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        int waitMillis = (int) Math.min(Integer.MAX_VALUE, check.toMillis());
        while (!stopped) {
            PGNotification[] heard = postgres.getNotifications(waitMillis);
            if (heard != null && heard.length > 0) {
                for (PGNotification notification : heard) {
                    forget(notification.getParameter());
                }
            } else if (!stopped && !connection.isValid(VALID_WITHIN_SECONDS)) {
                throw new SQLException("listener connection no longer valid");
            }
        }
    }

    private void forget(String payload) {
        try {
            states.forget(Long.parseLong(payload));
        } catch (NumberFormatException e) {
            states.hearing(true); // not ours to read: drop everything rather than keep what may be erased
        }
    }

    /**
     * One WARN when the listener loses its connection and then at most one a minute while it stays lost (a database
     * outage would otherwise log a line every {@code retry}); the others at DEBUG. The exception's class only: a
     * driver message may name the host and user.
     */
    private void warn(Exception e) {
        long now = System.nanoTime();
        String line = "Erasure listener has no database connection (%s); kept session states dropped, none kept until "
                + "it listens again (next try in %d s)";
        if (lastWarnedNanos == 0 || now - lastWarnedNanos >= WARN_EVERY.toNanos()) {
            LOG.warnf(line, e.getClass().getSimpleName(), retry.toSeconds());
            lastWarnedNanos = now == 0 ? 1 : now;
        } else {
            LOG.debugf(line, e.getClass().getSimpleName(), retry.toSeconds());
        }
    }

    private void lost() {
        listening = false;
        states.hearing(false);
    }

    private void pause() {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
