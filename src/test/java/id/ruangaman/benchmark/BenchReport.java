package id.ruangaman.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/** The benchmark's results as Markdown, with the machine and the settings they were measured on. */
final class BenchReport {

    private final StringBuilder out = new StringBuilder();
    private double trivialPerSecond;
    private double webhookPerSecond;
    private double pgbenchPerSecond;
    private boolean limitsHeld = true;

    void machine(DataSource database) throws IOException, SQLException {
        out.append("# Ruang Aman load benchmark, ").append(LocalDate.now()).append("\n\n## Machine and settings\n\n");
        out.append("- CPU: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores available; memory ").append(memory()).append("\n");
        out.append("- ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(", Java ")
                .append(System.getProperty("java.version")).append("\n");
        out.append("- PostgreSQL ").append(LoadBenchmark.show(database, "server_version")).append(" (embedded, same machine): fsync=")
                .append(LoadBenchmark.show(database, "fsync")).append(", synchronous_commit=")
                .append(LoadBenchmark.show(database, "synchronous_commit")).append(", full_page_writes=")
                .append(LoadBenchmark.show(database, "full_page_writes")).append(", wal_sync_method=")
                .append(LoadBenchmark.show(database, "wal_sync_method")).append(", shared_buffers=")
                .append(LoadBenchmark.show(database, "shared_buffers")).append("\n");
        out.append("- Service, load generator, fake platforms and PostgreSQL all share the same cores; traffic is over loopback.\n");
    }

    void settings(List<String> service, int connections, double thinkSeconds, int whatsappEvery) {
        out.append("- Service: the packaged jar; ").append(String.join(", ", service)).append("\n");
        out.append("- Load: open loop (every update leaves at its planned moment; latency counts from that moment), ").append(connections)
                .append(" keep-alive connections (Telegram's default `max_connections` is 40); each person answers one intake step every ")
                .append(thinkSeconds).append(" s; every ").append(whatsappEvery).append("th person writes on WhatsApp, the rest on Telegram\n");
    }

    void replies(int[] telegram, int[] whatsapp) {
        out.append("- One intake is ").append(telegram.length).append(" updates; it gets ").append(Arrays.stream(telegram).sum())
                .append(" replies on Telegram and ").append(Arrays.stream(whatsapp).sum())
                .append(" on WhatsApp (counted by one calibration walk each)\n");
    }

    void closedLoop(String name, List<WebhookLoad.Outcome> outcomes, int seconds) {
        long ok = outcomes.stream().filter(outcome -> outcome.status() == 200).count();
        double perSecond = ok / (double) seconds;
        Latencies latencies = Latencies.ofNanos(outcomes.stream().filter(outcome -> outcome.status() == 200)
                .mapToLong(WebhookLoad.Outcome::latencyNanos).toArray());
        if (name.startsWith("Trivial")) {
            trivialPerSecond = perSecond;
            out.append("\n## Ceilings and the webhook flat out (closed loop, same concurrency, ").append(seconds).append(" s each)\n\n");
            out.append("| What | Answers/s | p50 | p95 | p99 | Not 200 |\n|---|---:|---:|---:|---:|---:|\n");
        } else {
            webhookPerSecond = perSecond;
        }
        out.append(String.format("| %s | %.0f | %.1f ms | %.1f ms | %.1f ms | %d |%n", name, perSecond, latencies.p50(), latencies.p95(),
                latencies.p99(), outcomes.size() - ok));
    }

    void pgbench(PgBench.Result result, int clients) {
        pgbenchPerSecond = result.tps();
        out.append(String.format("| PostgreSQL durable single-row insert (%s, %d clients) | %.0f | avg %.1f ms | | | |%n",
                result.version(), clients, result.tps(), result.averageLatencyMillis()));
        out.append(String.format("%nThe webhook flat out reaches **%.0f%%** of the trivial endpoint and **%.0f%%** of PostgreSQL's durable "
                + "insert rate.%n", 100 * webhookPerSecond / trivialPerSecond, 100 * webhookPerSecond / pgbenchPerSecond));
    }

    void drain(String when, Backlog.Drain drain) {
        out.append(String.format("%nBacklog %s: %d updates and %d replies waiting; worked off in %.1f s%s (%.0f updates/s processed).%n",
                when, drain.inboundAtStart(), drain.outboundAtStart(), drain.seconds(), drain.complete() ? "" : " (NOT finished)",
                drain.inboundAtStart() / Math.max(0.001, drain.seconds())));
    }

    void sustained(String name, IntakeLoadPlan plan, int steadySeconds, Map<Integer, Integer> statuses, Latencies acknowledged,
            Latencies endToEnd, int undelivered, List<Backlog.Sample> samples, Backlog.Drain drain) {
        double from = plan.steadyFromNanos / 1e9;
        double to = from + steadySeconds;
        List<Backlog.Sample> steady = samples.stream().filter(s -> s.seconds() >= from && s.seconds() <= to).toList();
        Backlog.Sample first = steady.get(0);
        Backlog.Sample last = steady.get(steady.size() - 1);
        double span = last.seconds() - first.seconds();
        double processed = ((last.acknowledged() - last.inboundPending()) - (first.acknowledged() - first.inboundPending())) / span;
        double sent = ((last.telegramSent() + last.whatsappSent()) - (first.telegramSent() + first.whatsappSent())) / span;
        double ackedPerSecond = acknowledged.count() / (double) steadySeconds;
        double maxRss = samples.stream().mapToDouble(Backlog.Sample::serviceRssMiB).max().orElse(0);
        out.append("\n## Sustained: ").append(name).append("\n\n");
        out.append(String.format("%d people at a time, %.0f updates planned per second; measured over %d s once every intake step is in "
                + "play (after a %.0f s ramp). HTTP statuses (0: connection failed, -1: no answer within 10 minutes): %s.%n%n", plan.people, (double) plan.rate, steadySeconds, from, statuses));
        out.append("| Figure | Value | Target |\n|---|---|---|\n");
        out.append(String.format("| Webhook updates acknowledged | %.0f/s | ≥ 1,000/s |%n", ackedPerSecond));
        out.append(String.format("| Webhook latency (from the planned moment) | %s | p99 ≤ 50 ms |%n", acknowledged.summary()));
        out.append(String.format("| End to end, update sent → first reply at the fake | %s; %d never arrived | p99 ≤ 1 s |%n",
                endToEnd.summary(), undelivered));
        out.append(String.format("| Updates processed | %.0f/s |  |%n", processed));
        out.append(String.format("| Replies delivered to the fakes | %.0f/s |  |%n", sent));
        out.append(String.format("| Backlog at start / end of the window | %d / %d updates, %d / %d replies | not growing |%n",
                first.inboundPending(), last.inboundPending(), first.outboundPending(), last.outboundPending()));
        out.append(String.format("| Backlog after the load | worked off in %.1f s%s |  |%n", drain.seconds(), drain.complete() ? "" : " (NOT finished)"));
        out.append(String.format("| CPU (100%% = one core) | service %.0f%%, PostgreSQL %.0f%%, load generator + fakes %.0f%% |  |%n",
                100 * (last.serviceCpuSeconds() - first.serviceCpuSeconds()) / span,
                100 * (last.postgresCpuSeconds() - first.postgresCpuSeconds()) / span,
                100 * (last.driverCpuSeconds() - first.driverCpuSeconds()) / span));
        out.append(String.format("| Service RSS | %.0f MiB at the end of the window, %.0f MiB max |  |%n", last.serviceRssMiB(), maxRss));
        if (trivialPerSecond > 0 && pgbenchPerSecond > 0) {
            out.append(String.format("| Acknowledged rate as a share of the ceilings | %.0f%% of the trivial endpoint, %.0f%% of pgbench |  |%n",
                    100 * ackedPerSecond / trivialPerSecond, 100 * ackedPerSecond / pgbenchPerSecond));
        }
        out.append("\nBacklog over time (every 5 s from the start of the run, ramp included):\n\n");
        out.append("| s | updates waiting | replies waiting | acknowledged | replies delivered | service RSS MiB |\n|---:|---:|---:|---:|---:|---:|\n");
        for (Backlog.Sample sample : samples) {
            if (Math.round(sample.seconds()) % 5 == 0) {
                out.append(String.format("| %.0f | %d | %d | %d | %d | %.0f |%n", sample.seconds(), sample.inboundPending(),
                        sample.outboundPending(), sample.acknowledged(), sample.telegramSent() + sample.whatsappSent(), sample.serviceRssMiB()));
            }
        }
    }

    void profile(int rate, String summary) {
        out.append("\n## Profile of the service during the ").append(rate).append(" updates/s run (Java Flight Recorder)\n\n```\n")
                .append(summary).append("```\n");
    }

    /** PostgreSQL's side of the profile: the statements that took the most time in the server. */
    void statements(DataSource database, int top) throws SQLException {
        out.append("\n## Profile of PostgreSQL over the measured phases (pg_stat_statements, by total time)\n\n");
        out.append("| Share | Total ms | Calls | Mean ms | Statement |\n|---:|---:|---:|---:|---|\n");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select total_exec_time, calls, mean_exec_time, "
                        + "100 * total_exec_time / sum(total_exec_time) over () as share, query from pg_stat_statements "
                        + "where query not like '%pg_stat_statements%' order by total_exec_time desc limit " + top)) {
            while (rows.next()) {
                String query = rows.getString(5).replaceAll("\\s+", " ").replace("|", "\\|");
                out.append(String.format("| %.1f%% | %.0f | %d | %.2f | `%s` |%n", rows.getDouble(4), rows.getDouble(1), rows.getLong(2),
                        rows.getDouble(3), query.length() > 160 ? query.substring(0, 160) + "…" : query));
            }
        }
    }

    void limits(BenchPlatforms platforms, int telegramPerSecond, int whatsappPerSecond, int telegramBurst, Duration telegramWindow,
            int whatsappBurst, Duration whatsappWindow) {
        int telegramMax = platforms.telegramSends().maxInWindow(1_000_000_000L);
        int whatsappMax = platforms.whatsappSends().maxInWindow(1_000_000_000L);
        int telegramChatMax = 0;
        int whatsappChatMax = 0;
        for (Map.Entry<String, BenchPlatforms.Arrivals> chat : platforms.chats()) {
            if (chat.getKey().startsWith("tg:")) {
                telegramChatMax = Math.max(telegramChatMax, chat.getValue().maxInWindow(telegramWindow.toNanos()));
            } else {
                whatsappChatMax = Math.max(whatsappChatMax, chat.getValue().maxInWindow(whatsappWindow.toNanos()));
            }
        }
        limitsHeld = telegramMax <= telegramPerSecond && whatsappMax <= whatsappPerSecond && telegramChatMax <= telegramBurst
                && whatsappChatMax <= whatsappBurst;
        out.append("\n## Outbound limits, as seen by the fake platforms over the whole run\n\n");
        out.append("| Limit | Configured | Most seen in any window |\n|---|---:|---:|\n");
        out.append(String.format("| Telegram messages in any 1 s | %d | %d |%n", telegramPerSecond, telegramMax));
        out.append(String.format("| WhatsApp messages in any 1 s | %d | %d |%n", whatsappPerSecond, whatsappMax));
        out.append(String.format("| Telegram messages to one chat in any %d s | %d | %d |%n", telegramWindow.toSeconds(), telegramBurst, telegramChatMax));
        out.append(String.format("| WhatsApp messages to one number in any %d s | %d | %d |%n", whatsappWindow.toSeconds(), whatsappBurst,
                whatsappChatMax));
        out.append(String.format("%nCallback answers: %d; other platform calls: %d.%n", platforms.callbackAnswers(), platforms.otherCalls()));
    }

    void inbox(InboxListBenchmark.Result result) {
        out.append("\n## Inbox case list with ").append(String.format("%,d", result.cases())).append(" cases\n\n");
        out.append(String.format("%d sequential renders of the case list, logged in, over loopback: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms (target: p95 ≤ 100 ms). Seeding took %.1f s.%n", result.requests(), result.p50Millis(), result.p95Millis(),
                result.p99Millis(), result.maxMillis(), result.seedMillis() / 1000.0));
        if (result.explain() != null && !result.explain().isBlank()) {
            out.append("\nPlan of the list's main query:\n\n```\n").append(result.explain().strip()).append("\n```\n");
        }
    }

    boolean limitsHeld() {
        return limitsHeld;
    }

    String markdown() {
        return out.toString();
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }

    private static String memory() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                .map(line -> String.format("%.0f GiB", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .collect(Collectors.joining());
    }
}
