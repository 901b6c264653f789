package id.ruangaman.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * Log lines captured from the root JUL logger (where JBoss Logging writes in Quarkus tests) between {@link #start()}
 * and {@link #stop()}, each turned into one string. Call both from the test's {@code @BeforeEach}/{@code @AfterEach}.
 */
public final class LogLines extends Handler {

    private final Predicate<LogRecord> keep;
    private final Function<LogRecord, String> format;
    private final List<String> lines = new ArrayList<>();

    private LogLines(Predicate<LogRecord> keep, Function<LogRecord, String> format) {
        this.keep = keep;
        this.format = format;
    }

    /** Lines at SEVERE (ERROR) or above, as {@code logger: message}. */
    public static LogLines errors() {
        return new LogLines(r -> r.getLevel().intValue() >= Level.SEVERE.intValue(), r -> r.getLoggerName() + ": " + r.getMessage());
    }

    /** Lines at WARNING (WARN) or above, as {@code logger: message}. */
    public static LogLines warnings() {
        return new LogLines(r -> r.getLevel().intValue() >= Level.WARNING.intValue(), r -> r.getLoggerName() + ": " + r.getMessage());
    }

    /** Every line, as its message, its parameters and its exception chain, so a leak anywhere in them is seen. */
    public static LogLines everything() {
        return new LogLines(r -> true, r -> {
            StringBuilder line = new StringBuilder(String.valueOf(r.getMessage()));
            if (r.getParameters() != null) {
                for (Object parameter : r.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            for (Throwable error = r.getThrown(); error != null; error = error.getCause()) {
                line.append(' ').append(error);
            }
            return line.toString();
        });
    }

    public void start() {
        LogManager.getLogManager().getLogger("").addHandler(this);
    }

    public void stop() {
        LogManager.getLogManager().getLogger("").removeHandler(this);
    }

    /** The lines captured so far, in order. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (keep.test(record)) {
            String line = format.apply(record);
            synchronized (lines) {
                lines.add(line);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
