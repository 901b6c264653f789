package id.ruangaman.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded server (dev mode, tests) is stopped at the JVM's exit only after the service's connections are closed:
 * the wait its shutdown hook runs holds while another client is connected and ends once it has gone. Before, the
 * server stopped in parallel with the service's own shutdown, and a Ctrl+C in dev mode printed the workers' connection
 * errors.
 */
class EmbeddedPostgresStopTest {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void shouldWaitWhileAnotherClientIsConnectedAndGoOnOnceItHasGone() throws Exception {
        Connection service = server.getPostgresDatabase().getConnection();
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(
                () -> EmbeddedPostgresLauncher.waitForOtherClients(server.getPostgresDatabase(), Duration.ofSeconds(30)));
        TimeUnit.MILLISECONDS.sleep(500);
        assertFalse(waited.isDone(), "the wait ended while the service was still connected");
        service.close();
        assertTrue(waited.get(10, TimeUnit.SECONDS), "the wait did not see the service go");
    }

    @Test
    void shouldGiveUpAfterTheLimitWhenAClientStaysConnected() throws Exception {
        try (Connection lingering = server.getPostgresDatabase().getConnection()) {
            assertFalse(EmbeddedPostgresLauncher.waitForOtherClients(server.getPostgresDatabase(), Duration.ofMillis(300)));
        }
    }

    @Test
    void shouldNotWaitWhenNobodyElseIsConnected() {
        assertTrue(EmbeddedPostgresLauncher.waitForOtherClients(server.getPostgresDatabase(), Duration.ofMillis(300)));
    }
}
