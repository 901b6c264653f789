package id.ruangaman.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The asynchronous commit holds for one transaction only: the pool hands the same connection to the webhook's group
 * commit next, whose acknowledgement must wait for the disk (DESIGN.md, "Nothing acknowledged is lost").
 */
@QuarkusTest
class AsynchronousCommitTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldCommitTheTransactionWithoutWaitingAndLeaveTheConnectionDurableAfterIt() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // the tests' throwaway database commits without waiting anyway: the connection is set as a durable one is
            run(connection, "set synchronous_commit to on");
            connection.setAutoCommit(false);
            try {
                AsynchronousCommit.forThisTransaction(connection);
                assertEquals("off", setting(connection), "inside the transaction");
                connection.commit();
                assertEquals("on", setting(connection), "the next transaction on the same connection");
                connection.commit();
                AsynchronousCommit.forThisTransaction(connection);
                connection.rollback();
                assertEquals("on", setting(connection), "after a transaction that was rolled back");
                connection.setAutoCommit(true);
                assertEquals("on", setting(connection), "a statement outside any transaction");
            } finally {
                connection.setAutoCommit(true);
                run(connection, "reset synchronous_commit");
            }
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String setting(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select current_setting('synchronous_commit')")) {
            row.next();
            return row.getString(1);
        }
    }
}
