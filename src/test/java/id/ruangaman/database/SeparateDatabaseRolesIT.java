package id.ruangaman.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production set-up of deploy/kubernetes and docs/database-roles.md, run for real on the packaged jar: a
 * migration run as the owning role ({@code QUARKUS_INIT_AND_EXIT}, like the migration Job), then the service as a
 * runtime role that owns nothing. The runtime role must serve, and must be unable to rewrite the audit trail or
 * the schema.
 */
class SeparateDatabaseRolesIT {

    private static final String DATA_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static EmbeddedPostgres database;

    @BeforeAll
    static void prepareRolesAndMigrate() throws Exception {
        database = EmbeddedPostgres.builder().start();
        try (Connection admin = database.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("create role ruangaman_migrator login password 'migrator-pw'");
            sql.execute("create role ruangaman_runtime nologin");
            sql.execute("create role ruangaman_app login password 'app-pw' in role ruangaman_runtime");
            sql.execute("create database ruangaman owner ruangaman_migrator");
        }
        Path log = Files.createTempFile("migration-job", ".log");
        Process migration = PackagedJar.start(Map.of(
                "QUARKUS_INIT_AND_EXIT", "true",
                "QUARKUS_DATASOURCE_JDBC_URL", url(),
                "QUARKUS_DATASOURCE_USERNAME", "ruangaman_migrator",
                "QUARKUS_DATASOURCE_PASSWORD", "migrator-pw",
                "QUARKUS_HTTP_PORT", String.valueOf(PackagedJar.freePort()),
                "RUANGAMAN_CHANNELS_PROCESS_INBOUND", "false",
                "RUANGAMAN_CHANNELS_DELIVER_OUTBOUND", "false",
                "RUANGAMAN_DATA_KEY", DATA_KEY), log);
        assertTrue(migration.waitFor(240, TimeUnit.SECONDS), () -> "the migration run did not exit:\n" + PackagedJar.read(log));
        assertEquals(0, migration.exitValue(), () -> PackagedJar.read(log));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        database.close();
    }

    @Test
    void shouldServeAsTheRuntimeRoleWithoutMigrating() throws Exception {
        int port = PackagedJar.freePort();
        Path log = Files.createTempFile("runtime-role", ".log");
        Process service = PackagedJar.start(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", url(),
                "QUARKUS_DATASOURCE_USERNAME", "ruangaman_app",
                "QUARKUS_DATASOURCE_PASSWORD", "app-pw",
                "QUARKUS_FLYWAY_MIGRATE_AT_START", "false",
                "QUARKUS_FLYWAY_VALIDATE_AT_START", "true",
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "RUANGAMAN_DATA_KEY", DATA_KEY), log);
        try {
            assertTrue(PackagedJar.awaitReady(port, Duration.ofSeconds(180)), () -> "not ready:\n" + PackagedJar.read(log));
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
        try (Connection app = connectAsApp(); Statement sql = app.createStatement()) {
            sql.executeQuery("select count(*) from audit_event").close();
            sql.executeQuery("select count(*) from flyway_schema_history").close();
            assertEquals(0, sql.executeUpdate("update contact set id = id where false"), "the runtime role writes tables");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "update audit_event set id = id where false",
        "delete from audit_event where false",
        "truncate audit_event",
        "drop trigger audit_event_no_update_or_delete on audit_event",
        "alter table audit_event disable trigger all",
        "delete from flyway_schema_history where false",
        "create table smuggled (id int)",
        "drop table contact",
    })
    void shouldRefuseTheRuntimeRoleAnythingThatRewritesHistoryOrSchema(String statement) throws Exception {
        try (Connection app = connectAsApp(); Statement sql = app.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement));
            assertEquals("42501", refused.getSQLState(), () -> statement + " failed for another reason: " + refused.getMessage());
        }
    }

    private static Connection connectAsApp() throws SQLException {
        return DriverManager.getConnection(url(), "ruangaman_app", "app-pw");
    }

    private static String url() {
        return "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/ruangaman";
    }
}
