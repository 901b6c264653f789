package id.ruangaman.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Starts the packaged jar ({@code target/quarkus-app/quarkus-run.jar}) as its own process, with only the given
 * {@code QUARKUS_*} and {@code RUANGAMAN_*} variables, its output going to a log file.
 */
final class PackagedJar {

    static final Path JAR = Path.of(System.getProperty("ruangaman.packaged.jar", "target/quarkus-app/quarkus-run.jar"));

    private PackagedJar() {
    }

    static Process start(Map<String, String> env, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("RUANGAMAN_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Polls {@code /q/health/ready} until it answers 200 with UP, or the timeout passes. */
    static boolean awaitReady(int port, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        return false;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "<unreadable log: " + e.getMessage() + ">";
        }
    }
}
