package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

/**
 * A database outage does not flood the log: the listener retries every {@code retry}, but says so at WARN once, then
 * at most once a {@link ErasureListener#WARN_EVERY}. Each line names only the exception's class.
 */
class ErasureListenerOutageLogTest {

    @Test
    void shouldWarnOnceWhileTheDatabaseStaysUnreachable() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()
                        && record.getLoggerName() != null && record.getLoggerName().endsWith("ErasureListener")) {
                    warnings.add(String.valueOf(record.getMessage()) + " " + List.of(record.getParameters() == null
                            ? new Object[0] : record.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        AtomicInteger tries = new AtomicInteger();
        SessionStates states = new SessionStates();
        ErasureListener listener = new ErasureListener(() -> {
            tries.incrementAndGet();
            throw new SQLException("connection to db.internal:5432 refused for user ruangaman");
        }, states, Duration.ofSeconds(10), Duration.ofMillis(5));
        LogManager.getLogManager().getLogger("").addHandler(handler);
        Thread thread = new Thread(listener, "erasure-listener-test");
        try {
            thread.start();
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (tries.get() < 20 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        } finally {
            listener.stop();
            thread.interrupt();
            thread.join(5_000);
            LogManager.getLogManager().getLogger("").removeHandler(handler);
        }
        assertTrue(tries.get() >= 20, "the listener kept retrying: " + tries.get());
        assertFalse(listener.listening());
        assertEquals(1, warnings.size(), "one WARN for the whole outage: " + warnings);
        assertTrue(warnings.get(0).contains("SQLException"), warnings.get(0));
        assertFalse(warnings.get(0).contains("db.internal") || warnings.get(0).contains("ruangaman"),
                "no host or user in the line: " + warnings.get(0));
    }
}
