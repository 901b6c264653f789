package id.ruangaman.security.crypto;

import java.util.List;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Refuses to start the production service without a usable {@code RUANGAMAN_DATA_KEY}.
 *
 * <p>It runs while configuration is being built, before the database is touched, so the operator
 * sees one sentence that names the setting rather than a later, unrelated failure.
 * It contributes no configuration of its own.
 */
public class DataKeyStartupCheck implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        // Configuration is also read while the application is built; only a starting service is checked.
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT || profiles.contains("dev") || profiles.contains("test")) {
            return List.of();
        }
        ConfigValue key = context.getValue("ruangaman.data-key");
        try {
            if (key == null || key.getValue() == null || key.getValue().isBlank()) {
                throw DataKeyLoader.missingKey();
            }
            DataKeyLoader.decode(key.getValue(), DataKeyLoader.SETTING);
        } catch (MissingDataKeyException e) {
            throw new ConfigurationException(e.getMessage());
        }
        return List.of();
    }
}
