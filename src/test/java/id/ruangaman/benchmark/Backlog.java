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
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Once a second during a run: what is waiting (updates not yet processed, replies not yet sent), what
 * has been acknowledged and delivered, and the CPU and memory of the service, of PostgreSQL and of
 * the load generator itself.
 */
final class Backlog {

    record Sample(double seconds, long inboundPending, long outboundPending, long acknowledged, long telegramSent, long whatsappSent,
            double serviceRssMiB, double serviceCpuSeconds, double postgresCpuSeconds, double driverCpuSeconds) {
    }

    /** How long the backlog left at the end of a run took to be worked off. */
    record Drain(long inboundAtStart, long outboundAtStart, double seconds, boolean complete) {
    }

    private final DataSource database;
    private final WebhookLoad load;
    private final BenchPlatforms platforms;
    private final long servicePid;
    private final Supplier<List<Long>> postgres;
    private final List<Sample> samples = new ArrayList<>();
    private ScheduledExecutorService timer;
    private long startedAt;

    Backlog(DataSource database, WebhookLoad load, BenchPlatforms platforms, long servicePid, Supplier<List<Long>> postgres) {
        this.database = database;
        this.load = load;
        this.platforms = platforms;
        this.servicePid = servicePid;
        this.postgres = postgres;
    }

    void start() {
        synchronized (samples) {
            samples.clear();
        }
        startedAt = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
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
        return drain(limit, 200);
    }

    /** Waits until every update is processed and every reply sent (used between single steps). */
    void awaitIdle(Duration limit) throws InterruptedException {
        if (!drain(limit, 20).complete()) {
            throw new IllegalStateException("the service did not become idle within " + limit);
        }
    }

    private Drain drain(Duration limit, long pollMillis) throws InterruptedException {
        long[] start = pending();
        long began = System.nanoTime();
        long deadline = began + limit.toNanos();
        while (System.nanoTime() < deadline) {
            long[] now = pending();
            if (now[0] == 0 && now[1] == 0) {
                return new Drain(start[0], start[1], (System.nanoTime() - began) / 1e9, true);
            }
            Thread.sleep(pollMillis);
        }
        return new Drain(start[0], start[1], (System.nanoTime() - began) / 1e9, false);
    }

    private void sample() {
        long[] pending = pending();
        Sample sample = new Sample((System.nanoTime() - startedAt) / 1e9, pending[0], pending[1], load.acknowledged(),
                platforms.telegramSends().size(), platforms.whatsappSends().size(), ProcessSampler.rssMiB(servicePid),
                ProcessSampler.cpuSeconds(servicePid), ProcessSampler.cpuSeconds(postgres.get()),
                ProcessSampler.cpuSeconds(ProcessHandle.current().pid()));
        synchronized (samples) {
            samples.add(sample);
        }
    }

    /** Updates not yet processed and replies not yet sent. */
    private long[] pending() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select (select count(*) from inbound_update where status = 'PENDING'), "
                        + "(select count(*) from chat_message where direction = 'OUT' and status in ('PENDING', 'SENDING'))")) {
            rows.next();
            return new long[] { rows.getLong(1), rows.getLong(2) };
        } catch (SQLException e) {
            throw new IllegalStateException("backlog query failed", e);
        }
    }
}
