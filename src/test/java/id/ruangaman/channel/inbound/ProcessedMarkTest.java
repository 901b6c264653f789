package id.ruangaman.channel.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Marking a round's updates processed is a HOT update of {@code inbound_update} (issue 16, tenth round): no index of the
 * table covers the columns the mark sets ({@code status}, {@code processed_at}), neither as a key nor in a partial
 * index's predicate, so PostgreSQL writes no new index entries and logs only the changed bytes. Before V156 the pending
 * indexes' predicates named {@code status} and the purge index was keyed on {@code processed_at}: every mark was a
 * full new row version with an entry in four indexes (about 1.4 kB of WAL a row, and a page image of each index page
 * it touched first after a checkpoint).
 */
@QuarkusTest
class ProcessedMarkTest {

    @Inject
    DataSource dataSource;
    @Inject
    InboundProcessor processor;

    @Test
    void noIndexOfTheUpdatesCoversWhatTheMarkSets() throws Exception {
        List<String> covering = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select pg_get_indexdef(indexrelid) from pg_index "
                        + "where indrelid = 'inbound_update'::regclass")) {
            while (rows.next()) {
                String definition = rows.getString(1);
                if (definition.contains("status") || definition.contains("processed_at")) {
                    covering.add(definition);
                }
            }
        }
        assertEquals(List.of(), covering, "an index that covers status or processed_at makes every mark a non-HOT update");
    }

    @Test
    void theMarkIsAHotUpdateAndTakesTheUpdatesOffTheWaitingList() throws Exception {
        processor.pause();
        byte[] contact = new byte[32];
        new SecureRandom().nextBytes(contact);
        String tag = HexFormat.of().formatHex(contact);
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("insert into inbound_update (id, channel, provider_id, "
                    + "sequence_no, contact_hash, kind, payload, status, received_at) values (nextval('inbound_update_seq'), 'DEV', ?, ?, ?, "
                    + "'text', ?, 'PENDING', now()) returning id")) {
                for (int i = 0; i < 3; i++) {
                    insert.setString(1, "mark:" + tag + ":" + i);
                    insert.setLong(2, i);
                    insert.setBytes(3, contact);
                    insert.setBytes(4, new byte[600]); // about a real payload's size: the row is not a small one
                    try (ResultSet id = insert.executeQuery()) {
                        id.next();
                        ids.add(id.getLong(1));
                    }
                }
            }
            assertEquals(3, count(connection, "select count(*) from inbound_pending where contact_hash = '\\x" + tag + "'"),
                    "a stored update is on the waiting list");

            connection.setAutoCommit(false);
            long hotBefore = count(connection, "select pg_stat_get_xact_tuples_hot_updated('inbound_update'::regclass)");
            long updatedBefore = count(connection, "select pg_stat_get_xact_tuples_updated('inbound_update'::regclass)");
            assertEquals(3, InboundProcessor.markProcessed(connection, InboundUpdate.Status.DONE, new Timestamp(System.currentTimeMillis()), ids));
            assertEquals(3, count(connection, "select pg_stat_get_xact_tuples_updated('inbound_update'::regclass)") - updatedBefore);
            assertEquals(3, count(connection, "select pg_stat_get_xact_tuples_hot_updated('inbound_update'::regclass)") - hotBefore,
                    "each of the three marks was a HOT update");
            connection.commit();
            connection.setAutoCommit(true);

            assertEquals(0, count(connection, "select count(*) from inbound_pending where contact_hash = '\\x" + tag + "'"),
                    "a processed update is off the waiting list");
            assertEquals(3, count(connection, "select count(*) from inbound_update where contact_hash = '\\x" + tag + "' "
                    + "and status = 'DONE' and processed_at is not null"));
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.executeUpdate("delete from inbound_pending where contact_hash = '\\x" + tag + "'");
                sql.executeUpdate("delete from inbound_update where contact_hash = '\\x" + tag + "'");
                sql.executeUpdate("delete from inbound_queue where channel = 'DEV' and contact_hash = '\\x" + tag + "'");
            }
            processor.resume();
        }
    }

    private static long count(Connection connection, String query) throws java.sql.SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
