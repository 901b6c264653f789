package id.ruangaman.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.junit.jupiter.api.Test;

/**
 * Only Quarkus's warning about exactly {@code hibernate.order_inserts} is kept off the console; the same warning
 * naming any other unsupported property, other levels and other loggers pass.
 */
class KnownSettingsLogFilterTest {

    /** Quarkus's own format (FastBootHibernatePersistenceProvider, Quarkus 3.33), shortened in the middle. */
    private static final String FORMAT = "Persistence-unit [%s] sets unsupported properties. These properties may not work"
            + " correctly. Unsupported properties being set: %s";

    private final KnownSettingsLogFilter filter = new KnownSettingsLogFilter();

    @Test
    void theWarningAboutOrderInsertsAloneIsDropped() {
        assertFalse(filter.isLoggable(warning(KnownSettingsLogFilter.LOGGER, Set.of("hibernate.order_inserts"))));
    }

    @Test
    void anyOtherUnsupportedPropertyIsStillWarnedAbout() {
        Set<String> both = new LinkedHashSet<>(List.of("hibernate.order_inserts", "hibernate.order_updates"));
        assertTrue(filter.isLoggable(warning(KnownSettingsLogFilter.LOGGER, both)));
        assertTrue(filter.isLoggable(warning(KnownSettingsLogFilter.LOGGER, Set.of("hibernate.jdbc.fetch_size"))));
    }

    @Test
    void otherLoggersAndLevelsPass() {
        assertTrue(filter.isLoggable(warning("id.ruangaman.somewhere", Set.of("hibernate.order_inserts"))));
        ExtLogRecord info = record(Level.INFO, KnownSettingsLogFilter.LOGGER, Set.of("hibernate.order_inserts"));
        assertTrue(filter.isLoggable(info));
        ExtLogRecord plain = new ExtLogRecord(Level.WARN, "Something else", "x");
        plain.setLoggerName(KnownSettingsLogFilter.LOGGER);
        assertTrue(filter.isLoggable(plain));
    }

    private static ExtLogRecord warning(String logger, Set<String> properties) {
        return record(Level.WARN, logger, properties);
    }

    private static ExtLogRecord record(java.util.logging.Level level, String logger, Set<String> properties) {
        ExtLogRecord record = new ExtLogRecord(level, FORMAT, ExtLogRecord.FormatStyle.PRINTF, "x");
        record.setLoggerName(logger);
        record.setParameters(new Object[] { "<default>", properties });
        return record;
    }
}
