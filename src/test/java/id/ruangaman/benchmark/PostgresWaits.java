package id.ruangaman.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * What one phase's PostgreSQL backends were doing, and what its write-ahead log cost: the side of the profile that
 * {@code pg_stat_statements} does not show, because a statement's execution time leaves out the wait at {@code COMMIT}
 * for the WAL to reach the disk ({@code synchronous_commit=on}) and the time a transaction stays open while the
 * service works between its statements.
 *
 * <p>A thread with one connection of its own reads {@code pg_stat_activity} every {@code every} (0.1 s) for the
 * phase's database and counts each client backend that is active or idle in a transaction by {@link #classify what it
 * is doing}. The table gives each kind as backends on average (its count over the number of reads; 1.00 is one
 * backend all the time). {@code pg_stat_wal} (cluster-wide, so it covers only this phase when nothing else runs) is
 * read at the start and at {@link #stop}; {@code track_wal_io_timing} must be on for its sync time. Sources: the
 * PostgreSQL 16 documentation, "The Cumulative Statistics System" (pg_stat_activity's wait events, pg_stat_wal).
 */
final class PostgresWaits implements AutoCloseable {

    private static final Pattern TARGET = Pattern.compile("^(with\\b.*?\\b)?(insert into|update|delete from|select\\b.*?\\bfrom)\\s+([a-z_]+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final DataSource admin;
    private final String database;
    private final long everyMillis;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Wal before;
    private final long startedNanos = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;
    private int reads;
    private Wal after;
    private long stoppedNanos;

    private PostgresWaits(DataSource admin, String database, Duration every) throws SQLException {
        this.admin = admin;
        this.database = database;
        this.everyMillis = every.toMillis();
        this.before = Wal.read(admin);
        this.thread = new Thread(this::sample, "bench-postgres-waits");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts sampling {@code database}'s backends every {@code every}, and takes the WAL counters' starting point. */
    static PostgresWaits start(DataSource admin, String database, Duration every) throws SQLException {
        return new PostgresWaits(admin, database, every);
    }

    /** Stops sampling and takes the WAL counters' end point; the figures are then fixed. */
    void stop() throws SQLException, InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        thread.join();
        stoppedNanos = System.nanoTime();
        after = Wal.read(admin);
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        stop();
    }

    private void sample() {
        try (Connection connection = admin.getConnection();
                PreparedStatement read = connection.prepareStatement("select /* " + Backlog.SAMPLER_TAG + " */ state, wait_event_type, "
                        + "wait_event, left(query, 200) from pg_stat_activity where datname = ? and backend_type = 'client backend' "
                        + "and pid <> pg_backend_pid() and state in ('active', 'idle in transaction') and query not like '%"
                        + Backlog.SAMPLER_TAG + "%'")) {
            read.setString(1, database);
            while (running) {
                try (ResultSet rows = read.executeQuery()) {
                    synchronized (counts) {
                        reads++;
                        while (rows.next()) {
                            counts.merge(classify(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)), 1, Integer::sum);
                        }
                    }
                }
                Thread.sleep(everyMillis);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sampling pg_stat_activity failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One backend's state as a line of the table: "idle in transaction (the service works between statements)";
     * "COMMIT: waiting for the WAL to be flushed" (the wait events {@code IO:WALSync}, {@code IO:WALWrite},
     * {@code LWLock:WALWrite} and WAL file initialisation at a commit); otherwise the statement's verb and table,
     * "on CPU" when no wait event is set, else the wait event (for example "insert into chat_message: LWLock:WALInsert").
     */
    static String classify(String state, String waitType, String waitEvent, String query) {
        if ("idle in transaction".equals(state)) {
            return "idle in transaction (the service works between statements)";
        }
        String statement = statement(query);
        if (waitType == null) {
            return statement + ": on CPU";
        }
        String event = waitType + ":" + waitEvent;
        if (statement.equals("COMMIT") && (event.startsWith("IO:WAL") || event.equals("LWLock:WALWrite"))) {
            return "COMMIT: waiting for the WAL to be flushed";
        }
        return statement + ": " + event;
    }

    /** A statement as its verb and first table ("update inbound_update", "select from contact"), or its first word. */
    static String statement(String query) {
        String text = query == null ? "" : query.strip();
        text = text.replaceAll("^/\\*.*?\\*/\\s*", "");
        Matcher target = TARGET.matcher(text);
        if (target.find()) {
            String verb = target.group(2).toLowerCase(Locale.ROOT);
            verb = verb.startsWith("select") ? "select from" : verb;
            return (target.group(1) == null ? "" : "with … ") + verb + " " + target.group(3).toLowerCase(Locale.ROOT);
        }
        String first = text.split("\\s+", 2)[0];
        return first.isEmpty() ? "(no statement)" : first.toUpperCase(Locale.ROOT);
    }

    /** The backends' table, top {@code top} lines by count, as Markdown. */
    String backends(int top) {
        synchronized (counts) {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder out = new StringBuilder(String.format("%d reads in %.1f s; %.2f backends active or in a transaction on average.%n%n",
                    reads, seconds(), reads == 0 ? 0.0 : total / (double) reads));
            out.append("| What the backend was doing | Backends on average | Share |\n|---|---:|---:|\n");
            counts.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(top)
                    .forEach(line -> out.append(String.format("| %s | %.2f | %.0f%% |%n", line.getKey(), line.getValue() / (double) reads,
                            100.0 * line.getValue() / total)));
            return out.toString();
        }
    }

    /** The WAL written and flushed between the start and {@link #stop}, per update ({@code steps}: updates processed or offered) when that is above 0. */
    String wal(long steps) {
        if (after == null) {
            throw new IllegalStateException("stop() first");
        }
        return after.minus(before).describe(seconds(), steps);
    }

    private double seconds() {
        return ((stoppedNanos == 0 ? System.nanoTime() : stoppedNanos) - startedNanos) / 1e9;
    }

    /** Counters of {@code pg_stat_wal}; times in milliseconds. */
    record Wal(long records, long fullPageImages, long bytes, long buffersFull, long writes, long syncs, double writeMillis, double syncMillis) {

        static Wal read(DataSource admin) throws SQLException {
            try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("select wal_records, wal_fpi, wal_bytes, wal_buffers_full, wal_write, wal_sync, "
                            + "wal_write_time, wal_sync_time from pg_stat_wal")) {
                row.next();
                return new Wal(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6),
                        row.getDouble(7), row.getDouble(8));
            }
        }

        Wal minus(Wal earlier) {
            return new Wal(records - earlier.records, fullPageImages - earlier.fullPageImages, bytes - earlier.bytes,
                    buffersFull - earlier.buffersFull, writes - earlier.writes, syncs - earlier.syncs, writeMillis - earlier.writeMillis,
                    syncMillis - earlier.syncMillis);
        }

        /** As Markdown lines; the sync time's share is of the wall time {@code seconds}. */
        String describe(double seconds, long steps) {
            StringBuilder out = new StringBuilder();
            out.append(String.format("- Written: %,d records, %,d full-page images, %.1f MiB (%.2f MiB/s)", records, fullPageImages,
                    bytes / 1048576.0, bytes / 1048576.0 / Math.max(0.001, seconds)));
            if (steps > 0) {
                out.append(String.format("; per update %,.0f bytes and %.1f records", bytes / (double) steps, records / (double) steps));
            }
            out.append(String.format("%n- Flushed: %,d syncs (%.1f a second), %.0f ms in them: %.0f%% of the %.1f s; mean %.2f ms a sync%n",
                    syncs, syncs / Math.max(0.001, seconds), syncMillis, 100 * syncMillis / 1000 / Math.max(0.001, seconds), seconds,
                    syncs == 0 ? 0.0 : syncMillis / syncs));
            out.append(String.format("- Writes: %,d (%.0f ms); WAL buffers full %,d times%n", writes, writeMillis, buffersFull));
            return out.toString();
        }
    }
}
