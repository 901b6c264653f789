package id.ruangaman.channel.outbound;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rough measurement, not part of the suite (run it by name): queues {@code measure.sends} Telegram replies to
 * {@code measure.chats} chats (at most the per-chat burst each), after a warm-up of {@code measure.warm-up}, and prints, once the fake Bot API has them all, the CPU
 * the channel's sender threads and the whole JVM spent per send (the JVM's figure includes the fake platform and
 * excludes the waiting test thread) and the database's processes per send. The replies are queued while delivery is
 * stopped, so only the sends are counted. With {@code pg_stat_statements} loaded in the database, also the statements
 * and commits per send; with {@code -Dmeasure.jfr=FILE}, a flight recording of the measured sends. Run with a limit far
 * above what the senders reach, e.g.
 * {@code ./mvnw -o test -Dtest=OutboundSendsMeasure -Dtelegram.max-per-second=1000}
 * (and {@code -Did.ruangaman.embedded-postgres.url=jdbc:postgresql://127.0.0.1:PORT/postgres} for a PostgreSQL of your
 * own with {@code shared_preload_libraries=pg_stat_statements}).
 */
@QuarkusTest
class OutboundSendsMeasure {

    private static final int SENDS = Integer.getInteger("measure.sends", 4000);
    private static final int WARM_UP = Integer.getInteger("measure.warm-up", 2000);
    private static final int CHATS = Integer.getInteger("measure.chats", 1500);

    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    DataSource dataSource;
    @Inject
    OutboxDispatcher dispatcher;

    @Test
    void measure() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        run(threads, WARM_UP, "warm-up (not counted)");
        run(threads, SENDS, "measured");
    }

    private void run(ThreadMXBean threads, int sends, String label) throws Exception {
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            chats.add(TelegramFixtures.newChatId());
        }
        long before = sql("select count(*) from chat_message where status = 'SENT'");
        // Delivery stopped while the replies are queued, so the counts below are the sends' alone.
        dispatcher.onStop(null);
        for (int from = 0; from < sends; from += 100) {
            int first = from;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = first; i < Math.min(sends, first + 100); i++) {
                    outbox.queueText(contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(chats.get(i % CHATS))), "pesan ukur " + i);
                }
            });
        }
        boolean statements = sql("select count(*) from pg_extension where extname = 'pg_stat_statements'") > 0;
        if (statements) {
            sql("select count(*) from (select pg_stat_statements_reset()) r");
        }
        jdk.jfr.Recording recording = null;
        if (System.getProperty("measure.jfr") != null && !label.startsWith("warm")) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
        }
        long senderCpu = senderCpuNanos(threads);
        long processCpu = processCpuNanos();
        long databaseCpu = databaseCpuTicks();
        long waitingCpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        dispatcher.onStart(null);
        Eventually.await("every send recorded", Duration.ofMinutes(10),
                () -> sql("select /* measure */ count(*) from chat_message where status = 'SENT'") - before >= sends);
        double seconds = (System.nanoTime() - started) / 1e9;
        waitingCpu = threads.getCurrentThreadCpuTime() - waitingCpu;
        long databaseTicks = databaseCpuTicks() - databaseCpu;
        if (recording != null) {
            recording.stop();
            recording.dump(java.nio.file.Path.of(System.getProperty("measure.jfr")));
            recording.close();
        }
        System.out.printf("[measure] %s: %d sends to %d chats in %.1f s (%.0f/s): the lane's threads' CPU %.3f ms per send, the "
                + "whole JVM's %.3f ms (the waiting test thread excluded), PostgreSQL's %.3f ms%n", label, sends, CHATS, seconds,
                sends / seconds, (senderCpuNanos(threads) - senderCpu) / 1e6 / sends,
                (processCpuNanos() - processCpu - waitingCpu) / 1e6 / sends, databaseTicks * 10.0 / sends);
        if (statements) {
            String filter = "where query not like '%pg_stat_statements%' and query not like '%measure%' and query not like '%pg_extension%'";
            long calls = sql("select coalesce(sum(calls), 0)::bigint from pg_stat_statements " + filter);
            long commits = sql("select coalesce(sum(calls), 0)::bigint from pg_stat_statements where query ilike 'commit'");
            long micros = sql("select coalesce(sum(total_exec_time) * 1000, 0)::bigint from pg_stat_statements " + filter);
            System.out.printf("[measure] %s: %.2f statements per send (%.2f commits), statement time %.3f ms per send%n", label,
                    calls / (double) sends, commits / (double) sends, micros / 1000.0 / sends);
            try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(
                    "select calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 140), total_exec_time from pg_stat_statements "
                            + filter + " order by calls desc limit 25")) {
                while (r.next()) {
                    System.out.printf("[measure]   %7d %9.1f ms  %s%n", r.getLong(1), r.getDouble(3), r.getString(2));
                }
            }
        }
    }

    /** CPU of the database's processes so far, in clock ticks (10 ms): the postmaster, its exited and its live children. */
    private long databaseCpuTicks() throws Exception {
        String directory;
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery("show data_directory")) {
            r.next();
            directory = r.getString(1);
        }
        String postmaster = java.nio.file.Files.readAllLines(java.nio.file.Path.of(directory, "postmaster.pid")).get(0).trim();
        long ticks = 0;
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path process : (Iterable<java.nio.file.Path>) processes::iterator) {
                String[] stat;
                try {
                    String line = java.nio.file.Files.readString(process.resolve("stat"));
                    stat = line.substring(line.lastIndexOf(')') + 2).split(" ");
                } catch (java.io.IOException | RuntimeException e) {
                    continue;
                }
                String pid = process.getFileName().toString();
                // fields after the name: state ppid ... utime(12) stime(13) cutime(14) cstime(15), counted from state = 0
                if (pid.equals(postmaster)) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                } else if (stat[1].equals(postmaster)) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        }
        return ticks;
    }

    /** CPU so far of the Telegram lane's threads (its claiming loop and its senders), in nanoseconds. */
    private static long senderCpuNanos(ThreadMXBean threads) {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().equals("outbound-telegram") || info.getThreadName().equals("outbox-telegram"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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
