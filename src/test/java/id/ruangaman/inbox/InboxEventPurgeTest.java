package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The live-update events older than the retention are deleted, in batches, and the recent ones stay. */
@QuarkusTest
class InboxEventPurgeTest {

    @Inject
    InboxEventPurge purge;
    @Inject
    InboxFixtures fixtures;
    @Inject
    DataSource dataSource;

    @Test
    void shouldDeleteEveryExpiredEventAndKeepTheRecentOnes() throws Exception {
        String ref = fixtures.submittedCase(true);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // Everything so far is two days old, and more than two batches' worth of it.
            s.executeUpdate("update inbox_event set created_at = now() - interval '2 days'");
            s.executeUpdate("insert into inbox_event (type, intake_id, created_at) select 'message', i.id, now() - interval '2 days' "
                    + "from intake i, generate_series(1, " + (2 * InboxEventPurge.BATCH + 100) + ") where i.reference_code = '" + ref + "'");
            s.executeUpdate("insert into inbox_event (type, intake_id) select 'message', i.id from intake i, generate_series(1, 3) "
                    + "where i.reference_code = '" + ref + "'");
            long expired = count(s, "created_at < now() - interval '1 day'");

            int deleted = purge.purge();

            assertEquals(expired, deleted);
            assertTrue(deleted > 2 * InboxEventPurge.BATCH, "more than one batch");
            assertEquals(0, count(s, "created_at < now() - interval '1 day'"), "an expired event is left");
            // this case's recent events only: a delivery of what an earlier test queued may add its own meanwhile
            assertEquals(3, count(s, "created_at > now() - interval '1 hour' and intake_id = (select id from intake where reference_code = '"
                    + ref + "')"), "a recent event was deleted");
        }
    }

    private static long count(Statement s, String where) throws Exception {
        try (ResultSet r = s.executeQuery("select count(*) from inbox_event where " + where)) {
            r.next();
            return r.getLong(1);
        }
    }
}
