package id.ruangaman.channel.inbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rough measurement, not part of the suite (run it by name): a backlog of whole intakes (to the confirmed summary)
 * from many people, every fifth on WhatsApp, is stored while processing is paused, then worked off; prints steps per
 * second, the inbound workers' and the whole JVM's CPU per step and, when the database has
 * {@code pg_stat_statements} loaded, the statements per step. Start a PostgreSQL with
 * {@code shared_preload_libraries=pg_stat_statements} and run
 * {@code ./mvnw -o test -Dtest=ProcessingStepsMeasure -Did.ruangaman.embedded-postgres.url=jdbc:postgresql://127.0.0.1:PORT/postgres
 * -Druangaman.channels.deliver-outbound=false} (outbound off, so only processing is counted). With
 * {@code -Dmeasure.passes=N} the same JVM works off N such backlogs one after the other, each printed: the later ones
 * measure a warm service (the first pays for the JIT's warm-up as much as for the steps).
 */
@QuarkusTest
class ProcessingStepsMeasure {

    private static final int CHATS = Integer.getInteger("measure.chats", 150);
    /** How many backlogs are worked off one after the other; each is printed, the last on the warmest JVM. */
    private static final int PASSES = Integer.getInteger("measure.passes", 1);

    @Inject
    InboundProcessor processor;
    @Inject
    DataSource dataSource;

    @Test
    void measure() throws Exception {
        for (int pass = 1; pass <= PASSES; pass++) {
            System.out.printf("[measure] pass %d of %d%n", pass, PASSES);
            backlog();
        }
    }

    private void backlog() throws Exception {
        // A whole intake to its confirmed summary (so a new case files the lines that led to it), every fifth person on
        // WhatsApp, as in the benchmark's drain.
        IntakeWalk walk = IntakeWalk.shortVictim(true, "Cerita sintetis untuk pengukuran, tanpa nama asli.", "no", "legal");
        processor.pause();
        List<List<String>> people = new ArrayList<>();
        for (int person = 0; person < CHATS; person++) {
            List<String> updates = new ArrayList<>();
            if (person % 5 == 4) {
                String number = WhatsAppFixtures.newNumber();
                updates.add(WhatsAppFixtures.text(number, "halo"));
                updates.addAll(walk.whatsApp(number));
            } else {
                long chatId = TelegramFixtures.newChatId();
                updates.add(TelegramFixtures.render("start_command.json", chatId));
                updates.addAll(walk.telegram(chatId));
            }
            people.add(updates);
        }
        // every person's updates in order, the people interleaved as they would arrive
        int steps = 0;
        for (int step = 0; step < people.get(0).size(); step++) {
            for (int person = 0; person < CHATS; person++) {
                String update = people.get(person).get(step);
                (person % 5 == 4 ? WhatsAppFixtures.post(update) : TelegramChats.post(update)).then().statusCode(200);
                steps++;
            }
        }
        boolean statements = sql("select count(*) from pg_extension where extname = 'pg_stat_statements'") > 0;
        if (statements) {
            sql("select count(*) from (select pg_stat_statements_reset()) r");
        }
        long workerCpu = workerCpuNanos();
        long processCpu = processCpuNanos();
        long started = System.nanoTime();
        processor.resume();
        Eventually.await("backlog worked off", Duration.ofMinutes(10),
                () -> sql("select count(*) from inbound_update where status = 'PENDING'") == 0);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[measure] %d steps from %d people in %.1f s: %.0f steps/s; inbound workers' CPU %.2f ms per step, "
                + "the whole JVM's %.2f ms%n", steps, CHATS, seconds, steps / seconds, (workerCpuNanos() - workerCpu) / 1e6 / steps,
                (processCpuNanos() - processCpu) / 1e6 / steps);
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

    /** CPU time of this whole JVM so far (every thread, the JIT and the collector too), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
