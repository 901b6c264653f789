package id.ruangaman.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditAppendOnlyTest {

    @Inject
    AuditLog audit;
    @Inject
    DataSource dataSource;

    @Test
    void shouldRefuseUpdateDeleteAndTruncateInTheDatabase() throws SQLException {
        audit.record("append-only-test", AuditAction.CASE_VIEW, 42L, null);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("update audit_event set actor = 'someone-else' where actor = 'append-only-test'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from audit_event where actor = 'append-only-test'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("truncate audit_event"));
        }
        long kept = QuarkusTransaction.requiringNew().call(() -> audit.count("actor", "append-only-test"));
        assertEquals(1, kept);
    }

    @Test
    void shouldKeepARefusalEvenWhenTheCallerRollsBack() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            audit.recordRefusal("rollback-test", AuditAction.ACCESS_DENIED, 7L, "case");
            audit.record("rollback-test", AuditAction.CASE_VIEW, 7L, null);
            throw new IllegalStateException("roll back");
        }));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> audit.count("actor", "rollback-test")));
    }
}
