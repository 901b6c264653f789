package id.ruangaman.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Manual run at full scale, not part of the test suite: an embedded PostgreSQL with fsync, synchronous_commit
 * and full_page_writes on, the packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a separate
 * process, then {@link InboxListBenchmark#run}. Arguments: cases (default 100000) and requests (default 300).
 * Build with {@code ./mvnw -B -q package -DskipTests}, then run this class on the test classpath. With
 * {@code -Druangaman.benchmark.jfr=/path/file.jfr} the service records a Java Flight Recording (profile) of the run.
 */
public final class InboxListBenchmarkMain {

    private InboxListBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path jar = Path.of(System.getProperty("ruangaman.packaged.jar", "target/quarkus-app/quarkus-run.jar"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String dataKey = Base64.getEncoder().encodeToString(key);
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .start()) {
            int port = freePort();
            Path log = Files.createTempFile("inbox-benchmark-service-", ".log");
            Process service = start(jar, log, port, "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres", dataKey);
            try {
                awaitReady(port);
                InboxListBenchmark.Result result = InboxListBenchmark.run(database.getPostgresDatabase(), "http://127.0.0.1:" + port,
                        dataKey, cases, requests);
                System.out.printf("cases %d, requests %d: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; seeded in %d ms%n%n%s%n",
                        result.cases(), result.requests(), result.p50Millis(), result.p95Millis(), result.p99Millis(), result.maxMillis(),
                        result.seedMillis(), result.explain());
            } finally {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
                System.out.println("service log: " + log);
            }
        }
    }

    private static Process start(Path jar, Path log, int port, String jdbcUrl, String dataKey) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        String jfr = System.getProperty("ruangaman.benchmark.jfr");
        if (jfr != null && !jfr.isBlank()) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr);
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("RUANGAMAN_")
                || k.startsWith("TELEGRAM_") || k.startsWith("WHATSAPP_"));
        builder.environment().putAll(Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl, "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres", "QUARKUS_HTTP_PORT", String.valueOf(port), "RUANGAMAN_DATA_KEY", dataKey));
        return builder.start();
    }

    private static void awaitReady(int port) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the packaged service did not become ready within 90 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
