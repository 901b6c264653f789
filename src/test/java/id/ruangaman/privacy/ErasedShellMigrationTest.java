package id.ruangaman.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.intake.ReporterErasure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V155: a shell erased before the erasure emptied the reporter's role, the minor flag, the services and the in-danger
 * flag (made here by putting them back on a freshly erased shell) is emptied by the migration; a case that was not
 * erased keeps all of it. Synthetic cases.
 */
@QuarkusTest
class ErasedShellMigrationTest {

    private static final Path MIGRATION = Path.of("src/main/resources/db/migration/V155__erased_shell_keeps_nothing_of_the_reporter.sql");

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReporterErasure erasure;
    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    @Test
    void shouldEmptyWhatOldShellsKeptOfTheReporterAndNothingElse() throws Exception {
        String erasedRef = fixtures.submittedCase(true);
        String keptRef = fixtures.submittedCase(true);
        long erasedId = id(erasedRef);
        long keptId = id(keptRef);
        QuarkusTransaction.requiringNew().run(() -> erasure.eraseOnRequest(fixtures.contactOf(erasedRef)));
        // As an erasure before this release left it.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set reporter_role = 'victim', "
                + "victim_minor = 'yes', services = 'legal', in_danger = true where id = ?1").setParameter(1, erasedId).executeUpdate());
        Map<String, Object> keptBefore;
        Map<String, Object> erasedBefore;
        try (Connection db = dataSource.getConnection()) {
            keptBefore = ErasedShell.row(db, keptId);
            erasedBefore = ErasedShell.row(db, erasedId);
        }
        assertEquals("victim", erasedBefore.get("reporter_role"));

        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute(Files.readString(MIGRATION));
        }

        try (Connection db = dataSource.getConnection()) {
            ErasedShell.assertEveryColumn(db, erasedId, erasedBefore);
            assertEquals(comparable(keptBefore), comparable(ErasedShell.row(db, keptId)), "a case not erased is untouched");
        }
    }

    private static Map<String, Object> comparable(Map<String, Object> row) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        row.forEach((column, value) -> copy.put(column, value instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : value));
        return copy;
    }

    private long id(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select id from intake where reference_code = ?1")
                .setParameter(1, ref).getSingleResult()).longValue());
    }
}
