package id.ruangaman.transcript;

import java.sql.Connection;

/**
 * A row's delivery status changed in a plain JDBC transaction (no JTA transaction is active): the outcome of a send
 * recorded on {@code connection}, autocommit off (issue 16, tenth round). Fired before that transaction commits, so an
 * observer that records something for the change (the inbox's live-update event for the row's case) writes it on
 * {@code connection}, in the same transaction, and never commits, rolls back or closes it; an
 * {@link java.sql.SQLException} it throws fails the transaction. {@code intakeId}: the row's case, never null (a row of
 * no case fires nothing). Carries ids only, never content.
 */
public record TranscriptChangedOnConnection(Connection connection, long contactId, long intakeId) {
}
