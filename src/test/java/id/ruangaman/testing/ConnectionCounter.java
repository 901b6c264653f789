package id.ruangaman.testing;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalPoolInterceptor;

/**
 * Counts the connections the pool hands out to threads whose name matches, while a {@link Recording} is open (tests
 * only). A transaction takes one connection however many statements it runs, so the count is the transactions (and
 * other uses of a connection) of those threads.
 */
@ApplicationScoped
public class ConnectionCounter implements AgroalPoolInterceptor {

    private static volatile Recording recording;

    @Override
    public void onConnectionAcquire(Connection connection) {
        Recording current = recording;
        if (current != null && current.threads.test(Thread.currentThread().getName())) {
            current.count.incrementAndGet();
        }
    }

    /** Starts counting the connections taken by threads whose name passes {@code threads}. */
    public static Recording record(Predicate<String> threads) {
        Recording started = new Recording(threads);
        recording = started;
        return started;
    }

    /** The connections taken since {@link #record}; closing it stops counting. */
    public static final class Recording implements AutoCloseable {

        private final Predicate<String> threads;
        private final AtomicInteger count = new AtomicInteger();

        private Recording(Predicate<String> threads) {
            this.threads = threads;
        }

        public int count() {
            return count.get();
        }

        @Override
        public void close() {
            recording = null;
        }
    }
}
