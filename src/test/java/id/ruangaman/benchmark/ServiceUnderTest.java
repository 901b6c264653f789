package id.ruangaman.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import id.ruangaman.testing.FakePlatforms;

/**
 * The packaged service (target/quarkus-app) as its own process, launched as a replica of deploy/kubernetes is
 * ({@link ShippedLaunch}: the same JVM options, memory limit and AppCDS archive), configured through the environment
 * as in production, with both channels pointed at the fake platforms.
 */
final class ServiceUnderTest implements AutoCloseable {

    static final String TELEGRAM_TOKEN = "123456:BENCH-token-not-real";
    static final String TELEGRAM_SECRET = "bench-secret_0042";
    static final String WHATSAPP_TOKEN = "bench-graph-token";
    static final String DATA_KEY = Base64.getEncoder().encodeToString("bench-key-0123456789abcdef012345".getBytes(StandardCharsets.US_ASCII));

    private static final Path JAR = Path.of(System.getProperty("ruangaman.packaged.jar", "target/quarkus-app/quarkus-run.jar"));
    /**
     * The shipped launch; {@code -Dbenchmark.memory-limit=1Gi} sizes the JVM for another pod limit, and
     * {@code -Dbenchmark.jvm-options="-XX:NativeMemoryTracking=summary"} adds options for a diagnosis (shown in the results).
     */
    static final ShippedLaunch LAUNCH;
    static {
        try {
            LAUNCH = ShippedLaunch.fromDeployment(ShippedLaunch.DEPLOYMENT, System.getProperty("benchmark.memory-limit"))
                    .withExtraOptions(System.getProperty("benchmark.jvm-options", ""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final List<String> settings = new ArrayList<>();
    private final double startToReadySeconds;

    /** Launches attempts at most, each on a port of its own, when the port picked was taken before the service bound it. */
    private static final int LAUNCHES = 3;

    /**
     * The service launched and ready. A free port is picked before the JVM starts and bound only seconds later, so
     * another process on the machine (a build, another test's server) may take it meanwhile: the service then exits
     * saying so, and is launched again on another port (at most {@value #LAUNCHES} times), instead of failing a run of
     * many minutes.
     */
    static ServiceUnderTest start(String jdbcUrl, String platformsUrl, Map<String, String> extra) throws IOException {
        for (int launch = 1; ; launch++) {
            try {
                return new ServiceUnderTest(jdbcUrl, platformsUrl, extra);
            } catch (PortTaken e) {
                if (launch == LAUNCHES) {
                    throw e;
                }
                System.out.println("[benchmark] the service's port was taken before it bound it; launching it again on another");
            }
        }
    }

    /** The service exited because its port was taken by another process before it could bind it. */
    static final class PortTaken extends IllegalStateException {
        PortTaken(String message) {
            super(message);
        }
    }

    private ServiceUnderTest(String jdbcUrl, String platformsUrl, Map<String, String> extra) throws IOException {
        this.port = freePort();
        Files.createDirectories(ShippedLaunch.LOGS);
        this.log = Files.createTempFile(ShippedLaunch.LOGS, "service-" + database(jdbcUrl) + "-", ".log").toAbsolutePath();
        Map<String, String> environment = new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                Map.entry("QUARKUS_DATASOURCE_PASSWORD", "postgres"),
                Map.entry("QUARKUS_HTTP_PORT", String.valueOf(port)),
                Map.entry("RUANGAMAN_DATA_KEY", DATA_KEY),
                Map.entry("RUANGAMAN_CONVERSATION_FLOWS_DIRECTORY", Path.of("conversations").toAbsolutePath().toString()),
                Map.entry("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN),
                Map.entry("TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET),
                Map.entry("TELEGRAM_API_URL", platformsUrl),
                Map.entry("WHATSAPP_ACCESS_TOKEN", WHATSAPP_TOKEN),
                Map.entry("WHATSAPP_APP_SECRET", FakePlatforms.WHATSAPP_APP_SECRET),
                Map.entry("WHATSAPP_VERIFY_TOKEN", FakePlatforms.WHATSAPP_VERIFY_TOKEN),
                Map.entry("WHATSAPP_PHONE_NUMBER_ID", "100200300"),
                Map.entry("WHATSAPP_API_URL", platformsUrl + "/v21.0")));
        environment.putAll(extra);
        environment.forEach((key, value) -> {
            if (!key.contains("PASSWORD") && !key.contains("TOKEN") && !key.contains("SECRET") && !key.contains("KEY")
                    && !key.endsWith("_URL") && !key.endsWith("_PORT") && !key.endsWith("_DIRECTORY")) {
                settings.add(key + "=" + value);
            }
        });
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path app = JAR.toAbsolutePath().getParent();
        ProcessBuilder builder = new ProcessBuilder(LAUNCH.command(java, app, JAR.toAbsolutePath())).directory(app.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("RUANGAMAN_")
                || key.startsWith("TELEGRAM_") || key.startsWith("WHATSAPP_"));
        builder.environment().putAll(environment);
        builder.environment().putAll(LAUNCH.environment());
        long launched = System.nanoTime();
        this.process = builder.start();
        try {
            awaitReady();
        } catch (RuntimeException notReady) {
            // A service that never became ready is stopped here: the caller has no handle on it, and left running it
            // would keep retrying its database (gone with the failed run) on the machine's cores.
            process.destroyForcibly();
            throw notReady;
        }
        this.startToReadySeconds = (System.nanoTime() - launched) / 1e9;
        if (!process.isAlive()) { // another process on the port answered ready while this one failed to bind it
            throw exited();
        }
        if (Files.readString(log).contains("Unable to use shared archive")) {
            process.destroyForcibly();
            throw new IllegalStateException("the JVM refused the AppCDS archive, so the start-up would be measured without it; see " + log);
        }
    }

    /** The JVM options, memory limit and archive every service of the run is launched with, for the results. */
    static String launch() {
        return LAUNCH.describe(JAR.toAbsolutePath().getParent());
    }

    /**
     * Seconds from launching the JVM to the first 200 from {@code /q/health/ready} (polled every 20 ms, so the figure
     * is at most 20 ms late).
     */
    double startToReadySeconds() {
        return startToReadySeconds;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** The settings that differ from the defaults, without secrets. */
    List<String> settings() {
        return settings;
    }

    /** Runs a jcmd command in the service (flight recordings). */
    String jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid())));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw exited();
            }
            try {
                int status = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the service was not ready within 2 minutes; see " + log);
    }

    /** Why the service exited: its port taken ({@link PortTaken}, launched again) or anything else (see the log). */
    private IllegalStateException exited() {
        String said;
        try {
            said = Files.readString(log);
        } catch (IOException e) {
            said = "";
        }
        if (said.contains("Port " + port + " seems to be in use") || said.contains("Address already in use")) {
            return new PortTaken("port " + port + " was taken before the service bound it; see " + log);
        }
        return new IllegalStateException("the service exited; see " + log);
    }

    /**
     * The database a JDBC URL names ({@code jdbc:postgresql://host:port/name?options}), for the log's name; the options
     * are cut first, since one may hold a path ({@code sslrootcert=/etc/...}).
     */
    static String database(String jdbcUrl) {
        int options = jdbcUrl.indexOf('?');
        String withoutOptions = options < 0 ? jdbcUrl : jdbcUrl.substring(0, options);
        return withoutOptions.substring(withoutOptions.lastIndexOf('/') + 1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
