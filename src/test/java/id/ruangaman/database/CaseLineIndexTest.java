package id.ruangaman.database;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The index of a case's inbound lines (V141, issue 16's eighth round) holds only lines filed under a case, so the
 * lines of a running conversation (no case yet) cost no entry in it at every step; and the read it exists for, the case
 * list's unread count ("intake_id = case and direction = 'IN'"), still uses it.
 */
@QuarkusTest
class CaseLineIndexTest {

    @Inject
    DataSource dataSource;

    @Test
    void onlyFiledInboundLinesAreIndexedAndTheUnreadCountStillUsesIt() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String definition = single(s, "select pg_get_indexdef('chat_message_intake_inbound_idx'::regclass)");
            assertTrue(definition.contains("intake_id IS NOT NULL"), "unfiled lines are left out: " + definition);
            c.setAutoCommit(false);
            s.execute("set local enable_seqscan = off"); // the test database is small: ask which index serves the read
            StringBuilder plan = new StringBuilder();
            try (ResultSet r = s.executeQuery("explain select i.id, (select count(*) from chat_message m where m.intake_id = i.id "
                    + "and m.direction = 'IN' and m.kind <> 'stale_button' and m.created_at > coalesce(i.last_read_at, i.received_at)) "
                    + "from intake i")) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
            c.rollback();
            assertTrue(plan.toString().contains("chat_message_intake_inbound_idx"), "the unread count reads the index:\n" + plan);
        }
    }

    private static String single(Statement s, String query) throws java.sql.SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }
}
