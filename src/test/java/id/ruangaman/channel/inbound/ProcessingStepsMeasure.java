package id.ruangaman.channel.inbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rough measurement, not part of the suite (run it by name): a backlog of intake steps from many Telegram chats is
 * stored while processing is paused, then worked off; prints steps per second and, when the database has
 * {@code pg_stat_statements} loaded, the statements per step. Start a PostgreSQL with
 * {@code shared_preload_libraries=pg_stat_statements} and run
 * {@code ./mvnw -o test -Dtest=ProcessingStepsMeasure -Did.ruangaman.embedded-postgres.url=jdbc:postgresql://127.0.0.1:PORT/postgres
 * -Druangaman.channels.deliver-outbound=false} (outbound off, so only processing is counted).
 */
@QuarkusTest
class ProcessingStepsMeasure {

    private static final int CHATS = Integer.getInteger("measure.chats", 150);

    @Inject
    InboundProcessor processor;
    @Inject
    DataSource dataSource;

    @Test
    void measure() throws Exception {
        List<String> script = List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:details", "violence_type:sexual_assault", "violence_type:done");
        processor.pause();
        List<String> updates = new ArrayList<>();
        for (int chat = 0; chat < CHATS; chat++) {
            long chatId = TelegramFixtures.newChatId();
            updates.add(TelegramFixtures.render("start_command.json", chatId));
            script.forEach(data -> updates.add(TelegramFixtures.button(chatId, data)));
            updates.add(TelegramFixtures.text(chatId, "pesan sintetis untuk pengukuran"));
        }
        // every chat's updates in order, the chats interleaved as they would arrive
        int perChat = script.size() + 2;
        for (int step = 0; step < perChat; step++) {
            for (int chat = 0; chat < CHATS; chat++) {
                TelegramChats.post(updates.get(chat * perChat + step)).then().statusCode(200);
            }
        }
        boolean statements = sql("select count(*) from pg_extension where extname = 'pg_stat_statements'") > 0;
        if (statements) {
            sql("select count(*) from (select pg_stat_statements_reset()) r");
        }
        long workerCpu = workerCpuNanos();
        long started = System.nanoTime();
        processor.resume();
        Eventually.await("backlog worked off", Duration.ofMinutes(10),
                () -> sql("select count(*) from inbound_update where status = 'PENDING'") == 0);
        double seconds = (System.nanoTime() - started) / 1e9;
        int steps = updates.size();
        System.out.printf("[measure] %d steps from %d chats in %.1f s: %.0f steps/s; inbound workers' CPU %.2f ms per step%n",
                steps, CHATS, seconds, steps / seconds, (workerCpuNanos() - workerCpu) / 1e6 / steps);
        if (statements) {
            long calls = sql("select sum(calls)::bigint from pg_stat_statements where query not like '%pg_stat_statements%' "
                    + "and query not like '%pg_extension%' and query not like 'select count(*) from inbound_update%' "
                    + "and query not in ('BEGIN', 'COMMIT', 'ROLLBACK')");
            long commits = sql("select coalesce(sum(calls), 0)::bigint from pg_stat_statements where query = 'COMMIT'");
            long databaseMicros = sql("select (sum(total_exec_time) * 1000)::bigint from pg_stat_statements "
                    + "where query not like '%pg_stat_statements%' and query not like '%pg_extension%' "
                    + "and query not like 'select count(*) from inbound_update%'"); // the wait for the backlog above
            System.out.printf("[measure] %.1f statements per step (%d), %.2f commits per step, %.3f ms of statement time per step%n",
                    calls / (double) steps, calls, commits / (double) steps, databaseMicros / 1e3 / steps);
            try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(
                    "select calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 150), total_exec_time from pg_stat_statements "
                            + "where query not like '%pg_stat_statements%' order by total_exec_time desc limit 30")) {
                while (r.next()) {
                    System.out.printf("[measure] %8d %9.1f ms  %s%n", r.getLong(1), r.getDouble(3), r.getString(2));
                }
            }
        }
    }

    /** CPU time of the inbound workers so far, in nanoseconds (the JVM's per-thread CPU clock). */
    private static long workerCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("inbound-worker")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private long sql(String query) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
