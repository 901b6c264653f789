package id.ruangaman.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Makes a race between two requests certain instead of leaving it to timing: holds one row locked ({@code FOR UPDATE},
 * in a transaction of its own) while both requests are sent, waits until both sessions of the database wait on a lock
 * (each request as far as it can go), then lets go and returns both answers in the order given. For tests of two
 * people (or two tabs) saving the same thing at the same moment.
 */
public final class RowHeld {

    private RowHeld() {
    }

    /**
     * Sends {@code first} and {@code second} while the row that {@code lockQuery} (one {@code ?} parameter, the row's
     * id, ending in {@code for update}) locks is held. Fails if the two never both wait on a lock within 30 s, or an
     * answer takes longer than 60 s after the row is let go.
     */
    public static <T> List<T> whileBothWait(DataSource data, String lockQuery, long id, Supplier<T> first, Supplier<T> second)
            throws Exception {
        CompletableFuture<T> one;
        CompletableFuture<T> two;
        try (Connection holder = data.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(lockQuery)) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            one = CompletableFuture.supplyAsync(first);
            two = CompletableFuture.supplyAsync(second);
            awaitLockWaiters(data, 2);
            holder.rollback();
        }
        return List.of(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS));
    }

    /** Until {@code n} sessions of this database wait on a lock; fails if they do not within 30 s. */
    public static void awaitLockWaiters(DataSource data, int n) throws Exception {
        try (Connection watcher = data.getConnection()) {
            watcher.setAutoCommit(true); // each look a new snapshot of the sessions
            for (int i = 0; i < 600; i++) {
                try (PreparedStatement q = watcher.prepareStatement("select count(*) from pg_stat_activity "
                        + "where datname = current_database() and wait_event_type = 'Lock'"); ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getInt(1) >= n) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError(n + " sessions never all waited on a lock");
    }
}
