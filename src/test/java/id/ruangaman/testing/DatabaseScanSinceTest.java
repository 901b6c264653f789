package id.ruangaman.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.security.crypto.FieldCipher;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The privacy tests scan only what was written since they began ({@link DatabaseScan#mark}): a row written before is
 * not read, a row written or changed after is, and so is a row written afterwards by a transaction that was already
 * running at the mark (it may have read what the test sent). Synthetic words in a table of this test's own.
 */
@QuarkusTest
class DatabaseScanSinceTest {

    @Inject
    DataSource dataSource;
    @Inject
    FieldCipher cipher;

    @BeforeEach
    void probeTable() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            statement.execute("create table scan_since_probe (id int primary key, words text)");
        }
    }

    @AfterEach
    void dropProbeTable() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            statement.execute("drop table scan_since_probe");
        }
    }

    @Test
    void shouldReadOnlyRowsWrittenSinceTheMarkAndThoseOfATransactionRunningAtIt() throws SQLException {
        try (Connection db = dataSource.getConnection(); Connection running = dataSource.getConnection()) {
            insert(db, 1, "kata-sintetis-lama");
            insert(db, 2, "kata-sintetis-diubah-lama");
            running.setAutoCommit(false);
            insert(running, 3, "pembuka-transaksi"); // this transaction now has an id, older than the mark
            DatabaseScan.Since since = DatabaseScan.mark(db);
            insert(db, 4, "kata-sintetis-baru");
            try (Statement statement = db.createStatement()) {
                statement.executeUpdate("update scan_since_probe set words = 'kata-sintetis-diubah-baru' where id = 2");
            }
            insert(running, 5, "kata-sintetis-dari-yang-berjalan");
            running.commit();

            List<String> needles = List.of("kata-sintetis-lama", "kata-sintetis-baru", "kata-sintetis-diubah-baru",
                    "kata-sintetis-dari-yang-berjalan");
            assertEquals(List.of("scan_since_probe.words: kata-sintetis-baru", "scan_since_probe.words: kata-sintetis-dari-yang-berjalan",
                    "scan_since_probe.words: kata-sintetis-diubah-baru"), sorted(DatabaseScan.find(db, cipher, true, needles, since)));
            assertEquals(4, sorted(DatabaseScan.find(db, cipher, true, needles)).size(), "the whole history without a mark");
        }
    }

    private static void insert(Connection db, int id, String words) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("insert into scan_since_probe values (" + id + ", '" + words + "')");
        }
    }

    private static List<String> sorted(List<String> found) {
        return found.stream().filter(line -> line.startsWith("scan_since_probe.")).sorted().toList();
    }
}
