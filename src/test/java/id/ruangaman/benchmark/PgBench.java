package id.ruangaman.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own ceiling for the webhook's work: pgbench inserting one row per transaction, each
 * committed durably, at the webhook's concurrency.
 */
final class PgBench {

    record Result(double tps, double averageLatencyMillis, String version) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private PgBench() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/pgbench"));
    }

    /**
     * Runs the insert script against {@code database} (which must hold
     * {@code bench_insert (contact_hash bytea, payload bytea, received_at timestamptz)}) for {@code seconds} with
     * {@code clients} connections.
     */
    static Result run(int port, String database, int clients, int seconds) throws IOException, InterruptedException {
        Path script = Files.createTempFile("pgbench-insert", ".sql");
        String output;
        try {
            // The same shape as an inbound update: a key, a ~700-byte opaque payload, a hash and a timestamp.
            Files.writeString(script, "insert into bench_insert (contact_hash, payload, received_at) "
                    + "values (decode(md5(random()::text), 'hex'), convert_to(repeat('x', 700), 'UTF8'), now());\n");
            output = run(port, "/usr/bin/pgbench", "-n", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                    "-f", script.toString(), database);
        } finally {
            Files.deleteIfExists(script); // one run's script; it used to stay in the temporary directory
        }
        Matcher tps = TPS.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        if (!tps.find() || !latency.find()) {
            throw new IllegalStateException("pgbench gave no figures: " + output);
        }
        return new Result(Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)),
                run(port, "/usr/bin/pgbench", "--version").strip());
    }

    private static String run(int port, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGHOST", "127.0.0.1");
        builder.environment().put("PGPORT", String.valueOf(port));
        builder.environment().put("PGUSER", "postgres");
        builder.environment().put("PGPASSWORD", "postgres");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        return output;
    }
}
