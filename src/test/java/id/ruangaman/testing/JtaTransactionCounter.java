package id.ruangaman.testing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;

/**
 * Counts the JTA transactions begun by threads whose name matches, while a {@link Recording} is open (tests only):
 * Quarkus announces each transaction's start as the start of its {@link TransactionScoped} context. A plain JDBC
 * transaction (autocommit off on a pool connection) is not counted; {@link ConnectionCounter} counts both.
 */
@ApplicationScoped
public class JtaTransactionCounter {

    private static volatile Recording recording;

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        Recording current = recording;
        if (current != null && current.threads.test(Thread.currentThread().getName())) {
            current.count.incrementAndGet();
        }
    }

    /** Starts counting the JTA transactions begun by threads whose name passes {@code threads}. */
    public static Recording record(Predicate<String> threads) {
        Recording started = new Recording(threads);
        recording = started;
        return started;
    }

    /** The JTA transactions begun since {@link #record}; closing it stops counting. */
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
