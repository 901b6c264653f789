package id.ruangaman.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Samples one phase at a fixed interval: what is waiting (updates not yet processed, replies not yet sent, per
 * channel), what has been acknowledged and delivered, and the CPU and memory of the service, of PostgreSQL and
 * of the load generator itself. Its query carries the comment {@code bench-sampler} so the PostgreSQL profile
 * can leave the measurement's own cost out.
 */
final class Backlog {

    record Sample(double seconds, long inboundPending, long inboundProcessed, long telegramPending, long whatsappPending, long acknowledged, long telegramSent,
            long whatsappSent, double serviceRssMiB, double serviceCpuSeconds, double postgresCpuSeconds, double driverCpuSeconds,
            Chats telegramChats) {

        long outboundPending() {
            return telegramPending + whatsappPending;
        }
    }

    /**
     * Telegram's chats with replies waiting, by their row in {@code outbound_queue} (V97): {@code due}, may be claimed
     * now and no sender holds them (waiting for the lane); {@code sending}, a sender holds them under a lease;
     * {@code later}, not due yet (at their per-chat pace, or a retry). Tells a lane short of senders or claims from
     * chats held by their own pace (issue 16, twenty-seventh round).
     */
    record Chats(long due, long sending, long later) {
        static final Chats UNKNOWN = new Chats(-1, -1, -1);
    }

    /** How long the backlog left at the end of a run took to be worked off. */
    record Drain(long inboundAtStart, long outboundAtStart, double seconds, boolean complete) {
    }

    static final String SAMPLER_TAG = "bench-sampler";

    private final DataSource database;
    private final LongSupplier acknowledged;
    private final BenchPlatforms platforms;
    private final long servicePid;
    private final Supplier<List<Long>> postgres;
    private final List<Sample> samples = new ArrayList<>();
    private ScheduledExecutorService timer;
    private long startedAt;

    Backlog(DataSource database, LongSupplier acknowledged, BenchPlatforms platforms, long servicePid, Supplier<List<Long>> postgres) {
        this.database = database;
        this.acknowledged = acknowledged;
        this.platforms = platforms;
        this.servicePid = servicePid;
        this.postgres = postgres;
    }

    /** Starts sampling now (time zero of the samples), every {@code interval}. */
    void start(Duration interval) {
        synchronized (samples) {
            samples.clear();
        }
        startedAt = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** System.nanoTime() at time zero of the samples. */
    long startedAt() {
        return startedAt;
    }

    List<Sample> stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Waits until nothing is waiting any more, up to the limit. */
    Drain drain(Duration limit) throws InterruptedException {
        return drain(limit, 200, true);
    }

    /** Waits until no update is waiting any more (replies may still be), up to the limit. */
    Drain drainInbound(Duration limit, long pollMillis) throws InterruptedException {
        return drain(limit, pollMillis, false);
    }

    /** Waits until every update is processed and every reply sent (used between single steps). */
    void awaitIdle(Duration limit) throws InterruptedException {
        if (!drain(limit, 20, true).complete()) {
            throw new IllegalStateException("the service did not become idle within " + limit);
        }
    }

    private Drain drain(Duration limit, long pollMillis, boolean outboundToo) throws InterruptedException {
        long[] start = pending();
        long began = System.nanoTime();
        long deadline = began + limit.toNanos();
        while (System.nanoTime() < deadline) {
            long[] now = pending();
            if (now[0] == 0 && (!outboundToo || now[1] + now[2] == 0)) {
                return new Drain(start[0], start[1] + start[2], (System.nanoTime() - began) / 1e9, true);
            }
            Thread.sleep(pollMillis);
        }
        return new Drain(start[0], start[1] + start[2], (System.nanoTime() - began) / 1e9, false);
    }

    private void sample() {
        try {
            Sample sample = read();
            synchronized (samples) {
                samples.add(sample);
            }
        } catch (RuntimeException missed) {
            // a sample lost to a busy database is a gap in the series, not the end of the run
        }
    }

    /**
     * One sample now, on the caller's thread, for a window measured from its two ends only. The periodic sampler's
     * queries count whole tables every second: with a backlog of 100,000 updates and more it took about a third of the
     * flat-out acknowledgement's rate on two cores (issue 16, fortieth round). Seconds count from the first such sample
     * or from {@link #start}.
     */
    Sample now() {
        if (startedAt == 0) {
            startedAt = System.nanoTime();
        }
        return read();
    }

    private Sample read() {
        long[] pending = pending();
        return new Sample((System.nanoTime() - startedAt) / 1e9, pending[0], processed(), pending[1], pending[2], acknowledged.getAsLong(),
                platforms.telegramSends().size(), platforms.whatsappSends().size(), ProcessSampler.rssMiB(servicePid),
                ProcessSampler.cpuSeconds(servicePid), ProcessSampler.cpuSeconds(postgres.get()),
                ProcessSampler.cpuSeconds(ProcessHandle.current().pid()), telegramChats());
    }

    /**
     * Updates processed so far (done, ignored or failed), counted in the database itself rather than as acknowledged
     * minus waiting, which mixes the load generator's count with the database's at slightly different moments.
     */
    private long processed() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select /* " + SAMPLER_TAG + " */ count(*) from inbound_update "
                        + "where status <> 'PENDING'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("processed count failed", e);
        }
    }

    /** Telegram's chats with replies waiting, by the state of their queue row ({@link Chats}). */
    private Chats telegramChats() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select /* " + SAMPLER_TAG + " */ "
                        + "count(*) filter (where leased_until >= now()), "
                        + "count(*) filter (where (leased_until is null or leased_until < now()) and due_at <= now()), "
                        + "count(*) filter (where (leased_until is null or leased_until < now()) and due_at > now()) "
                        + "from outbound_queue where channel = 'TELEGRAM'")) {
            rows.next();
            return new Chats(rows.getLong(2), rows.getLong(1), rows.getLong(3));
        } catch (SQLException e) {
            return Chats.UNKNOWN; // a gap in this column only
        }
    }

    /** Updates not yet processed, and replies not yet sent on Telegram and on WhatsApp. */
    private long[] pending() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select /* " + SAMPLER_TAG + " */ "
                        + "(select count(*) from inbound_pending), " // the updates still PENDING (V156), by their own small table
                        + "(select count(*) from chat_message where direction = 'OUT' and status in ('PENDING', 'SENDING') "
                        + "and channel = 'TELEGRAM'), "
                        + "(select count(*) from chat_message where direction = 'OUT' and status in ('PENDING', 'SENDING') "
                        + "and channel = 'WHATSAPP')")) {
            rows.next();
            return new long[] { rows.getLong(1), rows.getLong(2), rows.getLong(3) };
        } catch (SQLException e) {
            throw new IllegalStateException("backlog query failed", e);
        }
    }
}
