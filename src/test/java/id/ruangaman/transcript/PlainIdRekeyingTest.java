package id.ruangaman.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The start-up's conversion of ids written in plain text before V30: it still converts such a row, and each of its
 * three reads finds the rows, or that there are none, through an index that holds only them (V3, V269), so a start does
 * not read the whole of a large table (two million raw updates took 0.5 s of every start before V269).
 */
@QuarkusTest
class PlainIdRekeyingTest {

    @Inject
    PlainIdRekeying rekeying;
    @Inject
    ProviderIds ids;
    @Inject
    DataSource dataSource;

    @Test
    void shouldKeyARawUpdateStoredWithAPlainWhatsAppId() throws Exception {
        String plain = "wamid.SYNTHETIC" + System.nanoTime();
        long id;
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into inbound_update (channel, provider_id, sequence_no, kind, status, received_at, processed_at) "
                        + "values ('WHATSAPP', ?, 1, 'MESSAGE', 'PROCESSED', ?, ?) returning id")) {
            insert.setString(1, plain);
            insert.setTimestamp(2, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
            insert.setTimestamp(3, Timestamp.from(Instant.parse("2026-01-01T00:00:01Z")));
            try (ResultSet r = insert.executeQuery()) {
                r.next();
                id = r.getLong(1);
            }
        }

        try {
            rekeying.onStart(new StartupEvent());

            try (Connection c = dataSource.getConnection(); PreparedStatement read = c.prepareStatement(
                    "select provider_id from inbound_update where id = ?")) {
                read.setLong(1, id);
                try (ResultSet r = read.executeQuery()) {
                    r.next();
                    assertEquals(ids.key(Channel.WHATSAPP, plain), r.getString(1), "the plain wamid is replaced by its lookup key");
                }
            }
        } finally {
            try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                    "delete from inbound_update where id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void eachReadOfTheStartUsesAnIndexOfOnlyTheRowsItLooksFor() throws Exception {
        assertPlanUses("chat_message", PlainIdRekeying.PLAIN_TRANSCRIPT, "chat_message_provider_idx");
        assertPlanUses("inbound_update", PlainIdRekeying.PLAIN_INBOUND, "inbound_update_plain_id_idx");
        assertPlanUses("media", PlainIdRekeying.PLAIN_MEDIA, "media_plain_ref_idx");
    }

    private void assertPlanUses(String table, String predicate, String index) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local enable_seqscan = off"); // the test database is small: ask which index serves the read
            StringBuilder plan = new StringBuilder();
            try (ResultSet r = s.executeQuery("explain select id from " + table + " where " + predicate + " limit 500 for update skip locked")) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
            c.rollback();
            assertTrue(plan.toString().contains(index), table + "'s read uses " + index + ":\n" + plan);
        }
    }
}
