package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A step's update of its session can be a HOT update (issue 16, twelfth round; V179): no index of
 * {@code conversation_session} covers a column every step changes, and the idle sweep, which used to find sessions by
 * {@code last_input_at} itself, finds them by its ten-minute bucket and still decides by the exact time.
 */
@QuarkusTest
class SessionUpdateHotTest {

    /** The columns a step writes new values to, every step. */
    private static final List<String> PER_STEP = List.of("last_input_at", "state", "updated_at");

    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;
    @Inject
    SessionRepository sessions;
    @Inject
    DataSource dataSource;

    @Test
    void noIndexOfTheSessionsCoversAColumnEveryStepChanges() throws Exception {
        List<String> covering = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select pg_get_indexdef(indexrelid) from pg_index "
                        + "where indrelid = 'conversation_session'::regclass")) {
            while (rows.next()) {
                String definition = rows.getString(1);
                if (PER_STEP.stream().anyMatch(definition::contains)) {
                    covering.add(definition);
                }
            }
        }
        assertEquals(List.of(), covering, "an index on a column every step changes makes every step's update a non-HOT one");
    }

    /**
     * The update Hibernate makes at a step (every column, new state, input time and update time) is HOT within a
     * bucket, and a new row version with new index entries when the input moves to the next bucket.
     */
    @Test
    void aStepsUpdateIsHotWithinTheBucketOfItsLastInput() throws Exception {
        long contactId = new DevConversation(contacts, conversations, media).button("language:id").contactId;
        Instant bucket = bucketOfNow();
        try (Connection connection = dataSource.getConnection()) {
            step(connection, contactId, bucket.plus(Duration.ofMinutes(1))); // committed: the row's version to update
            // A HOT update also needs room on the row's page; over a long suite other sessions' versions can fill it
            // until the page is pruned. Vacuum first, so what is measured is the indexes, not the suite's history.
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("vacuum conversation_session");
            }
            connection.setAutoCommit(false);
            long hotBefore = count(connection, "select pg_stat_get_xact_tuples_hot_updated('conversation_session'::regclass)");
            assertEquals(1, step(connection, contactId, bucket.plus(Duration.ofMinutes(2))));
            assertEquals(1, count(connection, "select pg_stat_get_xact_tuples_hot_updated('conversation_session'::regclass)") - hotBefore,
                    "a step within the same ten minutes is a HOT update");
            assertEquals(1, step(connection, contactId, bucket.plus(Duration.ofMinutes(12))));
            assertEquals(1, count(connection, "select pg_stat_get_xact_tuples_hot_updated('conversation_session'::regclass)") - hotBefore,
                    "a step in the next ten minutes changes the indexed bucket: not HOT");
            connection.rollback();
        }
    }

    /**
     * The bucket only narrows the search: the sweep still takes a session idle a second too long and not one a second
     * short, for thresholds that are not a bucket's start. (The thresholds are minutes from now, so the service's own
     * sweep, at 30 minutes and 24 hours, leaves these sessions alone meanwhile.)
     */
    @Test
    void theIdleSweepStillDecidesByTheExactLastInput() throws Exception {
        long due = new DevConversation(contacts, conversations, media).button("language:id").contactId;
        long notYet = new DevConversation(contacts, conversations, media).button("language:id").contactId;
        Instant remindBefore = bucketOfNow().plus(Duration.ofMinutes(5)).plusSeconds(7);
        Instant pauseBefore = bucketOfNow().plus(Duration.ofMinutes(3)).plusSeconds(7);
        try (Connection connection = dataSource.getConnection()) {
            step(connection, due, remindBefore.minusSeconds(1));
            step(connection, notYet, remindBefore.plusSeconds(1));
        }
        List<Long> idle = QuarkusTransaction.requiringNew().call(() -> sessions.idleContacts(remindBefore, pauseBefore, 100_000));
        assertTrue(idle.contains(due), "idle a second longer than the reminder's threshold");
        assertFalse(idle.contains(notYet), "idle a second less than the reminder's threshold");

        // once reminded, only the pause's threshold counts
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("update conversation_session set reminded = true where contact_id in (" + due + ", " + notYet + ")");
            step(connection, due, pauseBefore.minusSeconds(1));
            step(connection, notYet, pauseBefore.plusSeconds(1));
        }
        List<Long> toPause = QuarkusTransaction.requiringNew().call(() -> sessions.idleContacts(remindBefore, pauseBefore, 100_000));
        assertTrue(toPause.contains(due), "idle a second longer than the pause's threshold");
        assertFalse(toPause.contains(notYet), "reminded, and idle a second less than the pause's threshold");
    }

    /** The start of the ten-minute bucket now is in (V179's buckets start at 2000-01-01 00:00 UTC, a multiple of ten minutes). */
    private static Instant bucketOfNow() {
        return Instant.ofEpochSecond(Instant.now().getEpochSecond() / 600 * 600);
    }

    /** The update Hibernate writes at a step: every column, the state and the times new. Returns the rows updated. */
    private static int step(Connection connection, long contactId, Instant lastInput) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update conversation_session set contact_id = contact_id, "
                + "flow_id = flow_id, flow_revision = flow_revision, status = status, reference_code = reference_code, "
                + "state = state || ''::bytea, last_input_at = ?, reminded = reminded, holding_files = holding_files, "
                + "created_at = created_at, updated_at = now() where contact_id = ?")) {
            update.setTimestamp(1, Timestamp.from(lastInput));
            update.setLong(2, contactId);
            return update.executeUpdate();
        }
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
