package id.ruangaman.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the packaged jar as an operator would: given a JDBC URL it must migrate that database,
 * report ready, and never start an embedded PostgreSQL of its own; without a data key it must
 * refuse to start with a sentence naming the setting.
 */
class PackagedServiceIT {

    private static EmbeddedPostgres database;

    @BeforeAll
    static void startDatabase() throws IOException {
        database = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        database.close();
    }

    @Test
    void shouldMigrateTheGivenDatabaseAndStartNoEmbeddedServer() throws Exception {
        int port = PackagedJar.freePort();
        Path log = Files.createTempFile("packaged-service", ".log");
        Process service = PackagedJar.start(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres",
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "RUANGAMAN_DATA_KEY", Base64.getEncoder().encodeToString(new byte[32])), log);
        try {
            assertTrue(PackagedJar.awaitReady(port, Duration.ofSeconds(180)), () -> "not ready:\n" + PackagedJar.read(log));
            List<String> postgresChildren = service.descendants()
                    .map(child -> child.info().command().orElse(""))
                    .filter(command -> command.contains("postgres") || command.contains("initdb") || command.contains("unshare"))
                    .toList();
            assertEquals(List.of(), postgresChildren, "the packaged service started a PostgreSQL of its own");
            String output = PackagedJar.read(log);
            assertFalse(output.contains("embedded PostgreSQL"), output);
            assertEquals(404, get(port, "/dev/chat").statusCode(), "the dev chat must not exist in the packaged service");
            try (var connection = database.getPostgresDatabase().getConnection();
                    var tables = connection.createStatement().executeQuery(
                            "select count(*) from flyway_schema_history where success")) {
                assertTrue(tables.next());
                assertTrue(tables.getInt(1) >= 1, "no migration was applied to the given database");
            }
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * A blank session key (as a copied .env.example once had it) and a too short one count as unset: the key derived
     * from the data key applies, so a cookie from one instance opens the inbox on another, and no generated key is
     * ever printed. Behind the documented proxy (X-Forwarded-Proto https from 127.0.0.1) cookies are Secure, redirects
     * stay https and HSTS is sent.
     */
    @Test
    void shouldDeriveTheSessionKeyWhenTheSettingIsBlankAndNeverPrintAKey() throws Exception {
        String dataKey = Base64.getEncoder().encodeToString(new byte[32]);
        Map<String, String> common = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres",
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "RUANGAMAN_DATA_KEY", dataKey,
                "RUANGAMAN_ADMIN_USERNAME", "packaged-admin",
                "RUANGAMAN_ADMIN_PASSWORD", "packaged-admin-password");
        Path blankLog = Files.createTempFile("packaged-blank-key", ".log");
        Path shortLog = Files.createTempFile("packaged-short-key", ".log");
        int blankPort = PackagedJar.freePort();
        int shortPort = PackagedJar.freePort();
        Map<String, String> blank = new java.util.HashMap<>(common);
        blank.put("QUARKUS_HTTP_PORT", String.valueOf(blankPort));
        blank.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "");
        Map<String, String> tooShort = new java.util.HashMap<>(common);
        tooShort.put("QUARKUS_HTTP_PORT", String.valueOf(shortPort));
        tooShort.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "tooshort");
        Process first = PackagedJar.start(blank, blankLog);
        Process second = PackagedJar.start(tooShort, shortLog);
        try {
            assertTrue(PackagedJar.awaitReady(blankPort, Duration.ofSeconds(180)), () -> "not ready:\n" + PackagedJar.read(blankLog));
            assertTrue(PackagedJar.awaitReady(shortPort, Duration.ofSeconds(180)), () -> "not ready:\n" + PackagedJar.read(shortLog));
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + blankPort + "/j_security_check"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
                    .POST(HttpRequest.BodyPublishers.ofString("j_username=packaged-admin&j_password=packaged-admin-password")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ruangaman-session="))
                    .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers().map()));
            assertTrue(setCookie.contains("Secure"), "the session cookie is Secure behind an HTTPS proxy: " + setCookie);
            assertTrue(login.headers().firstValue("Location").orElse("").startsWith("https://"),
                    "redirects keep https: " + login.headers().firstValue("Location"));
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            HttpResponse<String> inbox = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shortPort + "/inbox"))
                    .header("Cookie", cookie).header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, inbox.statusCode(), "both instances derive the same key from the data key");
            assertTrue(inbox.headers().firstValue("Strict-Transport-Security").isPresent(), "HSTS over HTTPS");
            for (Path log : List.of(blankLog, shortLog)) {
                String output = PackagedJar.read(log).toLowerCase();
                assertFalse(output.contains("encryption key") || output.contains("temporary key") || output.contains("generated"),
                        "a session key was generated or printed:\n" + output);
            }
        } finally {
            first.destroy();
            second.destroy();
            first.waitFor(30, TimeUnit.SECONDS);
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The first coordinator's password meets the same policy as every other account's: start-up stops otherwise. */
    @Test
    void shouldRefuseABootstrapAdminPasswordBelowThePolicy() throws Exception {
        EmbeddedPostgres fresh = EmbeddedPostgres.builder().start();
        Path log = Files.createTempFile("packaged-weak-admin", ".log");
        try {
            Process service = PackagedJar.start(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + fresh.getPort() + "/postgres",
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                    "QUARKUS_HTTP_PORT", String.valueOf(PackagedJar.freePort()),
                    "RUANGAMAN_DATA_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                    "RUANGAMAN_ADMIN_USERNAME", "weak-admin",
                    "RUANGAMAN_ADMIN_PASSWORD", "admin"), log);
            assertTrue(service.waitFor(180, TimeUnit.SECONDS), "the service should stop");
            assertNotEquals(0, service.exitValue());
            assertTrue(PackagedJar.read(log).contains("RUANGAMAN_ADMIN_PASSWORD"), PackagedJar.read(log));
        } finally {
            fresh.close();
        }
    }

    @Test
    void shouldRefuseToStartWithoutADataKeyNamingTheSetting() throws Exception {
        Path log = Files.createTempFile("packaged-service-nokey", ".log");
        Process service = PackagedJar.start(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres",
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "QUARKUS_HTTP_PORT", String.valueOf(PackagedJar.freePort())), log);
        assertTrue(service.waitFor(180, TimeUnit.SECONDS), "the service kept running without a data key");
        assertNotEquals(0, service.exitValue());
        String output = PackagedJar.read(log);
        assertTrue(output.contains("RUANGAMAN_DATA_KEY is not set"), output);
        assertFalse(output.contains("\tat "), "expected one sentence, not a stack trace:\n" + output);
    }

    @Test
    void shouldRefuseToStartWithABrokenFlowNamingFileAndNode() throws Exception {
        Path flows = Files.createTempDirectory("broken-flows");
        try (var files = Files.list(Path.of("conversations"))) {
            for (Path file : files.toList()) {
                Files.copy(file, flows.resolve(file.getFileName()));
            }
        }
        Files.writeString(flows.resolve("intake.yaml"), Files.readString(Path.of("conversations/intake.yaml"))
                .replaceFirst("(?m)^(\\s+on_invalid:) \\S+", "$1 no_such_node"));
        Path log = Files.createTempFile("packaged-service-broken", ".log");
        Process service = PackagedJar.start(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres",
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "QUARKUS_HTTP_PORT", String.valueOf(PackagedJar.freePort()),
                "RUANGAMAN_DATA_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                "RUANGAMAN_CONVERSATION_FLOWS_DIRECTORY", flows.toString()), log);
        assertTrue(service.waitFor(180, TimeUnit.SECONDS), "the service kept running with a broken flow");
        assertNotEquals(0, service.exitValue());
        String output = PackagedJar.read(log);
        assertTrue(output.contains("Broken flow files"), output);
        assertTrue(output.matches("(?s).*intake\\.yaml: node '[a-z_]+': .*no_such_node.*"), output);
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
