package id.ruangaman.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * The benchmark's results as Markdown: the machine and the settings, the one results table ({@link ResultsTable}),
 * and below it the details each figure came from (per phase: statuses, CPU, the backlog over time, the profiles).
 */
final class BenchReport {

    private final StringBuilder header = new StringBuilder();
    private final StringBuilder details = new StringBuilder();
    private final ResultsTable table = new ResultsTable();

    ResultsTable table() {
        return table;
    }

    void machine(DataSource database) throws IOException, SQLException {
        header.append("# Ruang Aman load benchmark, ").append(LocalDate.now()).append("\n\n## Machine and settings\n\n");
        header.append("- CPU: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores available; memory ").append(memory()).append("\n");
        header.append("- ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(", Java ")
                .append(System.getProperty("java.version")).append("\n");
        header.append("- PostgreSQL ").append(LoadBenchmark.show(database, "server_version")).append(" (embedded, same machine): fsync=")
                .append(LoadBenchmark.show(database, "fsync")).append(", synchronous_commit=")
                .append(LoadBenchmark.show(database, "synchronous_commit")).append(", full_page_writes=")
                .append(LoadBenchmark.show(database, "full_page_writes")).append(", wal_sync_method=")
                .append(LoadBenchmark.show(database, "wal_sync_method")).append(", shared_buffers=")
                .append(LoadBenchmark.show(database, "shared_buffers")).append("\n");
        header.append("- Service, load generator, fake platforms and PostgreSQL all share the same cores; traffic is over loopback. ")
                .append("Each phase runs on its own fresh database in the same PostgreSQL, so no phase inherits another's backlog.\n");
    }

    void setting(String line) {
        header.append("- ").append(line).append("\n");
    }

    void replies(int[] telegram, int[] whatsapp) {
        setting("One intake is " + telegram.length + " updates; it gets " + Arrays.stream(telegram).sum() + " replies on Telegram and "
                + Arrays.stream(whatsapp).sum() + " on WhatsApp (counted by one calibration walk each)");
    }

    /** A details section with a title and Markdown body. */
    void section(String title, String body) {
        details.append("\n## ").append(title).append("\n\n").append(body.strip()).append("\n");
    }

    /** The CPU used between two samples, as shares of one core. */
    static String cpu(Backlog.Sample first, Backlog.Sample last) {
        double span = Math.max(0.001, last.seconds() - first.seconds());
        return String.format("service %.0f%%, PostgreSQL %.0f%%, load generator + fakes %.0f%% (100%% = one core)",
                100 * (last.serviceCpuSeconds() - first.serviceCpuSeconds()) / span,
                100 * (last.postgresCpuSeconds() - first.postgresCpuSeconds()) / span,
                100 * (last.driverCpuSeconds() - first.driverCpuSeconds()) / span);
    }

    /** Samples as a table, one row every {@code everySeconds}. */
    static String series(List<Backlog.Sample> samples, double everySeconds) {
        StringBuilder out = new StringBuilder("| s | updates waiting | replies waiting (Telegram / WhatsApp) | Telegram chats waiting: due / "
                + "being sent / not due yet | acknowledged | replies delivered | service RSS MiB |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        double next = 0;
        for (int i = 0; i < samples.size(); i++) {
            Backlog.Sample sample = samples.get(i);
            // the last sample too, however soon after the one before: a phase's final count may be only there
            if (sample.seconds() + 1e-6 >= next || i == samples.size() - 1) {
                Backlog.Chats chats = sample.telegramChats();
                out.append(String.format("| %.1f | %d | %s | %s | %d | %d | %.0f |%n", sample.seconds(), sample.inboundPending(),
                        sample.telegramPending() < 0 ? "not read" : sample.telegramPending() + " / " + sample.whatsappPending(),
                        chats.due() < 0 ? "not read" : chats.due() + " / " + chats.sending() + " / " + chats.later(),
                        sample.acknowledged(), sample.telegramSent() + sample.whatsappSent(), sample.serviceRssMiB()));
                next = sample.seconds() + everySeconds - 1e-6;
            }
        }
        return out.toString();
    }

    void profile(String phase, String summary) {
        section("Profile of the service: " + phase + " (Java Flight Recorder)", "```\n" + summary + "```");
    }

    /**
     * PostgreSQL's side of the profile for one phase's database: the statements that took the most time in the server
     * since the phase's counters were reset, leaving out the benchmark's own sampling.
     */
    void statements(DataSource admin, String database, String phase, int top) throws SQLException {
        StringBuilder out = new StringBuilder("| Share | Total ms | Calls | Mean ms | Statement |\n|---:|---:|---:|---:|---|\n");
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select total_exec_time, calls, mean_exec_time, "
                        + "100 * total_exec_time / nullif(sum(total_exec_time) over (), 0) as share, query from pg_stat_statements s "
                        + "join pg_database d on d.oid = s.dbid where d.datname = '" + database + "' "
                        + "and query not like '%pg_stat_statements%' and query not like '%" + Backlog.SAMPLER_TAG + "%' "
                        + "order by total_exec_time desc limit " + top)) {
            while (rows.next()) {
                String query = rows.getString(5).replaceAll("\\s+", " ").replace("|", "\\|");
                out.append(String.format("| %.1f%% | %.0f | %d | %.3f | `%s` |%n", rows.getDouble(4), rows.getDouble(1), rows.getLong(2),
                        rows.getDouble(3), query.length() > 160 ? query.substring(0, 160) + "…" : query));
            }
        }
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select coalesce(sum(total_exec_time), 0), coalesce(sum(calls), 0) "
                        + "from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = '" + database + "' "
                        + "and query like '%" + Backlog.SAMPLER_TAG + "%'")) {
            rows.next();
            out.append(String.format("%nThe benchmark's own backlog samples (left out of the table and of the "
                    + "shares): %,.0f ms in %,d calls.%n", rows.getDouble(1), rows.getLong(2)));
        }
        section("Profile of PostgreSQL: " + phase + " (pg_stat_statements, top " + top
                + " by total time; share of all the time of this phase's database)", out.toString());
    }

    /**
     * What the phase's PostgreSQL backends were doing, sampled, and the WAL it wrote and flushed ({@link PostgresWaits},
     * stopped); {@code steps} the updates processed in it, for the WAL per step (0: not shown).
     */
    void waits(PostgresWaits waits, String phase, long steps) {
        section("PostgreSQL's backends and WAL: " + phase + " (pg_stat_activity every 0.1 s; pg_stat_wal)",
                waits.wal(steps) + "\n" + waits.backends(12));
    }

    /**
     * The row updates of a phase's database, per table: how many there were and how many of them were HOT (no new
     * index entries; the new row version on the same page). Read after the phase's service stopped, so its
     * connections have reported their counts. Counted since the database was created.
     */
    void rowUpdates(DataSource database, String phase) throws SQLException {
        rowUpdates(database, phase, Map.of());
    }

    /**
     * As {@link #rowUpdates(DataSource, String)}, counting only what came after {@code before} (a
     * {@link #rowUpdateCounts} taken when the phase began, after the previous phase's service stopped): for a phase
     * that works on the database another phase left.
     */
    void rowUpdates(DataSource database, String phase, Map<String, long[]> before) throws SQLException {
        StringBuilder out = new StringBuilder("| Table | Updates | HOT | HOT share |\n|---|---:|---:|---:|\n");
        rowUpdateCounts(database).entrySet().stream()
                .map(table -> {
                    long[] earlier = before.getOrDefault(table.getKey(), new long[2]);
                    return Map.entry(table.getKey(), new long[] { table.getValue()[0] - earlier[0], table.getValue()[1] - earlier[1] });
                })
                .filter(table -> table.getValue()[0] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(table -> out.append(String.format("| `%s` | %d | %d | %.0f%% |%n", table.getKey(), table.getValue()[0],
                        table.getValue()[1], 100.0 * table.getValue()[1] / table.getValue()[0])));
        section("Row updates: " + phase + " (pg_stat_user_tables)", out.toString());
    }

    /** Each table's row updates and HOT updates so far: table name → {updates, HOT updates}. */
    static Map<String, long[]> rowUpdateCounts(DataSource database) throws SQLException {
        Map<String, long[]> counts = new HashMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select relname, n_tup_upd, n_tup_hot_upd from pg_stat_user_tables")) {
            while (rows.next()) {
                counts.put(rows.getString(1), new long[] { rows.getLong(2), rows.getLong(3) });
            }
        }
        return counts;
    }

    String markdown() {
        StringBuilder out = new StringBuilder(header);
        out.append("\n## Results\n\n").append(table.markdown());
        out.append("\n").append(table.tally()).append(table.missed().isEmpty() ? "\n"
                : " The profiles below show where the time of the missed goals went.\n");
        return out.append(details).toString();
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
