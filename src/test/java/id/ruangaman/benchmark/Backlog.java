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
 * can leave the measurement's own cost out of its table and show it on a line of its own.
 *
 * <p>A periodic sample counts only small sets: the updates waiting (by {@code inbound_pending}, V156) and, where the
 * phase asks for them ({@link Counting}), the replies waiting. It no longer counts the updates processed in
 * {@code inbound_update}: that read the whole table, and in the open loop it took PostgreSQL 0.1-0.5 s of every second
 * as the table grew (issue 16, forty-fifth round), in the drains four times a second. A phase that sends updates
 * through the webhook gets them as the updates acknowledged less those waiting ({@link Sample#inboundProcessed}); a
 * sample taken by {@link #now} still counts them in the table.
 */
final class Backlog {

    /**
     * One sample. {@code inboundProcessed}: in a periodic sample of a phase with a webhook load, the updates acknowledged
     * (read before the waiting ones are counted) less those waiting; each acknowledged update was stored once (the open
     * loop checks it at its end), so this falls short of the updates processed only by those committed but not yet
     * answered at that moment. Counted in {@code inbound_update} in a sample taken by {@link #now}; -1 where not
     * counted. {@code telegramPending} and {@code whatsappPending}: -1 where the phase does not count replies.
     */
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

    /** What a periodic sample reads besides the updates waiting. */
    enum Counting {
        /**
         * Nothing more: a drain, whose replies wait for the outbound phase, and the outbound phase, whose full outbox took
         * about 190 ms a second to count (issue 16, forty-fifth round) and is counted by {@link #now} at its end.
         */
        UPDATES,
        /** The replies waiting per channel and Telegram's chats with replies waiting too (the open loop's replies' backlog). */
        UPDATES_AND_REPLIES
    }

    private final DataSource database;
    /** Updates the load generator has had answered 200; null in a phase that sends none while it is sampled. */
    private final LongSupplier acknowledged;
    private final Counting counting;
    private final BenchPlatforms platforms;
    private final long servicePid;
    private final Supplier<List<Long>> postgres;
    private final List<Sample> samples = new ArrayList<>();
    private ScheduledExecutorService timer;
    private long startedAt;

    /**
     * @param acknowledged the load generator's count of updates answered 200, or null where the phase sends none while
     *        it is sampled (its samples then count no updates processed)
     * @param counting what a periodic sample counts besides the updates waiting
     */
    Backlog(DataSource database, LongSupplier acknowledged, Counting counting, BenchPlatforms platforms, long servicePid,
            Supplier<List<Long>> postgres) {
        this.database = database;
        this.acknowledged = acknowledged;
        this.counting = counting;
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
        if (outboundToo && counting != Counting.UPDATES_AND_REPLIES) {
            throw new IllegalStateException("this backlog does not count the replies waiting");
        }
        long[] start = pending(counting);
        long began = System.nanoTime();
        long deadline = began + limit.toNanos();
        while (System.nanoTime() < deadline) {
            long[] now = pending(counting);
            if (now[0] == 0 && (!outboundToo || now[1] + now[2] == 0)) {
                return new Drain(start[0], start[1] + start[2], (System.nanoTime() - began) / 1e9, true);
            }
            Thread.sleep(pollMillis);
        }
        return new Drain(start[0], start[1] + start[2], (System.nanoTime() - began) / 1e9, false);
    }

    private void sample() {
        try {
            Sample sample = read(counting);
            synchronized (samples) {
                samples.add(sample);
            }
        } catch (RuntimeException missed) {
            // a sample lost to a busy database is a gap in the series, not the end of the run
        }
    }

    /**
     * One sample now, on the caller's thread: for a window measured from its two ends only, or a phase's last count. It
     * counts everything, whatever the periodic samples count: the replies waiting, and the updates processed in the
     * whole of {@code inbound_update}. Counted every second, such reads took about a third of the flat-out
     * acknowledgement's rate on two cores (issue 16, fortieth round), so no window carries them. Seconds count from the
     * first such sample or from {@link #start}.
     */
    Sample now() {
        if (startedAt == 0) {
            startedAt = System.nanoTime();
        }
        Sample sample = read(Counting.UPDATES_AND_REPLIES);
        return new Sample(sample.seconds(), sample.inboundPending(), processed(), sample.telegramPending(), sample.whatsappPending(),
                sample.acknowledged(), sample.telegramSent(), sample.whatsappSent(), sample.serviceRssMiB(), sample.serviceCpuSeconds(),
                sample.postgresCpuSeconds(), sample.driverCpuSeconds(), sample.telegramChats());
    }

    private Sample read(Counting what) {
        // read before the updates waiting are counted: every update it counts was stored by then
        long answered = acknowledged == null ? 0 : acknowledged.getAsLong();
        long[] pending = pending(what);
        return new Sample((System.nanoTime() - startedAt) / 1e9, pending[0], acknowledged == null ? -1 : answered - pending[0],
                pending[1], pending[2], answered, platforms.telegramSends().size(), platforms.whatsappSends().size(),
                ProcessSampler.rssMiB(servicePid), ProcessSampler.cpuSeconds(servicePid), ProcessSampler.cpuSeconds(postgres.get()),
                ProcessSampler.cpuSeconds(ProcessHandle.current().pid()),
                what == Counting.UPDATES_AND_REPLIES ? telegramChats() : Chats.UNKNOWN);
    }

    /**
     * Updates processed so far (done, ignored or failed), counted in the database itself: exact, but it reads the whole
     * of {@code inbound_update}, so only {@link #now} calls it: at a window's two ends, or at a phase's end.
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

    /**
     * Updates stored so far, processed or not: counted in the whole of {@code inbound_update}, for a check once a phase
     * is over, never while it is measured.
     */
    long stored() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select /* " + SAMPLER_TAG + " */ count(*) from inbound_update")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("stored count failed", e);
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

    /** Updates not yet processed, and replies not yet sent on Telegram and on WhatsApp (each -1 when not counted). */
    private long[] pending(Counting what) {
        if (what == Counting.UPDATES) {
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select /* " + SAMPLER_TAG + " */ count(*) from inbound_pending")) {
                rows.next();
                return new long[] { rows.getLong(1), -1, -1 };
            } catch (SQLException e) {
                throw new IllegalStateException("backlog query failed", e);
            }
        }
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select /* " + SAMPLER_TAG + " */ "
                        + "(select count(*) from inbound_pending), " // the updates still PENDING (V156), by their own small table
                        // both channels in one pass over the unsent messages (chat_message_unsent_contact_idx)
                        + "count(*) filter (where channel = 'TELEGRAM'), count(*) filter (where channel = 'WHATSAPP') "
                        + "from chat_message where direction = 'OUT' and status in ('PENDING', 'SENDING')")) {
            rows.next();
            return new long[] { rows.getLong(1), rows.getLong(2), rows.getLong(3) };
        } catch (SQLException e) {
            throw new IllegalStateException("backlog query failed", e);
        }
    }
}
