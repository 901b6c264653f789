package id.ruangaman.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of processes, read from /proc (Linux). CPU is the sum of user and
 * system time; a share of 100% is one core fully busy.
 */
final class ProcessSampler {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private ProcessSampler() {
    }

    /** User plus system CPU seconds used so far by these processes. */
    static double cpuSeconds(List<Long> pids) {
        double total = 0;
        for (long pid : pids) {
            total += cpuSeconds(pid);
        }
        return total;
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Resident set size in MiB. */
    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    /** The PostgreSQL server whose data directory is given, with every backend it started. */
    static Supplier<List<Long>> postgresProcesses(Path dataDirectory) {
        String marker = dataDirectory.toAbsolutePath().toString();
        return () -> ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains("postgres") && line.contains(marker)).orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .map(ProcessHandle::pid).distinct().toList();
    }
}
