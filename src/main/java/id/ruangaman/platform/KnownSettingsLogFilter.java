package id.ruangaman.platform;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps one start-up warning about a setting the project chose knowingly off the console
 * ({@code quarkus.log.console.filter}), so a volunteer's start log holds no warning on a correct set-up.
 *
 * <p>Quarkus warns at every start that {@code hibernate.order_inserts} is an "unsupported property": Quarkus has no
 * setting of its own for it (Quarkus issues 41698 and 50255 are open), so it can only be passed through
 * {@code quarkus.hibernate-orm.unsupported-properties}. It is needed: without it a round of ten new people's first
 * messages sends 39 statements instead of 15 (their contacts, sessions and transcript lines are inserted one row at a
 * time instead of one batch per table), and {@code ProcessingStatementsTest} fails on that. That test is the regular
 * check the warning asks for. Only the warning that names exactly this property is dropped: an unsupported property
 * added later, alone or beside it, is still warned about.
 */
@LoggingFilter(name = "known-settings")
public final class KnownSettingsLogFilter implements Filter {

    static final String LOGGER = "io.quarkus.hibernate.orm.runtime.FastBootHibernatePersistenceProvider";
    static final String KNOWN = "Unsupported properties being set: [hibernate.order_inserts]";

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(LOGGER.equals(record.getLoggerName()) && record.getLevel().intValue() == Level.WARNING.intValue()
                && message(record).endsWith(KNOWN));
    }

    private static String message(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return message == null ? "" : message;
    }
}
