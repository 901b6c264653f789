package id.ruangaman.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets the current transaction commit without waiting for its WAL to reach the disk (PostgreSQL's asynchronous commit,
 * {@code SET LOCAL synchronous_commit TO off}; PostgreSQL documentation, "Asynchronous Commit"). The transaction stays
 * atomic and is visible at once; only a crash of PostgreSQL itself (not of this service) within about three times
 * {@code wal_writer_delay} (0.6 s by default) may lose it, whole, with the asynchronous ones after it. A later
 * transaction that commits durably flushes it too, since the WAL is written in order.
 *
 * <p>For small writes that only delay work when they are lost (a sender's release of its contact), and whose outside
 * effects go only through a later durable commit. An acknowledgement to a platform is never one of them: it commits
 * durably ({@code channel.inbound.GroupCommit}). Nor is a large one: its WAL is then flushed by the next durable commit,
 * most often an acknowledgement, which waits longer for it (issue 16, thirty-fourth round: processing's rounds
 * committed this way made the open loop slower). Plain static method, no state.
 */
public final class AsynchronousCommit {

    private AsynchronousCommit() {
    }

    /**
     * Sets the rule for the rest of the transaction open on {@code connection} (autocommit off); it ends with it.
     *
     * @throws SQLException when the statement fails (the connection is broken)
     */
    public static void forThisTransaction(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local synchronous_commit to off");
        }
    }
}
