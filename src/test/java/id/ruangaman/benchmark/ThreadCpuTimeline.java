package id.ruangaman.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The service's CPU per second by thread kind, and PostgreSQL's beside it, read from /proc (Linux) once a second: what
 * a fresh instance spends its first seconds on (the JIT's compiler threads, the senders, the workers). A thread's kind
 * is its name without digits ({@code C2 CompilerThread0} and {@code C2 CompilerThread1} are one kind).
 */
final class ThreadCpuTimeline implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /** One second's CPU seconds per thread kind, and PostgreSQL's, {@code seconds} after the sampler started. */
    record Second(double seconds, Map<String, Double> byKind, double postgres) {
    }

    private final long pid;
    private final Supplier<List<Long>> postgres;
    private final long startNanos = System.nanoTime();
    private final List<Second> seconds = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    ThreadCpuTimeline(long pid, Supplier<List<Long>> postgres) {
        this.pid = pid;
        this.postgres = postgres;
        this.sampler = new Thread(this::sample, "benchmark-thread-cpu");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    private void sample() {
        Map<String, Double> before = byKind();
        double postgresBefore = ProcessSampler.cpuSeconds(postgres.get());
        long next = System.nanoTime();
        while (running) {
            next += 1_000_000_000L;
            try {
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
            Map<String, Double> now = byKind();
            double postgresNow = ProcessSampler.cpuSeconds(postgres.get());
            Map<String, Double> delta = new TreeMap<>();
            now.forEach((kind, cpu) -> delta.put(kind, cpu - before.getOrDefault(kind, 0.0)));
            synchronized (seconds) {
                seconds.add(new Second((System.nanoTime() - startNanos) / 1e9, delta, postgresNow - postgresBefore));
            }
            before.clear();
            before.putAll(now);
            postgresBefore = postgresNow;
        }
    }

    /** CPU seconds so far per thread kind of the live threads. */
    private Map<String, Double> byKind() {
        Map<String, Double> total = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    total.merge(name.replaceAll("[0-9]", "").trim(), cpu, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return total;
    }

    List<Second> seconds() {
        synchronized (seconds) {
            return List.copyOf(seconds);
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /**
     * CPU per step in milliseconds for several runs side by side: one row per thread kind among the {@code top} busiest
     * over all runs, then the rest of the service, the whole service and PostgreSQL; one column per run. {@code totals}:
     * each run's {@link #totals()}. A run with no steps shows "-".
     */
    static String perStep(List<String> names, List<Map<String, Double>> totals, List<Long> steps, int top) {
        Map<String, Double> overall = new TreeMap<>();
        totals.forEach(total -> total.forEach((kind, cpu) -> overall.merge(kind, cpu, Double::sum)));
        List<String> kinds = overall.entrySet().stream().filter(entry -> !entry.getKey().equals(POSTGRES))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top).map(Map.Entry::getKey).toList();
        StringBuilder out = new StringBuilder("| ms of CPU per step |");
        names.forEach(name -> out.append(' ').append(name).append(" |"));
        out.append("\n|---|").append("---:|".repeat(names.size())).append('\n');
        for (String kind : kinds) {
            out.append("| ").append(kind).append(" |");
            for (int run = 0; run < totals.size(); run++) {
                out.append(' ').append(perStep(totals.get(run).getOrDefault(kind, 0.0), steps.get(run))).append(" |");
            }
            out.append('\n');
        }
        String[] rows = { "other threads", "service", "PostgreSQL" };
        for (String row : rows) {
            out.append("| ").append(row).append(" |");
            for (int run = 0; run < totals.size(); run++) {
                Map<String, Double> total = totals.get(run);
                double service = total.entrySet().stream().filter(e -> !e.getKey().equals(POSTGRES)).mapToDouble(Map.Entry::getValue).sum();
                double listed = kinds.stream().mapToDouble(kind -> total.getOrDefault(kind, 0.0)).sum();
                double cpu = switch (row) {
                    case "other threads" -> service - listed;
                    case "service" -> service;
                    default -> total.getOrDefault(POSTGRES, 0.0);
                };
                out.append(' ').append(perStep(cpu, steps.get(run))).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The key of PostgreSQL's CPU in {@link #totals}. */
    static final String POSTGRES = "PostgreSQL";

    /** CPU seconds over the whole timeline per thread kind, and PostgreSQL's under {@link #POSTGRES}. */
    Map<String, Double> totals() {
        Map<String, Double> total = new TreeMap<>();
        for (Second second : seconds()) {
            second.byKind().forEach((kind, cpu) -> total.merge(kind, cpu, Double::sum));
            total.merge(POSTGRES, second.postgres(), Double::sum);
        }
        return total;
    }

    /**
     * CPU seconds a second per thread kind, and PostgreSQL's under {@link #POSTGRES}, over the sampled seconds that ended
     * after {@code fromNanos} and at or before {@code toNanos} ({@link System#nanoTime()} readings): the mean use of a
     * window of a longer run (1.0 is one core). Empty when no sampled second ended in it (no {@code /proc}).
     */
    Map<String, Double> perSecond(long fromNanos, long toNanos) {
        return perSecond(seconds(), startNanos, fromNanos, toNanos);
    }

    /**
     * {@link #perSecond(long, long)} of {@code seconds} sampled by a timeline that started at {@code startNanos}. Each
     * sampled second runs from the end of the one before it (the timeline's start for the first) to its own end; the
     * CPU of those that ended in the window is divided by the time they cover together.
     */
    static Map<String, Double> perSecond(List<Second> seconds, long startNanos, long fromNanos, long toNanos) {
        Map<String, Double> total = new TreeMap<>();
        long previousEnd = startNanos;
        Long coveredFrom = null; // nanoTime readings may be negative, so no reading can mean "none yet"
        long coveredTo = startNanos;
        for (Second second : seconds) {
            long endedAt = startNanos + Math.round(second.seconds() * 1e9);
            if (endedAt - fromNanos > 0 && endedAt - toNanos <= 0) {
                second.byKind().forEach((kind, cpu) -> total.merge(kind, cpu, Double::sum));
                total.merge(POSTGRES, second.postgres(), Double::sum);
                coveredFrom = coveredFrom == null ? previousEnd : coveredFrom;
                coveredTo = endedAt;
            }
            previousEnd = endedAt;
        }
        double covered = coveredFrom == null ? 0 : (coveredTo - coveredFrom) / 1e9;
        if (total.isEmpty() || covered <= 0) {
            return Map.of();
        }
        total.replaceAll((kind, cpu) -> cpu / covered);
        return total;
    }

    private static String perStep(double cpuSeconds, long steps) {
        return steps > 0 ? String.format("%.3f", cpuSeconds * 1000 / steps) : "-";
    }

    /**
     * A table of the first {@code upTo} seconds: per second the service's CPU in its {@code top} busiest thread kinds
     * (over those seconds), the rest, and PostgreSQL's; in CPU seconds per second (1.00 is one core).
     */
    String table(int upTo, int top) {
        List<Second> shown = seconds().stream().filter(second -> second.seconds() <= upTo + 0.5).toList();
        Map<String, Double> totals = new TreeMap<>();
        shown.forEach(second -> second.byKind().forEach((kind, cpu) -> totals.merge(kind, cpu, Double::sum)));
        List<String> kinds = totals.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .map(Map.Entry::getKey).toList();
        StringBuilder out = new StringBuilder("| s |");
        kinds.forEach(kind -> out.append(' ').append(kind).append(" |"));
        out.append(" other threads | service | PostgreSQL |\n|---:|");
        out.append("---:|".repeat(kinds.size() + 3)).append('\n');
        for (Second second : shown) {
            out.append(String.format("| %.0f |", second.seconds()));
            double service = second.byKind().values().stream().mapToDouble(Double::doubleValue).sum();
            double listed = 0;
            for (String kind : kinds) {
                double cpu = second.byKind().getOrDefault(kind, 0.0);
                listed += cpu;
                out.append(String.format(" %.2f |", cpu));
            }
            out.append(String.format(" %.2f | %.2f | %.2f |%n", service - listed, service, second.postgres()));
        }
        return out.toString();
    }
}
