package id.ruangaman.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The load benchmark (run with {@code ./mvnw -Pbenchmark verify}): the packaged service on a durable
 * PostgreSQL, people walking the intake on Telegram and WhatsApp at a fixed rate, fake platforms
 * answering the sends, and in the same run the ceilings it is compared with. Writes
 * {@code target/benchmark/results.md}.
 */
class LoadBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("benchmark.connections", 40);
    /** The open-loop runs, as {@code rate} or {@code rate:seconds} (updates a second, seconds measured after the ramp). */
    private static final List<int[]> RATES = Arrays.stream(System.getProperty("benchmark.rates", "1000:30,60:60").split(","))
            .map(String::trim).filter(rate -> rate.matches("[0-9]+(:[0-9]+)?"))
            .map(rate -> rate.contains(":") ? new int[] { Integer.parseInt(rate.split(":")[0]), Integer.parseInt(rate.split(":")[1]) }
                    : new int[] { Integer.parseInt(rate), Integer.getInteger("benchmark.seconds", 60) })
            .toList();
    /** Extra service settings for experiments, as {@code NAME=value,NAME=value}. */
    private static final Map<String, String> EXTRA = Arrays.stream(System.getProperty("benchmark.env", "").split(","))
            .filter(pair -> pair.contains("=")).collect(Collectors.toMap(pair -> pair.substring(0, pair.indexOf('=')).trim(),
                    pair -> pair.substring(pair.indexOf('=') + 1).trim()));
    private static final double THINK_SECONDS = Double.parseDouble(System.getProperty("benchmark.think-seconds", "1.5"));
    private static final int WHATSAPP_EVERY = Integer.getInteger("benchmark.whatsapp-every", 5);
    private static final int TELEGRAM_LIMIT = Integer.getInteger("benchmark.telegram-per-second", 100);
    private static final int WHATSAPP_LIMIT = Integer.getInteger("benchmark.whatsapp-per-second", 80);
    private static final int CEILING_SECONDS = Integer.getInteger("benchmark.ceiling-seconds", 10);
    private static final int CASES = Integer.getInteger("benchmark.cases", 100_000);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(Integer.getInteger("benchmark.drain-minutes", 15));
    private static final Path OUT = Path.of("target", "benchmark");

    private final BenchReport report = new BenchReport();

    @Test
    void measure() throws Exception {
        Files.createDirectories(OUT);
        Path dataDirectory = Files.createTempDirectory("benchmark-postgres");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .setServerConfig("shared_buffers", "256MB").setServerConfig("max_connections", "200")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements").start()) {
            DataSource database = postgres.getPostgresDatabase();
            execute(database, "create extension pg_stat_statements");
            report.machine(database);
            Vertx vertx = Vertx.vertx();
            try (BenchPlatforms platforms = new BenchPlatforms(vertx);
                    ServiceUnderTest service = new ServiceUnderTest("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                            platforms.baseUrl(), settings(), "512m");
                    WebhookLoad load = new WebhookLoad(vertx, service.port(), CONNECTIONS)) {
                report.settings(service.settings(), CONNECTIONS, THINK_SECONDS, WHATSAPP_EVERY);
                Supplier<List<Long>> postgresProcesses = ProcessSampler.postgresProcesses(dataDirectory);
                Backlog backlog = new Backlog(database, load, platforms, service.pid(), postgresProcesses);

                int[] telegramReplies = calibrate(load, platforms, backlog, false);
                int[] whatsappReplies = calibrate(load, platforms, backlog, true);
                report.replies(telegramReplies, whatsappReplies);

                // warm the JIT and the connection pools with a short run, then let it drain
                openLoop(load, new IntakeLoadPlan(150, 1, 10, WHATSAPP_EVERY), 10, backlog, platforms, telegramReplies,
                        whatsappReplies, "warm-up", false);

                execute(database, "select pg_stat_statements_reset()");
                // ceiling 1: a trivial endpoint of the same service at the same concurrency
                List<WebhookLoad.Outcome> trivial = load.closedLoop(() -> WebhookLoad.Request.get("/q/health/live"), CONNECTIONS,
                        Duration.ofSeconds(CEILING_SECONDS));
                report.closedLoop("Trivial endpoint `GET /q/health/live`", trivial, CEILING_SECONDS);

                // the webhook flat out at the same concurrency, then how fast the backlog it leaves is worked off
                List<WebhookLoad.Outcome> webhook = load.closedLoop(telegramUpdates(), CONNECTIONS, Duration.ofSeconds(CEILING_SECONDS));
                report.closedLoop("Telegram webhook, flat out", webhook, CEILING_SECONDS);
                if (Boolean.getBoolean("benchmark.thread-dumps")) {
                    for (int i = 0; i < 5; i++) {
                        Files.writeString(OUT.resolve("thread-dump-" + i + ".txt"), service.jcmd("Thread.print", "-l"));
                        Thread.sleep(1000);
                    }
                }
                report.drain("after the flat-out webhook run", backlog.drain(DRAIN_LIMIT));

                // ceiling 2: PostgreSQL's own durable single-row insert at the same concurrency
                if (PgBench.available()) {
                    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                        statement.execute("create table bench_insert (id bigserial primary key, contact_hash bytea, payload bytea, "
                                + "received_at timestamptz not null)");
                    }
                    report.pgbench(PgBench.run(postgres.getPort(), CONNECTIONS, CEILING_SECONDS), CONNECTIONS);
                }

                boolean profiled = false;
                for (int[] run : RATES) {
                    int rate = run[0];
                    IntakeLoadPlan plan = new IntakeLoadPlan(rate, THINK_SECONDS, run[1], WHATSAPP_EVERY);
                    if (!profiled) {
                        service.jcmd("JFR.start", "name=benchmark", "settings=profile");
                    }
                    openLoop(load, plan, run[1], backlog, platforms, telegramReplies, whatsappReplies, rate + " updates/s", true);
                    if (!profiled) {
                        Path recording = OUT.resolve("service-" + rate + ".jfr").toAbsolutePath();
                        service.jcmd("JFR.stop", "name=benchmark", "filename=" + recording);
                        report.profile(rate, JfrProfile.summarise(recording, 15));
                        profiled = true;
                    }
                }
                report.statements(database, 15);
                report.limits(platforms, TELEGRAM_LIMIT, WHATSAPP_LIMIT, 3, Duration.ofSeconds(3), 45, Duration.ofSeconds(270));

                if (CASES > 0) {
                    report.inbox(InboxListBenchmark.run(database, "http://127.0.0.1:" + service.port(), ServiceUnderTest.DATA_KEY, CASES, 300));
                }
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get();
            }
        }
        Path results = OUT.resolve("results.md");
        Files.writeString(results, report.markdown());
        System.out.println(report.markdown());
        System.out.println("[benchmark] results written to " + results.toAbsolutePath());
        assertTrue(report.limitsHeld(), "outbound went above a configured limit; see " + results);
    }

    /** Runs one open-loop plan, waits for the backlog to drain, and reports it (unless it is the warm-up). */
    private void openLoop(WebhookLoad load, IntakeLoadPlan plan, int steadySeconds, Backlog backlog, BenchPlatforms platforms, int[] telegramReplies,
            int[] whatsappReplies, String name, boolean reported) throws Exception {
        backlog.start();
        WebhookLoad.Outcome[] outcomes = load.openLoop(plan.requests, Duration.ofMinutes(10));
        Backlog.Drain drain = backlog.drain(DRAIN_LIMIT);
        List<Backlog.Sample> samples = backlog.stop();
        if (!reported) {
            return;
        }
        long steadyFrom = outcomes.length == 0 ? 0 : outcomes[0].startNanos() - plan.requests.get(0).dueNanos() + plan.steadyFromNanos;
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
            int first = 0;
            for (int step = 0; step < sender.step(); step++) {
                first += replies[step];
            }
            BenchPlatforms.Arrivals arrivals = platforms.arrivals(sender.chatKey());
            if (arrivals.size() > first) {
                endToEnd.add(arrivals.get(first) - outcome.startNanos());
            } else {
                undelivered++;
            }
        }
        report.sustained(name, plan, steadySeconds, statuses, Latencies.ofNanos(toArray(acknowledged)),
                Latencies.ofNanos(toArray(endToEnd)), undelivered, samples, drain);
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

    /** Endless fresh Telegram updates for the flat-out run: many people, each one step further per round. */
    private static Supplier<WebhookLoad.Request> telegramUpdates() {
        int people = 2_000;
        List<List<String>> scripts = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            scripts.add(IntakeScripts.telegram(TelegramFixtures.newChatId()));
        }
        AtomicInteger next = new AtomicInteger();
        return () -> {
            int index = next.getAndIncrement();
            int person = index % people;
            int step = (index / people) % IntakeScripts.length();
            if (index / people >= IntakeScripts.length()) {
                // a second walk would be a duplicate update id; give the person fresh updates
                synchronized (scripts) {
                    if (step == 0) {
                        scripts.set(person, IntakeScripts.telegram(TelegramFixtures.newChatId()));
                    }
                }
            }
            return IntakeLoadPlan.telegramRequest(scripts.get(person).get(step));
        };
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(Map.of(
                "TELEGRAM_MAX_PER_SECOND", String.valueOf(TELEGRAM_LIMIT),
                "WHATSAPP_MAX_PER_SECOND", String.valueOf(WHATSAPP_LIMIT)));
        settings.putAll(EXTRA);
        return settings;
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
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
