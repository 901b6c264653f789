package id.ruangaman.transcript;

import java.sql.Connection;
import java.util.Set;

/**
 * Rows' delivery statuses changed in a plain JDBC transaction (no JTA transaction is active): the outcomes of sends
 * recorded together on {@code connection}, autocommit off (issue 16, tenth and fourteenth rounds). Fired once per
 * transaction, before it commits, so an observer that records something for the change (the inbox's live-update event
 * of each case) writes it on {@code connection}, in the same transaction, and never commits, rolls back or closes it;
 * an {@link java.sql.SQLException} it throws fails the transaction. {@code intakeIds}: the rows' cases, each once, never
 * empty (rows of no case fire nothing). Carries ids only, never content.
 */
public record TranscriptChangedOnConnection(Connection connection, Set<Long> intakeIds) {

    public TranscriptChangedOnConnection {
        intakeIds = Set.copyOf(intakeIds);
    }
}
