package id.ruangaman.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import id.ruangaman.intake.ReporterErasure;

/**
 * Every column of an erased case's {@code intake} row (the shell the institution's SOP record hangs on), checked
 * against the decision in {@link ReporterErasure}: kept as it was, set by the erasure, or emptied. A column of the table
 * without a decision here fails the check, so a new column needs one.
 */
final class ErasedShell {

    /**
     * What the institution's record needs: the case's identity, its path, its dates and the institution's acts (whom it
     * was assigned to, and the staff account it came back from when that account was deactivated: the team's data, not
     * the pelapor's).
     */
    static final Set<String> KEPT = Set.of("id", "reference_code", "contact_id", "conversation", "channel", "flow_id",
            "flow_revision", "language", "received_at", "first_response_due_at", "first_response_at", "assignee_id",
            "verification_started_at", "examination_due_on", "status_changed_at", "returned_from");
    /**
     * Kept, but markers that move on by themselves: the team's read marker (set when a counsellor opens the case) and
     * the service's own (the team's thread, a deadline warning, set by background jobs). Never emptied.
     */
    static final Set<String> SERVICE = Set.of("last_read_at", "thread_notified_at", "deadline_warned_at");
    /** What describes the pelapor or what happened to them: emptied (null). */
    static final Set<String> NULLED = Set.of("answers", "reporter_role", "victim_minor", "services", "violence_types",
            "danger_said_at");
    /** Flags derived from the answers: cleared (false). */
    static final Set<String> CLEARED = Set.of("in_danger", "in_danger_at_report", "urgent_medical", "victim_child", "child_online", "stats_consent");
    /** Set by the erasure itself. */
    static final Set<String> MARKED = Set.of("status", "closed_reason", "deleted_by_reporter_at");

    private ErasedShell() {
    }

    /** The whole row, column name to value (bytea as byte[]). */
    static Map<String, Object> row(Connection db, long intakeId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select * from intake where id = ?")) {
            query.setLong(1, intakeId);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "intake " + intakeId + " is gone: the institution's record needs the shell");
                ResultSetMetaData meta = result.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), result.getObject(i));
                }
                return row;
            }
        }
    }

    /**
     * Checks every column of the row now against {@code before} (the row read before the erasure).
     *
     * @param before the row before the erasure; its describing columns should hold something, or the check proves less
     */
    static void assertEveryColumn(Connection db, long intakeId, Map<String, Object> before) throws SQLException {
        Map<String, Object> after = row(db, intakeId);
        Set<String> undecided = new TreeSet<>(after.keySet());
        undecided.removeAll(KEPT);
        undecided.removeAll(SERVICE);
        undecided.removeAll(NULLED);
        undecided.removeAll(CLEARED);
        undecided.removeAll(MARKED);
        assertEquals(Set.of(), undecided, "intake columns without a decision on what an erased shell keeps (ErasedShell)");
        List<String> wrong = new ArrayList<>();
        for (String column : after.keySet()) {
            Object now = after.get(column);
            if (KEPT.contains(column) && !Objects.deepEquals(before.get(column), now)) {
                wrong.add(column + " changed: " + before.get(column) + " -> " + now);
            } else if (SERVICE.contains(column) && before.get(column) != null && now == null) {
                wrong.add(column + " emptied");
            } else if (NULLED.contains(column) && now != null) {
                wrong.add(column + " kept: " + (now instanceof byte[] ? "(bytes)" : now));
            } else if (CLEARED.contains(column) && !Boolean.FALSE.equals(now)) {
                wrong.add(column + " kept: " + now);
            }
        }
        assertEquals(List.of(), wrong, "the erased shell of intake " + intakeId);
        assertEquals("closed", after.get("status"));
        assertEquals(ReporterErasure.CLOSED_REASON, after.get("closed_reason"));
        assertNotNull(after.get("deleted_by_reporter_at"));
    }
}
