package id.ruangaman.database;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Supplies the datasource URL of an embedded PostgreSQL, and starts that server, in the dev and
 * test profiles when no {@code QUARKUS_DATASOURCE_JDBC_URL} is configured.
 *
 * <p>In any other profile, or whenever a URL is set, it contributes nothing and starts nothing:
 * the packaged service only ever talks to the database it is given.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR_PROPERTY = "ruangaman.embedded-postgres.data-dir";
    static final String DEFAULT_DEV_DATA_DIR = "data/postgres";
    /**
     * Above environment variables (300) and {@code .env} (295), below system properties (400). The source is only
     * added when no URL is set, and a blank {@code QUARKUS_DATASOURCE_JDBC_URL=} (as in a copied {@code .env.example})
     * is not set: at a lower ordinal its empty value would hide the embedded server's URL and the datasource would be
     * deactivated (walkthrough 9, finding 22).
     */
    private static final int ORDINAL = 350;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean dev = profiles.contains("dev");
        boolean test = profiles.contains("test");
        if (!(dev || test) || isSet(context.getValue(URL_PROPERTY))) {
            return List.of();
        }
        Path dataDir = null;
        if (dev && !test) {
            ConfigValue configured = context.getValue(DATA_DIR_PROPERTY);
            dataDir = Path.of(isSet(configured) ? configured.getValue() : DEFAULT_DEV_DATA_DIR).toAbsolutePath();
        }
        EmbeddedPostgresLauncher.Coordinates connection = EmbeddedPostgresLauncher.ensureStarted(dataDir);
        return List.of(new PropertiesConfigSource(Map.of(
                URL_PROPERTY, connection.jdbcUrl(),
                "quarkus.datasource.username", connection.username(),
                "quarkus.datasource.password", connection.password()),
                "EmbeddedPostgresConfigSource", ORDINAL));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
