package id.ruangaman.benchmark;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.FlowLoader;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The load benchmark of issue 16 (run with {@code ./mvnw -Pbenchmark verify}; method in docs/benchmark.md): the
 * packaged service on a durable PostgreSQL, fake platforms answering its sends, and in the same run the ceilings
 * every figure is compared with. Phases, each on its own fresh database: the ceilings; the webhook flat out with
 * processing running; the drain of a pre-loaded backlog with the webhook idle; outbound against a full outbox;
 * the open-loop sustained run; restarts for the start-up time; the inbox list. Writes one results table to
 * {@code target/benchmark/results.md}. Knobs are system properties ({@code -Dbenchmark.*}).
 */
class LoadBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("benchmark.connections", 40);
    private static final int CEILING_SECONDS = Integer.getInteger("benchmark.ceiling-seconds", 10);
    private static final int WARM_SECONDS = Integer.getInteger("benchmark.warm-seconds", 5);
    private static final int ACK_SECONDS = Integer.getInteger("benchmark.ack-seconds", 10);
    /** Flat-out load between the acknowledgement's cold window and its warm (goal) window. */
    private static final int ACK_REWARM_SECONDS = Integer.getInteger("benchmark.ack-rewarm-seconds", 20);
    private static final int ACK_CHATS = Integer.getInteger("benchmark.ack-chats", 5_000);
    /**
     * The most acknowledgements a second the flat-out phase renders updates for in advance (all six of its stretches at
     * this rate), so the load generator does no rendering while it measures ({@link TelegramUpdateSupply}).
     */
    private static final int ACK_RENDER_PER_SECOND = Integer.getInteger("benchmark.ack-render-per-second", 12_000);
    /** Flat-out load between starting the flight recording and the recorded window, unmeasured. */
    private static final int ACK_RECORD_SETTLE_SECONDS = Integer.getInteger("benchmark.ack-record-settle-seconds", 3);
    private static final int DRAIN_PEOPLE = Math.max(CONNECTIONS, Integer.getInteger("benchmark.drain-people", 1_000));
    private static final int DRAIN_SECONDS = Integer.getInteger("benchmark.drain-seconds", 120);
    /** The drain's first seconds, the fresh JVM's warm-up, left out of the sustained (goal) rate. */
    private static final int DRAIN_WARM_SECONDS = Integer.getInteger("benchmark.drain-warm-seconds", 20);
    private static final int OUTBOUND_SECONDS = Integer.getInteger("benchmark.outbound-seconds", 15);
    /**
     * Goal 3's window starts this long after a channel's first send: the sustained rate from a backlog, once the fresh JVM
     * has sent for a while (its holds and unused slots settled 13-21 s after the first send in the forty-fourth round's
     * runs). The fresh instance's first seconds are reported on lines of their own, and so is the window after
     * {@link #WARM_SECONDS} that goal 3's line measured up to that round.
     */
    private static final int OUTBOUND_WARM_SECONDS = Integer.getInteger("benchmark.outbound-warm-seconds", 20);
    /**
     * The outbound phase's flight recording (its profile), in seconds: taken after both channels' measured windows,
     * while the outbox still holds a backlog, so the goal's windows run unrecorded as goal 1's warm window and the open
     * loop do. Started from ready, the recording's own start-up and sampling ran through the fresh JVM's first sends.
     */
    private static final int OUTBOUND_RECORD_SECONDS = Integer.getInteger("benchmark.outbound-record-seconds", 10);
    /** Records the outbound phase from ready instead, through its measured windows (as before issue 16's forty-second round). */
    private static final boolean OUTBOUND_RECORD_WINDOW = Boolean.getBoolean("benchmark.outbound-record-window");
    /** The rate limiter's window beyond one second ({@code RateLimiter.WINDOW_NANOS}: 1.001 s), in seconds. */
    private static final double RATE_WINDOW_SECONDS_PAST_ONE = 0.001;
    private static final int TELEGRAM_LIMIT = Integer.getInteger("benchmark.telegram-per-second", 100);
    private static final int WHATSAPP_LIMIT = Integer.getInteger("benchmark.whatsapp-per-second", 80);
    private static final int OPEN_LIMIT = Integer.getInteger("benchmark.open-loop-per-second", 1_000);
    private static final int RATE = Integer.getInteger("benchmark.rate", 500);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 60);
    private static final double THINK_SECONDS = Double.parseDouble(System.getProperty("benchmark.think-seconds", "1.5"));
    private static final int WHATSAPP_EVERY = Integer.getInteger("benchmark.whatsapp-every", 5);
    private static final int WARM_RATE = Integer.getInteger("benchmark.warm-rate", 150);
    /**
     * The open loop's warm-up at {@link #WARM_RATE}, in seconds, after its ramp (one intake step a second per person, so
     * 31 s). Goal 2's open loop is a sustained rate, so it is measured on a service that has carried the intake's load
     * for a while: after 5 s the compiler threads took a fifth of a core through the measured window, two to three minutes
     * after the JVM's start, and processing was 360-386 updates a second (three runs) against 473-514 after 60 s (two
     * runs; issue 16, forty-first round). A fresh replica under this load runs that much slower for its first minutes;
     * {@code -Dbenchmark.open-warm-seconds=5} measures it.
     */
    private static final int OPEN_WARM_SECONDS = Integer.getInteger("benchmark.open-warm-seconds", 60);
    private static final int STARTUPS = Math.max(1, Integer.getInteger("benchmark.startups", 3));
    private static final int STORED_REVISIONS = Integer.getInteger("benchmark.stored-revisions", 20);
    private static final int CASES = Integer.getInteger("benchmark.cases", 100_000);
    private static final int INBOX_REQUESTS = Integer.getInteger("benchmark.inbox-requests", 300);
    private static final int PROFILE_TOP = Integer.getInteger("benchmark.profile-top", 10);
    /** How often {@link PostgresWaits} reads what PostgreSQL's backends are doing. */
    private static final Duration WAITS_EVERY = Duration.ofMillis(100);
    /**
     * Phases to run, comma-separated: {@code pgbench} (the database ceiling), {@code ack} (the trivial endpoint and the
     * acknowledgement), {@code drain} (the drain, then outbound), {@code open} (the open loop, start-up and the inbox
     * list). All of them by default; a subset is for working on one goal, and its table leaves the others out.
     */
    static final Set<String> PHASES = phases(System.getProperty("benchmark.phases", "pgbench,ack,drain,open"));
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(Integer.getInteger("benchmark.drain-minutes", 2));
    /** Extra service settings for experiments, as {@code NAME=value,NAME=value}; they apply to every phase. */
    private static final Map<String, String> EXTRA = settings(System.getProperty("benchmark.env", ""));

    /**
     * Extra PostgreSQL settings for experiments, as {@code name=value,name=value} (such as {@code commit_delay=1000}), set on
     * the embedded server after the benchmark's own; the results' header lists them.
     */
    private static final Map<String, String> POSTGRES_EXTRA = settings(System.getProperty("benchmark.postgres-settings", ""));

    /** {@code NAME=value,NAME=value} in order, names and values trimmed; a pair without {@code =} or a name is left out, a repeated name's last value wins. */
    static Map<String, String> settings(String pairs) {
        return Arrays.stream(pairs.split(",")).filter(pair -> pair.indexOf('=') > 0 && !pair.substring(0, pair.indexOf('=')).isBlank())
                .collect(Collectors.toMap(
                pair -> pair.substring(0, pair.indexOf('=')).trim(), pair -> pair.substring(pair.indexOf('=') + 1).trim(),
                (first, last) -> last, java.util.LinkedHashMap::new));
    }

    /** Goals of issue 16. */
    static final double ACK_GOAL_PER_SECOND = 5_000;
    static final double WEBHOOK_P99_GOAL_MILLIS = 50;
    static final double DRAIN_GOAL_PER_SECOND = 1_000;
    static final double END_TO_END_P99_GOAL_MILLIS = 1_000;
    /** A backlog is flat when it grows by at most this share of the offered rate. */
    static final double FLAT_SHARE = 0.01;
    static final double LIMIT_TOLERANCE = 0.02;
    static final double RSS_GOAL_MB = 400;
    static final double START_GOAL_SECONDS = 3;
    static final double INBOX_P95_GOAL_MILLIS = 100;
    /** The service's per-chat limits (defaults of TELEGRAM_PER_CHAT_* and WHATSAPP_PER_USER_*). */
    static final int TELEGRAM_CHAT_BURST = 3;
    static final Duration TELEGRAM_CHAT_WINDOW = Duration.ofSeconds(3);
    static final int WHATSAPP_USER_BURST = 45;
    static final Duration WHATSAPP_USER_WINDOW = Duration.ofSeconds(270);

    private static final Path OUT = Path.of("target", "benchmark");
    private static final long SECOND = 1_000_000_000L;

    private final BenchReport report = new BenchReport();
    private final ResultsTable table = report.table();
    private final List<BenchPlatforms> allPlatforms = new ArrayList<>();
    private double firstStartSeconds = Double.NaN;
    private double migratedStartSeconds = Double.NaN;
    private double trivialP99 = Double.NaN;
    /** Set when any outbound count went above its configured limit: the one failure that fails the build. */
    private boolean wentAbove;

    private EmbeddedPostgres postgres;
    private DataSource admin;
    private Supplier<List<Long>> postgresProcesses;
    private Vertx vertx;

    /**
     * Empties {@link #OUT} of an earlier run's results table and flight recordings, so a run that stops halfway never
     * leaves the last run's results looking like its own.
     */
    private static void emptyResults() throws IOException {
        Files.createDirectories(OUT);
        try (Stream<Path> files = Files.list(OUT)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void measure() throws Exception {
        emptyResults();
        Path dataDirectory = Files.createTempDirectory("benchmark-postgres");
        long began = System.nanoTime();
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .setServerConfig("shared_buffers", "256MB").setServerConfig("max_connections", "300").setServerConfig("track_wal_io_timing", "on")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements");
        POSTGRES_EXTRA.forEach(server::setServerConfig);
        try (EmbeddedPostgres started = server.start()) {
            postgres = started;
            admin = postgres.getPostgresDatabase();
            execute(admin, "create extension pg_stat_statements");
            postgresProcesses = ProcessSampler.postgresProcesses(dataDirectory);
            report.machine(admin);
            if (!POSTGRES_EXTRA.isEmpty()) {
                List<String> added = new ArrayList<>();
                for (String name : POSTGRES_EXTRA.keySet()) {
                    added.add(name + "=" + show(admin, name)); // as the server took it
                }
                report.setting("PostgreSQL settings added for this run (`benchmark.postgres-settings`): " + String.join(", ", added));
            }
            report.setting("Service: the packaged jar, " + ServiceUnderTest.launch()
                    + ", configured through the environment as in production; "
                    + "phase settings below" + (EXTRA.isEmpty() ? "" : "; extra settings " + EXTRA));
            report.setting("Load: Vert.x HTTP/1.1 client, " + CONNECTIONS + " keep-alive connections (Telegram's default "
                    + "`max_connections`); every " + WHATSAPP_EVERY + "th person writes on WhatsApp where the phase mixes channels");
            vertx = Vertx.vertx();
            try {
                if (PHASES.contains("pgbench")) {
                    pgbenchCeiling();
                }
                if (PHASES.contains("ack")) {
                    acknowledgement();
                }
                if (PHASES.contains("drain")) {
                    drainAndOutbound();
                }
                if (PHASES.contains("open")) {
                    sustainedAndStartUp();
                }
                outboundPerChat();
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get();
            }
        }
        report.setting(String.format("The whole run took %.1f minutes", (System.nanoTime() - began) / 60e9));
        Path results = OUT.resolve("results.md");
        Files.writeString(results, report.markdown());
        System.out.println(report.markdown());
        System.out.println("[benchmark] results written to " + results.toAbsolutePath());
        assertFalse(wentAbove, "outbound went above a configured limit; see " + results);
    }

    /** Ceiling 2 first, while the machine is idle: PostgreSQL's own durable single-row insert at the webhook's concurrency. */
    private void pgbenchCeiling() throws Exception {
        progress("ceiling: pgbench");
        if (!PgBench.available()) {
            table.pgbenchCeiling(Double.NaN, "not measured: /usr/bin/pgbench is not installed");
            return;
        }
        DataSource database = createDatabase("bench_pgbench");
        execute(database, "create table bench_insert (id bigserial primary key, contact_hash bytea, payload bytea, "
                + "received_at timestamptz not null)");
        PgBench.Result result = PgBench.run(postgres.getPort(), "bench_pgbench", CONNECTIONS, CEILING_SECONDS);
        table.pgbenchCeiling(result.tps(), String.format("%,.0f tps; average latency %.1f ms (%d clients, %d s, %s)", result.tps(),
                result.averageLatencyMillis(), CONNECTIONS, CEILING_SECONDS, result.version()));
    }

    /** Ceiling 1 and goal 1: the trivial endpoint, then the webhook flat out with processing running. */
    private void acknowledgement() throws Exception {
        progress("ceiling: trivial endpoint, then the acknowledgement flat out");
        DataSource database = createDatabase("bench_ack");
        try (BenchPlatforms platforms = platforms();
                ServiceUnderTest service = service("bench_ack", platforms, Map.of("TELEGRAM_MAX_PER_SECOND", String.valueOf(OPEN_LIMIT),
                        "WHATSAPP_MAX_PER_SECOND", String.valueOf(OPEN_LIMIT)));
                WebhookLoad load = new WebhookLoad(vertx, service.port(), CONNECTIONS)) {
            firstStartSeconds = service.startToReadySeconds();
            Duration warm = Duration.ofSeconds(WARM_SECONDS);
            load.closedLoop(() -> WebhookLoad.Request.get("/q/health/live"), CONNECTIONS, warm);
            List<WebhookLoad.Outcome> trivial = load.closedLoop(() -> WebhookLoad.Request.get("/q/health/live"), CONNECTIONS,
                    Duration.ofSeconds(CEILING_SECONDS));
            Latencies trivialLatencies = ok(trivial);
            double trivialRate = trivialLatencies.count() / (double) CEILING_SECONDS;
            trivialP99 = trivialLatencies.p99();
            table.trivialCeiling(trivialRate, String.format("%,.0f req/s; %s; %d not 200", trivialRate, trivialLatencies.summary(),
                    trivial.size() - trivialLatencies.count()));

            int ackSeconds = WARM_SECONDS + ACK_SECONDS + ACK_REWARM_SECONDS + ACK_SECONDS + ACK_RECORD_SETTLE_SECONDS + ACK_SECONDS;
            int walks = (int) Math.max(1, Math.ceil((double) ACK_RENDER_PER_SECOND * ackSeconds / ((long) ACK_CHATS * IntakeScripts.length())));
            long renderStarted = System.nanoTime();
            TelegramUpdateSupply updates = new TelegramUpdateSupply(ACK_CHATS, walks);
            double renderSeconds = (System.nanoTime() - renderStarted) / 1e9;
            progress(String.format("acknowledgement: %,d updates (%d walks of %,d chats) rendered in %.1f s", updates.rendered(), walks,
                    ACK_CHATS, renderSeconds));
            load.closedLoop(updates, CONNECTIONS, warm); // warms the path and leaves a backlog, so processing runs throughout
            AckWindow cold = ackWindow(load, updates, database, platforms, service, null);
            load.closedLoop(updates, CONNECTIONS, Duration.ofSeconds(ACK_REWARM_SECONDS));
            AckWindow steady = ackWindow(load, updates, database, platforms, service, null);
            resetStatements("bench_ack");
            Path recording = OUT.resolve("service-ack.jfr").toAbsolutePath();
            AckWindow recorded = ackWindow(load, updates, database, platforms, service, recording);

            String goal = "1 acknowledgement";
            table.rate(goal, "Telegram webhook flat out, " + CONNECTIONS + " connections, " + ACK_CHATS + " chats, processing running, "
                    + "warm (" + ACK_SECONDS + " s after " + (WARM_SECONDS + ACK_SECONDS + ACK_REWARM_SECONDS) + " s of updates)",
                    steady.rate(), String.format("%,.0f acks/s (%d not 200; slowest second %,d%s)", steady.rate(), steady.refused(),
                            steady.slowestSecond(), steady.generatorNote()), Goal.atLeast(steady.rate(), ACK_GOAL_PER_SECOND, "≥ 5,000/s"));
            table.line(goal, "Webhook latency in the same window", steady.latencies().summary(),
                    String.format("p99 %.2f× the trivial endpoint's", steady.latencies().p99() / trivialLatencies.p99()),
                    Goal.atMost(steady.latencies().p99(), WEBHOOK_P99_GOAL_MILLIS, "p99 ≤ 50 ms"));
            table.info(goal, "Updates processed meanwhile (processing running)", String.format("%,.0f/s", steady.processed()),
                    table.shares(steady.processed()));
            table.info(goal, "The same, cold: the first " + ACK_SECONDS + " s after a " + WARM_SECONDS + " s warm-up of a fresh JVM",
                    String.format("%,.0f acks/s (%d not 200; slowest second %,d%s); %s; %,.0f processed/s", cold.rate(), cold.refused(),
                            cold.slowestSecond(), cold.generatorNote(), cold.latencies().summary(), cold.processed()), table.shares(cold.rate()));
            table.info(goal, "The same, recorded: the next " + ACK_SECONDS + " s with the flight recording on and the service's metrics "
                    + "read every second", String.format("%,.0f acks/s (%d not 200; slowest second %,d%s); %s; %,.0f processed/s", recorded.rate(),
                            recorded.refused(), recorded.slowestSecond(), recorded.generatorNote(), recorded.latencies().summary(),
                            recorded.processed()),
                    table.shares(recorded.rate()));
            report.section("Acknowledgement flat out (goal 1)", String.format("Closed loop: %d connections each send the next update as soon as "
                    + "the last was answered. Updates: %d Telegram chats each walking the intake, one step per round; %,d updates (%d walks) "
                    + "rendered before the load, in %.1f s, so the load generator only sends (%,d sent beyond them). On a fresh JVM: %d s "
                    + "of warm-up (which leaves a backlog, so processing runs throughout), a cold window of %d s, %d s more of the same load, "
                    + "then the warm window of %d s, which the goal lines report. Nothing samples the service or the database inside "
                    + "these windows, only at their two ends. Then the recorded window: the flight recording starts, %d s of the same load "
                    + "let it settle, and %d s are measured while the service's metrics are read every second; the counters below are that "
                    + "window's, and the flight recording and the statement profile cover the settling seconds and that window."
                    + "%n%n- Cold window: CPU %s; backlog from %d to %d updates%n- Warm window: CPU %s; backlog from %d to %d updates; "
                    + "service RSS %.0f MiB at the end%n- Recorded window: CPU %s%n"
                    + "- Service: TELEGRAM_MAX_PER_SECOND=WHATSAPP_MAX_PER_SECOND=%d, otherwise defaults",
                    CONNECTIONS, ACK_CHATS, updates.rendered(), walks, renderSeconds, updates.overrun(), WARM_SECONDS, ACK_SECONDS,
                    ACK_REWARM_SECONDS, ACK_SECONDS, ACK_RECORD_SETTLE_SECONDS, ACK_SECONDS, BenchReport.cpu(cold.first(), cold.last()),
                    cold.first().inboundPending(), cold.last().inboundPending(), BenchReport.cpu(steady.first(), steady.last()),
                    steady.first().inboundPending(), steady.last().inboundPending(), steady.last().serviceRssMiB(),
                    BenchReport.cpu(recorded.first(), recorded.last()), OPEN_LIMIT));
            report.section("Acknowledgement flat out, recorded window: where an acknowledgement waits and how long processing gave way "
                    + "(the service's ruangaman_ack counters)", recorded.counters());
            report.profile("acknowledgement flat out", JfrProfile.summarise(recording, PROFILE_TOP));
            report.statements(admin, "bench_ack", "acknowledgement flat out", PROFILE_TOP);
        }
    }

    /**
     * One line that splits a mean acknowledgement of the window: the load generator's mean (request written to answer
     * read), the service's HTTP server's mean for the webhook's POSTs (request arrived to response ended,
     * {@code http_server_requests_seconds}), and the group commit's mean (handed over to answered on its event loop,
     * {@code ruangaman_ack_wait{stage="total"}}). What the client waits beyond the HTTP server's time is spent in the
     * sockets, the kernel's queues and the load generator; what the HTTP server takes beyond the group commit, in
     * reading, parsing and encrypting the request before it is handed over, and in writing the answer.
     */
    static String whereAnAckWaits(List<WebhookLoad.Outcome> acks, List<ServiceCounters.Scrape> scrapes, long from, long to) {
        double client = acks.stream().filter(ack -> ack.status() == 200).mapToLong(WebhookLoad.Outcome::latencyNanos).average()
                .orElse(Double.NaN) / 1e6;
        double server = ServiceCounters.meanMillis(scrapes, from, to, "http_server_requests_seconds", "method=\"POST\"");
        double commit = ServiceCounters.meanMillis(scrapes, from, to, "ruangaman_ack_wait_seconds", "stage=\"total\"");
        return String.format("A mean acknowledgement: %.1f ms at the load generator, %.1f ms in the service's HTTP server (arrival to "
                + "the answer's end), %.1f ms of it in the group commit (handed over to answered on its event loop).%n%n", client, server, commit);
    }

    /**
     * One measured window of the flat-out acknowledgement: acknowledgements per second, the fewest answered in any whole
     * second of it, latencies, processing meanwhile.
     */
    private record AckWindow(double rate, int refused, int slowestSecond, Latencies latencies, double processed, Backlog.Sample first,
            Backlog.Sample last, String counters, long renderedOnTheWay) {

        /** A warning when the load generator rendered updates on the way by the window's end (it may have stalled in it). */
        String generatorNote() {
            return renderedOnTheWay == 0 ? "" : String.format("; the load generator rendered %,d updates on the way by this window's end "
                    + "and may have stalled in it: raise benchmark.ack-render-per-second", renderedOnTheWay);
        }
    }

    /**
     * Runs the webhook flat out for {@link #ACK_SECONDS}, with the backlog, the CPU and the memory read only at the window's
     * two ends. When {@code recording} is set, starts the flight recording, lets it settle for
     * {@link #ACK_RECORD_SETTLE_SECONDS} of the same load, and reads the service's {@code ruangaman_ack} counters every second
     * of the window (where an acknowledgement waits, and how long processing gave way). Starting a recording in a running
     * JVM took it to 129-938 acknowledgements a second for its first three seconds, and a whole table counted every second
     * cost about a third of the rate (issue 16, fortieth round); so the goal's windows carry neither.
     */
    private AckWindow ackWindow(WebhookLoad load, TelegramUpdateSupply updates, DataSource database, BenchPlatforms platforms,
            ServiceUnderTest service, Path recording) throws Exception {
        Backlog backlog = new Backlog(database, load::acknowledged, Backlog.Counting.UPDATES_AND_REPLIES, platforms, service.pid(),
                postgresProcesses);
        ServiceCounters counters = recording == null ? null : new ServiceCounters(service.port(), "ruangaman_ack", "http_server_requests_seconds");
        if (recording != null) {
            service.jcmd("JFR.start", "name=ack", "settings=profile");
            load.closedLoop(updates, CONNECTIONS, Duration.ofSeconds(ACK_RECORD_SETTLE_SECONDS));
            counters.start(Duration.ofSeconds(1));
        }
        Backlog.Sample first = backlog.now();
        long from = System.nanoTime();
        List<WebhookLoad.Outcome> acks = load.closedLoop(updates, CONNECTIONS, Duration.ofSeconds(ACK_SECONDS));
        long to = System.nanoTime();
        Backlog.Sample last = backlog.now();
        String waits = null;
        if (recording != null) {
            List<ServiceCounters.Scrape> scrapes = counters.stop();
            waits = whereAnAckWaits(acks, scrapes, from, to) + ServiceCounters.report(scrapes, from, to);
            service.jcmd("JFR.stop", "name=ack", "filename=" + recording);
        }
        Latencies latencies = ok(acks);
        double span = Math.max(0.001, last.seconds() - first.seconds());
        int[] perSecond = new int[ACK_SECONDS];
        for (WebhookLoad.Outcome ack : acks) {
            int second = (int) ((ack.endNanos() - from) / 1_000_000_000L);
            if (ack.status() == 200 && second >= 0 && second < perSecond.length) {
                perSecond[second]++;
            }
        }
        int slowest = Arrays.stream(perSecond).min().orElse(0);
        return new AckWindow(latencies.count() / (double) ACK_SECONDS, acks.size() - latencies.count(), slowest, latencies,
                (last.inboundProcessed() - first.inboundProcessed()) / span, first, last, waits, updates.overrun());
    }

    /**
     * Goals 2 (drain) and 3 (outbound): a webhook-only instance takes a backlog of whole intakes; a processing instance
     * with delivery off works it off with the webhook idle; then an instance with delivery on sends from the full
     * outbox at the configured limits.
     */
    private void drainAndOutbound() throws Exception {
        progress("drain: pre-loading the backlog");
        DataSource database = createDatabase("bench_drain");
        try (BenchPlatforms platforms = platforms()) {
            List<List<WebhookLoad.Request>> intakes = drainIntakes();
            int total = intakes.stream().mapToInt(List::size).sum();
            long preloadNanos;
            try (ServiceUnderTest intake = service("bench_drain", platforms, Map.of("RUANGAMAN_CHANNELS_PROCESS_INBOUND", "false",
                    "RUANGAMAN_CHANNELS_DELIVER_OUTBOUND", "false"))) {
                preloadNanos = preload(intake, intakes);
            }

            progress("drain: processing " + total + " updates");
            String drainSettings = "RUANGAMAN_CHANNELS_DELIVER_OUTBOUND=false";
            Backlog.Drain drain;
            double startWithBacklog;
            List<Backlog.Sample> samples;
            PostgresWaits drainWaits;
            ThreadCpuTimeline freshCpu;
            WarmDrain warm;
            try (ServiceUnderTest processing = service("bench_drain", platforms, Map.of("RUANGAMAN_CHANNELS_DELIVER_OUTBOUND", "false"))) {
                startWithBacklog = processing.startToReadySeconds();
                freshCpu = new ThreadCpuTimeline(processing.pid(), postgresProcesses);
                Backlog backlog = new Backlog(database, null, Backlog.Counting.UPDATES, platforms, processing.pid(), postgresProcesses);
                resetStatements("bench_drain");
                processing.jcmd("JFR.start", "name=drain", "settings=profile");
                PostgresWaits waits = PostgresWaits.start(admin, "bench_drain", WAITS_EVERY);
                backlog.start(Duration.ofMillis(250));
                drain = backlog.drainInbound(Duration.ofSeconds(DRAIN_SECONDS), 250);
                samples = backlog.stop();
                freshCpu.close();
                waits.stop();
                drainWaits = waits;
                Path recording = OUT.resolve("service-drain.jfr").toAbsolutePath();
                processing.jcmd("JFR.stop", "name=drain", "filename=" + recording);
                report.profile("drain with the webhook idle", JfrProfile.summarise(recording, PROFILE_TOP));
                warm = warmDrain(processing, database, platforms);
            }
            report.statements(admin, "bench_drain", "drain with the webhook idle", PROFILE_TOP);
            Backlog.Sample last = samples.get(samples.size() - 1);
            long startLevel = samples.get(0).inboundPending();
            report.waits(drainWaits, "drain with the webhook idle", startLevel - last.inboundPending());
            report.rowUpdates(database, "drain with the webhook idle");
            double overall = (startLevel - last.inboundPending()) / Math.max(0.001, last.seconds());
            List<Figures.Point> levels = samples.stream().map(s -> new Figures.Point(s.seconds(), s.inboundPending())).toList();
            double sustained = Figures.warmDrainRate(levels, startLevel, DRAIN_WARM_SECONDS);
            double cold = Figures.coldDrainRate(levels, DRAIN_WARM_SECONDS);
            double steady = Figures.steadyDrainRate(levels, startLevel);
            String goal = "2 processing";
            table.rate(goal, String.format("Drain on a warm service, webhook idle: the processing instance, after the fresh drain below, "
                    + "takes %,d more steps of %d new people through its own webhook while it works; sustained rate from the last "
                    + "acknowledgement to 10%% left", warm.total(), DRAIN_PEOPLE), warm.rate(), String.format("%,.0f steps/s; %,d waiting "
                    + "at the start%s", warm.rate(), warm.startLevel(), warm.complete() ? "" : " (cut off: not finished)"),
                    Goal.atLeast(warm.rate(), DRAIN_GOAL_PER_SECOND, "≥ 1,000/s"));
            table.info(goal, String.format("Drain of %,d pre-loaded mixed intake steps (%d people) by a fresh JVM, webhook idle; "
                    + "sustained rate (from %d s after ready to 10%% left; the goal line up to the twenty-first round)", total,
                    DRAIN_PEOPLE, DRAIN_WARM_SECONDS), String.format("%,.0f steps/s", sustained), table.shares(sustained));
            table.info(goal, String.format("Fresh drain, the JVM's first %d s", DRAIN_WARM_SECONDS), String.format("%,.0f steps/s", cold),
                    table.shares(cold));
            table.info(goal, "Fresh drain, 90% → 10% left (the goal line up to the fifteenth round)", String.format("%,.0f steps/s", steady),
                    table.shares(steady));
            table.info(goal, "Fresh drain, whole (service ready → nothing waiting)", String.format("%,.0f steps/s; %,d of %,d in %.1f s%s",
                    overall, startLevel - last.inboundPending(), startLevel, last.seconds(), drain.complete() ? "" : " (cut off: not finished)"),
                    table.shares(overall));
            long freshSteps = startLevel - last.inboundPending();
            report.section("Drain with the webhook idle (goal 2)", String.format("A webhook-only instance (processing and delivery off) took "
                    + "%,d updates (%d people × one whole intake each, every %dth on WhatsApp, each person's updates in order) in %.1f s. It "
                    + "was stopped and an instance with processing on and delivery off (%s) started on the same database; the clock starts "
                    + "when it is ready (%.2f s after launch, with %,d updates waiting) and stops when nothing is waiting, at most %d s. "
                    + "This fresh drain's sustained rate runs from " + DRAIN_WARM_SECONDS + " s after ready (the fresh JVM's warm-up, on its "
                    + "own line) to 10%% left. The goal line is the drain on a warm service that follows it on the same instance (its own "
                    + "section below), as the acknowledgement's goal line is its warm window. Delivery is measured separately below, "
                    + "against the outbox both leave.%n%n- CPU: %s%n%n%s",
                    total, DRAIN_PEOPLE, WHATSAPP_EVERY, preloadNanos / 1e9, drainSettings, startWithBacklog, startLevel, DRAIN_SECONDS,
                    BenchReport.cpu(samples.get(0), last), BenchReport.series(samples, Math.max(1, last.seconds() / 20))));

            report.section("Drain on a warm service (goal 2): CPU per step by thread kind", String.format("The JIT compiles most of "
                    + "the step's code during the first drain of a fresh JVM, so that drain measures the warm-up as much as the steps. "
                    + "The same instance then took %,d more updates (%d new people, one whole intake each) through its own webhook in "
                    + "%.1f s while it kept processing, and the clock started at the last acknowledgement, with %,d waiting; the rate "
                    + "runs from there to 10%% left (%s). CPU per step, in milliseconds, by the service's thread kinds (their CPU "
                    + "read from /proc once a second; a thread's kind is its name without digits) and PostgreSQL's, for the fresh "
                    + "drain above and this one:%n%n- CPU: %s%n%n%s%n%s",
                    warm.total(), DRAIN_PEOPLE, warm.preloadNanos() / 1e9, warm.startLevel(), warm.complete() ? "worked off"
                            : "cut off: not finished", BenchReport.cpu(warm.samples().get(0), warm.samples().get(warm.samples().size() - 1)),
                    ThreadCpuTimeline.perStep(List.of("fresh drain", "warm drain"), List.of(freshCpu.totals(), warm.cpu().totals()),
                            List.of(freshSteps, warm.steps()), 6),
                    BenchReport.series(warm.samples(), Math.max(1, warm.samples().get(warm.samples().size() - 1).seconds() / 20))));

            outbound(database, platforms);
        }
    }

    /** One whole intake each for {@link #DRAIN_PEOPLE} new people, every {@link #WHATSAPP_EVERY}th on WhatsApp. */
    private static List<List<WebhookLoad.Request>> drainIntakes() {
        List<List<WebhookLoad.Request>> intakes = new ArrayList<>();
        for (int person = 0; person < DRAIN_PEOPLE; person++) {
            boolean whatsapp = person % WHATSAPP_EVERY == 0;
            List<String> updates = whatsapp ? IntakeScripts.whatsapp(WhatsAppFixtures.newNumber())
                    : IntakeScripts.telegram(TelegramFixtures.newChatId());
            intakes.add(updates.stream().map(update -> whatsapp ? IntakeLoadPlan.whatsappRequest(update)
                    : IntakeLoadPlan.telegramRequest(update)).toList());
        }
        return intakes;
    }

    /** Sends every intake to {@code service}'s webhook, each person's updates in order; nanoseconds taken. */
    private long preload(ServiceUnderTest service, List<List<WebhookLoad.Request>> intakes) throws Exception {
        try (WebhookLoad load = new WebhookLoad(vertx, service.port(), CONNECTIONS)) {
            long start = System.nanoTime();
            List<WebhookLoad.Outcome> outcomes = load.sendChains(intakes, CONNECTIONS, Duration.ofMinutes(10));
            long taken = System.nanoTime() - start;
            long refused = outcomes.stream().filter(outcome -> outcome.status() != 200).count();
            if (refused > 0) {
                throw new IllegalStateException(refused + " of the pre-loaded updates were not acknowledged");
            }
            return taken;
        }
    }

    /**
     * The drain on a warm service: {@code processing}, which has just worked off the fresh drain, takes a second
     * backlog of new people through its own webhook while it keeps processing; the clock starts at the last
     * acknowledgement and stops when nothing is waiting. The rate runs from there to 10% left.
     */
    private WarmDrain warmDrain(ServiceUnderTest processing, DataSource database, BenchPlatforms platforms) throws Exception {
        progress("drain: the same instance, warm");
        List<List<WebhookLoad.Request>> intakes = drainIntakes();
        int total = intakes.stream().mapToInt(List::size).sum();
        long preloadNanos = preload(processing, intakes);
        ThreadCpuTimeline cpu = new ThreadCpuTimeline(processing.pid(), postgresProcesses);
        Backlog backlog = new Backlog(database, null, Backlog.Counting.UPDATES, platforms, processing.pid(), postgresProcesses);
        backlog.start(Duration.ofMillis(250));
        Backlog.Drain drain = backlog.drainInbound(Duration.ofSeconds(DRAIN_SECONDS), 250);
        List<Backlog.Sample> samples = backlog.stop();
        cpu.close();
        long startLevel = samples.get(0).inboundPending();
        List<Figures.Point> levels = samples.stream().map(s -> new Figures.Point(s.seconds(), s.inboundPending())).toList();
        return new WarmDrain(total, preloadNanos, startLevel, startLevel - samples.get(samples.size() - 1).inboundPending(),
                Figures.warmDrainRate(levels, startLevel, 0), drain.complete(), samples, cpu);
    }

    /**
     * The warm drain's figures: updates sent, the pre-load's nanoseconds, updates waiting when the clock started, steps
     * worked off, the rate from the start to 10% left (steps/s), whether it finished, the samples and the CPU timeline.
     */
    private record WarmDrain(int total, long preloadNanos, long startLevel, long steps, double rate, boolean complete,
            List<Backlog.Sample> samples, ThreadCpuTimeline cpu) {
    }

    /** Goal 3: delivery from a full outbox at the configured limits. */
    private void outbound(DataSource database, BenchPlatforms platforms) throws Exception {
        progress("outbound from a full outbox");
        // The drain leaves PostgreSQL's clean-up of its dead row versions to autovacuum, which then ran through this phase
        // (0.5-1.0 of a core until it ended, 18 s in, on 2 December) once the drain got fast enough to end before it: the
        // phase measured the drain's clean-up beside the sends. It is done here, before the instance starts, and timed.
        long vacuumStart = System.nanoTime();
        execute(database, "vacuum (analyze)");
        double vacuumSeconds = (System.nanoTime() - vacuumStart) / 1e9;
        Map<String, long[]> updatesBefore = BenchReport.rowUpdateCounts(database);
        resetStatements("bench_drain");
        List<Backlog.Sample> samples;
        long phaseStart;
        ThreadCpuTimeline cpu;
        PostgresWaits waits;
        List<ServiceCounters.Scrape> calls;
        try (ServiceUnderTest delivery = service("bench_drain", platforms, Map.of("TELEGRAM_MAX_PER_SECOND", String.valueOf(TELEGRAM_LIMIT),
                "WHATSAPP_MAX_PER_SECOND", String.valueOf(WHATSAPP_LIMIT)))) {
            phaseStart = System.nanoTime();
            ServiceCounters counters = new ServiceCounters(delivery.port(), "ruangaman_outbound");
            counters.start(Duration.ofSeconds(1));
            cpu = new ThreadCpuTimeline(delivery.pid(), postgresProcesses);
            if (OUTBOUND_RECORD_WINDOW) {
                delivery.jcmd("JFR.start", "name=outbound", "settings=profile");
            }
            // The outbox is counted once, after the windows (the last sample): counted every second, it took PostgreSQL about
            // 190 ms a second while the lanes sent (issue 16, forty-fifth round).
            Backlog backlog = new Backlog(database, null, Backlog.Counting.UPDATES, platforms, delivery.pid(), postgresProcesses);
            waits = PostgresWaits.start(admin, "bench_drain", WAITS_EVERY);
            backlog.start(Duration.ofSeconds(1));
            long giveUp = System.nanoTime() + 60 * SECOND;
            while ((platforms.telegramSends().size() == 0 || platforms.whatsappSends().size() == 0) && System.nanoTime() < giveUp) {
                Thread.sleep(50);
            }
            // the window of the later channel starts after its warm-up; keep sending until it ends
            Thread.sleep((Math.max(WARM_SECONDS, OUTBOUND_WARM_SECONDS) + OUTBOUND_SECONDS + 2) * 1000L);
            samples = new ArrayList<>(backlog.stop());
            samples.add(backlog.now());
            calls = counters.stop();
            waits.stop();
            cpu.close();
            if (!OUTBOUND_RECORD_WINDOW) {
                delivery.jcmd("JFR.start", "name=outbound", "settings=profile");
                Thread.sleep(OUTBOUND_RECORD_SECONDS * 1000L);
            }
            Path recording = OUT.resolve("service-outbound.jfr").toAbsolutePath();
            delivery.jcmd("JFR.stop", "name=outbound", "filename=" + recording);
            report.profile(OUTBOUND_RECORD_WINDOW ? "outbound from a full outbox, recorded from ready"
                    : "outbound from a full outbox, recorded for " + OUTBOUND_RECORD_SECONDS + " s after the measured windows",
                    JfrProfile.summarise(recording, PROFILE_TOP));
        }
        report.statements(admin, "bench_drain", "outbound from a full outbox", PROFILE_TOP);
        report.waits(waits, "outbound from a full outbox", 0);
        report.rowUpdates(database, "outbound from a full outbox", updatesBefore);
        String goal = "3 outbound";
        StringBuilder details = new StringBuilder(String.format("The drained database was vacuumed first (`vacuum (analyze)`, %.1f s), "
                + "so that autovacuum's clean-up of the drain does not run through this phase. ", vacuumSeconds)
                + "An instance with delivery on (TELEGRAM_MAX_PER_SECOND=" + TELEGRAM_LIMIT
                + ", WHATSAPP_MAX_PER_SECOND=" + WHATSAPP_LIMIT + ") started on the drained database, whose outbox holds every reply "
                + "of the drain. Per channel, goal 3's window starts " + OUTBOUND_WARM_SECONDS + " s after its first send (the "
                + "sustained rate; the fresh JVM's first " + OUTBOUND_WARM_SECONDS + " s are reported on their own line) and lasts "
                + OUTBOUND_SECONDS + " s. The window the goal's line measured up to the forty-third round, from " + WARM_SECONDS
                + " s after the first send, is reported too.\n\n");
        for (boolean whatsapp : new boolean[] { false, true }) {
            String name = whatsapp ? "WhatsApp" : "Telegram";
            int limit = whatsapp ? WHATSAPP_LIMIT : TELEGRAM_LIMIT;
            // Telegram's: every call its limit bounds, edits and deletions included (each takes a rate permit)
            long[] sends = (whatsapp ? platforms.whatsappSends() : platforms.telegramCalls()).snapshot();
            if (sends.length == 0) {
                table.line(goal, name + ": sends from a full outbox", "nothing was sent", "",
                        Goal.atLimit(Double.NaN, limit, LIMIT_TOLERANCE, "within 2% of " + limit + "/s"));
                continue;
            }
            long first = Arrays.stream(sends).min().getAsLong();
            long from = first + OUTBOUND_WARM_SECONDS * SECOND;
            long to = from + OUTBOUND_SECONDS * SECOND;
            long[] inWindow = Arrays.stream(sends).filter(t -> t >= from && t < to).toArray();
            long inWarmUp = Arrays.stream(sends).filter(t -> t < from).count();
            double mean = inWindow.length / (double) OUTBOUND_SECONDS;
            long earlyFrom = first + WARM_SECONDS * SECOND;
            long earlyTo = earlyFrom + OUTBOUND_SECONDS * SECOND;
            long inEarlyWindow = Arrays.stream(sends).filter(t -> t >= earlyFrom && t < earlyTo).count();
            long inFirstSeconds = Arrays.stream(sends).filter(t -> t < earlyFrom).count();
            int most = Figures.maxInWindow(sends, SECOND);
            Backlog.Sample end = samples.get(samples.size() - 1);
            long waitingAtEnd = whatsapp ? end.whatsappPending() : end.telegramPending();
            wentAbove |= most > limit;
            table.line(goal, name + ": most sends in any sliding 1 s, full outbox", String.valueOf(most), "",
                    Goal.atLimit(most, limit, LIMIT_TOLERANCE, "within 2% of " + limit + ", never above"));
            table.line(goal, name + ": mean rate over " + OUTBOUND_SECONDS + " s from " + OUTBOUND_WARM_SECONDS + " s after the first send, full outbox", String.format("%.1f/s (%d still waiting at "
                    + "the end)", mean, waitingAtEnd), String.format("%.1f%% of the limit", 100 * mean / limit),
                    Goal.all(Goal.atLimit(mean, limit, LIMIT_TOLERANCE, "within 2% of " + limit + "/s"),
                            Goal.atLeast(waitingAtEnd, 1, "outbox never empty")));
            table.info(goal, name + ": mean rate over the first " + OUTBOUND_WARM_SECONDS + " s (the fresh instance's warm-up)",
                    String.format("%.1f/s", inWarmUp / (double) OUTBOUND_WARM_SECONDS), String.format("%.1f%% of the limit",
                            100.0 * inWarmUp / OUTBOUND_WARM_SECONDS / limit));
            table.info(goal, name + ": mean rate over the first " + WARM_SECONDS + " s",
                    String.format("%.1f/s", inFirstSeconds / (double) WARM_SECONDS), String.format("%.1f%% of the limit",
                            100.0 * inFirstSeconds / WARM_SECONDS / limit));
            table.info(goal, name + ": mean rate over " + OUTBOUND_SECONDS + " s from " + WARM_SECONDS + " s after the first send "
                    + "(goal 3's window up to the forty-third round)", String.format("%.1f/s", inEarlyWindow / (double) OUTBOUND_SECONDS),
                    String.format("%.1f%% of the limit", 100.0 * inEarlyWindow / OUTBOUND_SECONDS / limit));
            double held = ServiceCounters.meanMillis(calls, from, to, "ruangaman_outbound_call_seconds",
                    "channel=\"" + (whatsapp ? "whatsapp" : "telegram") + "\"");
            table.info(goal, name + ": time a request holds its rate permit (the platform call), mean in the window",
                    String.format("%.1f ms", held), String.format("the limit allows %.1f%% at it",
                            100 / (1 + RATE_WINDOW_SECONDS_PAST_ONE + held / 1_000)));
            double unused = ServiceCounters.meanMillis(calls, from, to, "ruangaman_outbound_slot_unused_seconds",
                    "channel=\"" + (whatsapp ? "whatsapp" : "telegram") + "\"");
            table.info(goal, name + ": time a slot of the limit stood free before a request took it (no send ready for it, or the "
                    + "limiter's own look again each millisecond), mean a request in the window", String.format("%.1f ms", unused), String.format("the limit allows %.1f%% at it and "
                            + "the hold together", 100 / (1 + RATE_WINDOW_SECONDS_PAST_ONE + (held + unused) / 1_000)));
            details.append(String.format("- %s: %d sends in the phase%s, %d in the warm-up, %d in the window; at most %d in any 1 s; "
                    + "replies still waiting at the end: %d; a request held its rate permit %.1f ms on average in the window (a slot "
                    + "of the limit is free again 1.001 s after its request's answer)%n", name, sends.length,
                    whatsapp ? "" : String.format(" (%d of them editMessageReplyMarkup or deleteMessages calls)",
                            sends.length - platforms.telegramSends().size()),
                    inWarmUp, inWindow.length, most, waitingAtEnd, held));
        }
        details.append("\nSends per second from each channel's first send (how fast the fresh instance reaches its limit; "
                + "the first send came the given seconds after the service was ready):\n\n")
                .append(Figures.sendTimeline(phaseStart, platforms.telegramCalls().snapshot(), platforms.whatsappSends().snapshot(),
                        OUTBOUND_WARM_SECONDS + OUTBOUND_SECONDS))
                .append("\nThe service's CPU per second by thread kind from ready, and PostgreSQL's, in CPU seconds per second (1.00 is "
                        + "one core):\n\n").append(cpu.table(OUTBOUND_WARM_SECONDS + OUTBOUND_SECONDS, 8));
        details.append("\n").append(BenchReport.series(samples, 2));
        details.append("\nThe service's delivery counters (`ruangaman_outbound`: sends in flight and the senders each lane keeps for its "
                + "limit, the time a request holds its rate permit, the time a sender is busy with one send), from ready:\n\n")
                .append(ServiceCounters.report(calls, calls.isEmpty() ? 0 : calls.get(0).nanos(),
                        calls.isEmpty() ? 0 : calls.get(calls.size() - 1).nanos()));
        report.section("Outbound against a full outbox (goal 3)", details.toString());
    }

    /** Goal 2 (open loop), goal 4 (memory under the sustained run, start-up) and the inbox list. */
    private void sustainedAndStartUp() throws Exception {
        progress("open loop: calibration and warm-up");
        DataSource database = createDatabase("bench_open");
        Map<String, String> limits = Map.of("TELEGRAM_MAX_PER_SECOND", String.valueOf(OPEN_LIMIT), "WHATSAPP_MAX_PER_SECOND",
                String.valueOf(OPEN_LIMIT));
        try (BenchPlatforms platforms = platforms()) {
            try (ServiceUnderTest service = service("bench_open", platforms, limits);
                    WebhookLoad load = new WebhookLoad(vertx, service.port(), CONNECTIONS)) {
                Backlog backlog = new Backlog(database, load::acknowledged, Backlog.Counting.UPDATES_AND_REPLIES, platforms, service.pid(),
                        postgresProcesses);
                int[] telegramReplies = calibrate(load, platforms, backlog, false);
                int[] whatsappReplies = calibrate(load, platforms, backlog, true);
                report.replies(telegramReplies, whatsappReplies);
                IntakeLoadPlan warm = new IntakeLoadPlan(WARM_RATE, 1, OPEN_WARM_SECONDS, WHATSAPP_EVERY);
                backlog.start(Duration.ofSeconds(1));
                load.openLoop(warm.requests, DRAIN_LIMIT);
                backlog.drain(DRAIN_LIMIT);
                backlog.stop();

                progress("open loop at " + RATE + " updates/s");
                resetStatements("bench_open");
                // No flight recording here. Its buffers hold 40 to 60 MB of the service's memory, which this phase measures for
                // goal 4, and it changes the phase: recorded through jcmd (settings=profile or default), processing fell from
                // 507 updates a second (unrecorded, the same settings) to 109-333 and the service took a quarter to a half of
                // a core more (issue 16, thirty-eighth round). The acknowledgement, drain and outbound phases carry the service's profile; this one
                // PostgreSQL's and the service's counters.
                IntakeLoadPlan plan = new IntakeLoadPlan(RATE, THINK_SECONDS, SECONDS, WHATSAPP_EVERY);
                openLoop(load, plan, backlog, platforms, telegramReplies, whatsappReplies, new ServiceCounters(service.port(), "ruangaman_ack", "ruangaman_outbound"),
                        service.pid());
                report.statements(admin, "bench_open", "open loop at " + RATE + " updates/s", PROFILE_TOP);
                openLoopLimits(platforms);
            }
            report.rowUpdates(database, "open loop at " + RATE + " updates/s, warm-up included");

            // The open loop's database may still hold a backlog (its drain is cut off after benchmark.drain-minutes), and
            // a start with work waiting races the workers for the cores: start-up gets a database of its own, migrated
            // by its first start and with nothing waiting, as a replica restarting in a quiet hour finds it.
            progress("start-up and the inbox list");
            DataSource startDatabase = createDatabase("bench_start");
            try (ServiceUnderTest migrating = service("bench_start", platforms, limits)) {
                migratedStartSeconds = migrating.startToReadySeconds();
            }
            double[] starts = new double[STARTUPS];
            for (int i = 0; i < STARTUPS; i++) {
                boolean lastStart = i == STARTUPS - 1;
                try (ServiceUnderTest service = service("bench_start", platforms, limits)) {
                    starts[i] = service.startToReadySeconds();
                    if (lastStart && CASES > 0) {
                        inbox(startDatabase, service);
                    }
                }
            }
            double median = Figures.median(starts);
            table.line("4 start-up", "JVM launch → first 200 from `/q/health/ready`, database up and migrated, nothing waiting (median of "
                    + STARTUPS + ")", String.format("%.2f s (each: %s)", median, Arrays.stream(starts).mapToObj(s -> String.format("%.2f", s))
                            .collect(Collectors.joining(", "))), "", Goal.atMost(median, START_GOAL_SECONDS, "≤ 3 s"));
            table.info("4 start-up", "First start on an empty database (Flyway migrates), first phase of the run / start-up's own database",
                    ResultsTable.seconds(firstStartSeconds) + " / " + ResultsTable.seconds(migratedStartSeconds), "");
            if (STORED_REVISIONS > 0) {
                // A deployment that has run a while keeps every revision of its flow file it ever loaded (flow_revision), for
                // the sessions pinned to them; a start must not pay for that history.
                storeEarlierRevisions(startDatabase, STORED_REVISIONS);
                try (ServiceUnderTest service = service("bench_start", platforms, limits)) {
                    table.info("4 start-up", "The same start with " + STORED_REVISIONS + " earlier revisions of the intake stored (a flow"
                            + " file edited that often since the deployment began)" + (CASES > 0 ? " and the inbox list's " + CASES + " cases" : "")
                            + ", one start", String.format("%.2f s", service.startToReadySeconds()), "");
                }
            }
        }
    }

    /**
     * Stores {@code count} earlier revisions of today's intake in {@code flow_revision}, as the service stores each flow
     * file it loads: today's file with a line of its own added, first loaded a day apart, the oldest first.
     */
    private static void storeEarlierRevisions(DataSource database, int count) throws Exception {
        String today = Files.readString(Path.of("conversations", "intake.yaml"));
        try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into flow_revision (flow_id, revision, file_name, content, first_loaded_at) "
                        + "values ('intake', ?, 'intake.yaml', ?, now() - make_interval(days => ?)) on conflict do nothing")) {
            for (int edit = 1; edit <= count; edit++) {
                byte[] content = (today + "\n# an earlier edit, " + edit + "\n").getBytes(StandardCharsets.UTF_8);
                insert.setString(1, FlowLoader.revisionOf(content));
                insert.setBytes(2, content);
                insert.setInt(3, count + 1 - edit);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void openLoop(WebhookLoad load, IntakeLoadPlan plan, Backlog backlog, BenchPlatforms platforms, int[] telegramReplies,
            int[] whatsappReplies, ServiceCounters counters, long servicePid) throws Exception {
        WebhookLoad.Outcome[] outcomes;
        List<ServiceCounters.Scrape> scrapes;
        Backlog.Drain drain;
        List<Backlog.Sample> samples;
        long observedUntil;
        long storedAtEnd;
        long acknowledgedAtEnd;
        ThreadCpuTimeline cpu = new ThreadCpuTimeline(servicePid, postgresProcesses);
        try {
            backlog.start(Duration.ofSeconds(1));
            counters.start(Duration.ofSeconds(5));
            PostgresWaits waits = PostgresWaits.start(admin, "bench_open", WAITS_EVERY);
            outcomes = load.openLoop(plan.requests, Duration.ofMinutes(10));
            waits.stop();
            report.waits(waits, "open loop at " + RATE + " updates/s, while the load ran", outcomes.length);
            scrapes = counters.stop();
            drain = backlog.drain(DRAIN_LIMIT);
            samples = backlog.stop();
            observedUntil = System.nanoTime();
            // the samples' updates processed are the acknowledged less the waiting: true only if each acknowledged update was stored once
            storedAtEnd = backlog.stored();
            acknowledgedAtEnd = load.acknowledged();
        } finally {
            cpu.close();
        }
        long loadStart = outcomes[0].startNanos() - plan.requests.get(0).dueNanos();

        long steadyFrom = loadStart + plan.steadyFromNanos;
        long steadyTo = steadyFrom + SECONDS * SECOND;
        List<Long> acknowledged = new ArrayList<>();
        List<Long> endToEnd = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int undelivered = 0;
        for (int i = 0; i < outcomes.length; i++) {
            WebhookLoad.Outcome outcome = outcomes[i];
            if (outcome.startNanos() < steadyFrom) {
                continue;
            }
            statuses.merge(outcome.status(), 1, Integer::sum);
            if (outcome.status() == 200) {
                acknowledged.add(outcome.latencyNanos());
            }
            IntakeLoadPlan.Sender sender = plan.senders.get(i);
            int[] replies = sender.whatsapp() ? whatsappReplies : telegramReplies;
            if (replies[sender.step()] == 0) {
                continue;
            }
            int first = Arrays.stream(replies, 0, sender.step()).sum();
            BenchPlatforms.Arrivals arrivals = platforms.arrivals(sender.chatKey());
            if (arrivals.size() > first) {
                endToEnd.add(arrivals.get(first) - outcome.startNanos());
            } else {
                undelivered++;
                endToEnd.add(observedUntil - outcome.startNanos()); // a lower bound: it had not arrived when the run ended
            }
        }
        long answered = statuses.entrySet().stream().filter(entry -> entry.getKey() == 200).mapToLong(Map.Entry::getValue).sum();
        long sent = statuses.values().stream().mapToLong(Integer::longValue).sum();
        Latencies webhook = Latencies.ofNanos(acknowledged.stream().mapToLong(Long::longValue).toArray());
        Latencies e2e = Latencies.ofNanos(endToEnd.stream().mapToLong(Long::longValue).toArray());
        double windowFrom = (steadyFrom - backlog.startedAt()) / 1e9;
        double windowTo = (steadyTo - backlog.startedAt()) / 1e9;
        List<Backlog.Sample> steady = samples.stream().filter(s -> s.seconds() >= windowFrom && s.seconds() <= windowTo).toList();
        double slope = Figures.slope(steady.stream().map(s -> new Figures.Point(s.seconds(), s.inboundPending())).toList());
        double outboundSlope = Figures.slope(steady.stream().map(s -> new Figures.Point(s.seconds(), s.outboundPending())).toList());
        Backlog.Sample first = steady.isEmpty() ? samples.get(0) : steady.get(0);
        Backlog.Sample last = steady.isEmpty() ? samples.get(samples.size() - 1) : steady.get(steady.size() - 1);
        double span = Math.max(0.001, last.seconds() - first.seconds());
        double processed = (last.inboundProcessed() - first.inboundProcessed()) / span;
        double maxRss = steady.stream().mapToDouble(Backlog.Sample::serviceRssMiB).max().orElse(Double.NaN);
        double maxRssAll = samples.stream().mapToDouble(Backlog.Sample::serviceRssMiB).max().orElse(Double.NaN);

        String goal = "2 processing";
        String name = "Open loop " + RATE + " updates/s";
        table.line(goal, name + ": end to end, update sent → first reply at the fake", e2e.summary() + (undelivered > 0
                ? "; " + undelivered + " never arrived (counted with the time waited)" : ""), "",
                Goal.atMost(e2e.p99(), END_TO_END_P99_GOAL_MILLIS, "p99 ≤ 1 s"));
        table.line(goal, name + ": backlog slope over the measured " + SECONDS + " s", String.format("%+.1f updates/s (%d → %d waiting); "
                + "replies %+.1f/s", slope, first.inboundPending(), last.inboundPending(), outboundSlope),
                String.format("%.1f%% of the offered rate", 100 * slope / RATE),
                Goal.atMost(slope, FLAT_SHARE * RATE, String.format("flat: ≤ %.3g updates/s (1%% of the offered rate)", FLAT_SHARE * RATE)));
        table.line(goal, name + ": webhook latency (from the planned moment)", webhook.summary() + String.format("; %d of %d answered 200",
                answered, sent), ResultsTable.timesTrivialP99(webhook.p99(), trivialP99),
                Goal.all(Goal.atMost(webhook.p99(), WEBHOOK_P99_GOAL_MILLIS, "p99 ≤ 50 ms"),
                        Goal.atLeast(answered, sent, "every update answered 200")));
        String storedCheck = storedAtEnd == acknowledgedAtEnd ? "" : String.format(" (counted as acknowledged less waiting, but %,d "
                + "updates were acknowledged and %,d stored: not exact)", acknowledgedAtEnd, storedAtEnd);
        table.rate(goal, name + ": updates processed in the measured window", processed, String.format("%,.0f/s", processed) + storedCheck,
                Goal.atLeast(processed, RATE * (1 - FLAT_SHARE), "keeps up with the offered rate"));
        double rssMb = maxRss * 1024 * 1024 / 1e6;
        table.line("4 memory", "Service RSS, most during the measured window of the open loop", String.format("%.0f MB (%.0f MiB); %.0f MiB "
                + "at most over the whole phase", rssMb, maxRss, maxRssAll), "", Goal.atMost(rssMb, RSS_GOAL_MB, "≤ 400 MB"));
        report.section("Open loop at " + RATE + " updates/s (goals 2 and 4)", String.format("Each update leaves at its planned moment "
                + "whatever the service does, and latency counts from that moment. The service was warmed first by a ramp to " + WARM_RATE
                + " updates/s and " + OPEN_WARM_SECONDS + " s at that rate. %d people each answer one intake step every %.1f s, "
                + "staggered so that after a %.1f s ramp every step is in play; a person who finishes is replaced by a new one. Measured "
                + "over %d s after the ramp. HTTP statuses (0: connection failed, -1: no answer in 10 minutes): %s. After the load the "
                + "backlog was worked off in %.1f s%s. The updates processed are counted as the updates acknowledged less those "
                + "waiting at each sample (counting them in the table read all of it every second); the phase's database stored "
                + "%,d updates, and %,d were acknowledged, calibration and warm-up included.%n%n- CPU in the window: %s%n- Service: TELEGRAM_MAX_PER_SECOND="
                + "WHATSAPP_MAX_PER_SECOND=%d (the outbound limits are not what this run measures), otherwise defaults%n%n%s", plan.people,
                THINK_SECONDS, plan.steadyFromNanos / 1e9, SECONDS, statuses, drain.seconds(), drain.complete() ? "" : " (NOT finished)",
                storedAtEnd, acknowledgedAtEnd, BenchReport.cpu(first, last), OPEN_LIMIT, BenchReport.series(samples, 5)));
        report.section("Open loop at " + RATE + " updates/s: the webhook's priority, where an acknowledgement waits and how "
                + "full the delivery lanes are (the service's ruangaman_ack and ruangaman_outbound counters)", ServiceCounters.report(scrapes, steadyFrom, steadyTo));
        report.section("Open loop at " + RATE + " updates/s: where the CPU went in the measured window, per update processed",
                cpuPerUpdate(cpu, backlog.startedAt(), first, last));
    }

    /**
     * The open loop's CPU per update processed, by thread kind: each kind's mean use over the sampled seconds that ended
     * between the window's first and last backlog samples, times the time between those samples, divided by the updates
     * processed between them (so the CPU and the updates cover the same span).
     */
    private static String cpuPerUpdate(ThreadCpuTimeline cpu, long backlogStartedAt, Backlog.Sample first, Backlog.Sample last) {
        long processed = last.inboundProcessed() - first.inboundProcessed();
        double span = last.seconds() - first.seconds();
        Map<String, Double> perSecond = cpu.perSecond(backlogStartedAt + Math.round(first.seconds() * 1e9),
                backlogStartedAt + Math.round(last.seconds() * 1e9));
        if (perSecond.isEmpty() || processed <= 0 || span <= 0) {
            return "Not measured: " + (perSecond.isEmpty() ? "no second of the service's CPU was read in the window (it is read "
                    + "from /proc, Linux only)." : "no update was processed between the window's first and last backlog samples.");
        }
        Map<String, Double> overSpan = new TreeMap<>();
        perSecond.forEach((kind, use) -> overSpan.put(kind, use * span));
        return String.format("Each thread kind's CPU (from /proc, read once a second; a kind is a thread's name without digits, which "
                + "Linux cuts at 15 characters) over the %.1f s between the window's first and last backlog samples, divided by the "
                + "%,d updates processed in them. It is not a step's cost alone: the same seconds acknowledged %,d updates and sent "
                + "%,d replies, and PostgreSQL's row includes the benchmark's own backlog samples (its PostgreSQL profile below gives their time).%n%n%s", span, processed,
                last.acknowledged() - first.acknowledged(),
                last.telegramSent() + last.whatsappSent() - first.telegramSent() - first.whatsappSent(),
                ThreadCpuTimeline.perStep(List.of("open loop"), List.of(overSpan), List.of(processed), 10));
    }

    /** The open loop's own sends against its (high) channel limits: never above, whatever the rate. */
    private void openLoopLimits(BenchPlatforms platforms) {
        int telegram = platforms.telegramCalls().maxInWindow(SECOND);
        int whatsapp = platforms.whatsappSends().maxInWindow(SECOND);
        wentAbove |= telegram > OPEN_LIMIT || whatsapp > OPEN_LIMIT;
        table.line("3 outbound", "Open loop: most sends in any sliding 1 s, Telegram / WhatsApp", telegram + " / " + whatsapp, "",
                Goal.all(Goal.atMost(telegram, OPEN_LIMIT, "never above " + OPEN_LIMIT), Goal.atMost(whatsapp, OPEN_LIMIT, "never above "
                        + OPEN_LIMIT)));
    }

    /** Goal 3 per chat, over every phase that sent: the per-chat limits hold whatever the channel's rate. */
    private void outboundPerChat() {
        int telegram = 0;
        int whatsapp = 0;
        for (BenchPlatforms platforms : allPlatforms) {
            for (Map.Entry<String, BenchPlatforms.Arrivals> chat : platforms.chats()) {
                if (chat.getKey().startsWith("tg:")) {
                    telegram = Math.max(telegram, chat.getValue().maxInWindow(TELEGRAM_CHAT_WINDOW.toNanos()));
                } else {
                    whatsapp = Math.max(whatsapp, chat.getValue().maxInWindow(WHATSAPP_USER_WINDOW.toNanos()));
                }
            }
        }
        wentAbove |= telegram > TELEGRAM_CHAT_BURST || whatsapp > WHATSAPP_USER_BURST;
        table.line("3 outbound", "Most sends to one Telegram chat in any 3 s, every phase", String.valueOf(telegram), "",
                Goal.atMost(telegram, TELEGRAM_CHAT_BURST, "≤ 3, never above"));
        table.line("3 outbound", "Most sends to one WhatsApp number in any 270 s, every phase", String.valueOf(whatsapp), "",
                Goal.atMost(whatsapp, WHATSAPP_USER_BURST, "≤ 45, never above"));
    }

    private void inbox(DataSource database, ServiceUnderTest service) throws Exception {
        InboxListBenchmark.Result result = InboxListBenchmark.run(database, "http://127.0.0.1:" + service.port(), ServiceUnderTest.DATA_KEY,
                CASES, INBOX_REQUESTS);
        table.line("inbox (issue 4)", String.format("Case list with %,d cases, %d sequential renders of a counsellor's first page", CASES,
                INBOX_REQUESTS), String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", result.p50Millis(), result.p95Millis(),
                        result.p99Millis(), result.maxMillis()), "", Goal.atMost(result.p95Millis(), INBOX_P95_GOAL_MILLIS, "p95 ≤ 100 ms"));
        report.section("Inbox case list", String.format("Seeding %,d cases took %.1f s.%n%n```%n%s%n```", CASES, result.seedMillis() / 1000.0,
                result.explain() == null ? "" : result.explain().strip()));
    }

    /** Walks one person through the intake, one update at a time, and counts the replies each update gets. */
    private static int[] calibrate(WebhookLoad load, BenchPlatforms platforms, Backlog backlog, boolean whatsapp) throws Exception {
        String key = whatsapp ? "wa:" + WhatsAppFixtures.newNumber() : "tg:" + TelegramFixtures.newChatId();
        List<String> updates = whatsapp ? IntakeScripts.whatsapp(key.substring(3)) : IntakeScripts.telegram(Long.parseLong(key.substring(3)));
        BenchPlatforms.Arrivals arrivals = platforms.arrivals(key);
        int[] replies = new int[updates.size()];
        for (int step = 0; step < updates.size(); step++) {
            int before = arrivals.size();
            WebhookLoad.Request request = whatsapp ? IntakeLoadPlan.whatsappRequest(updates.get(step))
                    : IntakeLoadPlan.telegramRequest(updates.get(step));
            WebhookLoad.Outcome[] outcome = load.openLoop(List.of(new WebhookLoad.Planned(0, request)), Duration.ofSeconds(30));
            if (outcome[0].status() != 200) {
                throw new IllegalStateException("calibration update " + step + " got " + outcome[0].status());
            }
            backlog.awaitIdle(Duration.ofSeconds(30));
            replies[step] = arrivals.size() - before;
        }
        if (Arrays.stream(replies).sum() < updates.size()) {
            throw new IllegalStateException("the calibration walk got too few replies: " + Arrays.toString(replies));
        }
        return replies;
    }

    static Set<String> phases(String list) {
        Set<String> known = Set.of("pgbench", "ack", "drain", "open");
        Set<String> chosen = Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String name : chosen) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("benchmark.phases: unknown phase " + name + "; known: " + new TreeSet<>(known));
            }
        }
        return chosen;
    }

    private static void progress(String phase) {
        System.out.println(String.format("[benchmark] %tT %s", java.time.LocalTime.now(), phase));
    }

    private BenchPlatforms platforms() throws Exception {
        BenchPlatforms platforms = new BenchPlatforms(vertx);
        allPlatforms.add(platforms);
        return platforms;
    }

    private ServiceUnderTest service(String database, BenchPlatforms platforms, Map<String, String> phase) throws Exception {
        Map<String, String> settings = new HashMap<>(phase);
        settings.putAll(EXTRA);
        return ServiceUnderTest.start(postgres.getJdbcUrl("postgres", database), platforms.baseUrl(), settings);
    }

    private DataSource createDatabase(String name) throws SQLException {
        execute(admin, "create database " + name);
        return postgres.getDatabase("postgres", name);
    }

    /** Clears pg_stat_statements for one database, so its profile covers only the measured part of its phase. */
    private void resetStatements(String database) throws SQLException {
        execute(admin, "select pg_stat_statements_reset(0, (select oid from pg_database where datname = '" + database + "'), 0)");
    }

    private static Latencies ok(List<WebhookLoad.Outcome> outcomes) {
        return Latencies.ofNanos(outcomes.stream().filter(outcome -> outcome.status() == 200).mapToLong(WebhookLoad.Outcome::latencyNanos)
                .toArray());
    }

    static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String show(DataSource database, String setting) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("show " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
