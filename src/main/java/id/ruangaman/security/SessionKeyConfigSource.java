package id.ruangaman.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.spi.ConfigSource;

import id.ruangaman.security.crypto.DevDataKeyFile;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Supplies the key that encrypts the inbox session cookie when none is set explicitly: it is derived
 * from RUANGAMAN_DATA_KEY (HMAC-SHA256 with its own label), so every instance of a deployment shares
 * it and a restart keeps counsellors logged in, without yet another secret to manage. The data key
 * itself is never used directly. {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} overrides it.
 * In dev mode without a configured data key it is derived the same way from the generated development key
 * ({@link DevDataKeyFile}, {@code RUANGAMAN_DEV_DATA_KEY_FILE}), so stopping and starting dev mode keeps the
 * volunteer logged in too (walkthrough 10, finding 12). In tests without a data key, and if that file cannot be
 * used, a random key is made once per process (kept across dev-mode reloads) rather than left to Quarkus, which
 * would print its temporary key in a warning.
 */
public class SessionKeyConfigSource implements ConfigSourceFactory {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    private static final String LABEL = "ruangaman/session-cookie/v1";
    /** Outside the ruangaman.* namespace, which the config mappings validate. */
    private static final String PROCESS_KEY = "id.ruangaman.dev-session-key";
    static final String DEV_KEY_FILE = "ruangaman.dev-data-key-file";
    /** The default of {@code CryptoConfig.devDataKeyFile()}. */
    private static final String DEV_KEY_FILE_DEFAULT = "data/dev-data-key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dataKey = context.getValue("ruangaman.data-key");
        if (dataKey == null || dataKey.getValue() == null || dataKey.getValue().isBlank()) {
            List<String> profiles = context.getProfiles();
            if (profiles.contains("dev") || profiles.contains("test")) {
                String key = profiles.contains("dev") ? devKey(context.getValue(DEV_KEY_FILE)) : processKey();
                return List.of(new MapBackedConfigSource("ruangaman-session-key", Map.of(PROPERTY, key), 50) {
                });
            }
            return List.of(); // production without a data key is stopped by DataKeyStartupCheck
        }
        byte[] master;
        try {
            master = Base64.getDecoder().decode(dataKey.getValue().trim());
        } catch (IllegalArgumentException e) {
            return List.of(); // DataKeyStartupCheck reports a malformed data key.
        }
        String derived = Base64.getEncoder().encodeToString(derive(master));
        // Low ordinal: any explicitly configured key wins.
        return List.of(new MapBackedConfigSource("ruangaman-session-key", Map.of(PROPERTY, derived), 50) {
        });
    }

    /**
     * The derived key as a config value (for {@link SessionKeyInterceptor}), the per-process key in dev and test
     * without a data key, or null (production without a usable data key is stopped by DataKeyStartupCheck).
     */
    static ConfigValue derivedValue(ConfigValue dataKey, ConfigValue profile, ConfigValue devKeyFile) {
        String key;
        if (dataKey == null || dataKey.getValue() == null || dataKey.getValue().isBlank()) {
            String active = profile == null || profile.getValue() == null ? "prod" : profile.getValue();
            if (!active.contains("dev") && !active.contains("test")) {
                return null;
            }
            key = active.contains("dev") ? devKey(devKeyFile) : processKey();
        } else {
            try {
                key = Base64.getEncoder().encodeToString(derive(Base64.getDecoder().decode(dataKey.getValue().trim())));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return ConfigValue.builder().withName(PROPERTY).withValue(key).withConfigSourceName("ruangaman-session-key")
                .withConfigSourceOrdinal(50).build();
    }

    /**
     * Dev mode: the session key derived from the development data key file (made there if missing, exactly as the
     * data key loader would), or the per-process key if the file cannot be read or written.
     */
    static String devKey(ConfigValue devKeyFile) {
        String file = devKeyFile == null || devKeyFile.getValue() == null || devKeyFile.getValue().isBlank()
                ? DEV_KEY_FILE_DEFAULT : devKeyFile.getValue().trim();
        try {
            return Base64.getEncoder().encodeToString(derive(DevDataKeyFile.readOrCreate(Path.of(file))));
        } catch (RuntimeException e) {
            return processKey();
        }
    }

    private static synchronized String processKey() {
        String key = System.getProperty(PROCESS_KEY);
        if (key == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            key = Base64.getEncoder().encodeToString(random);
            System.setProperty(PROCESS_KEY, key);
        }
        return key;
    }

    static byte[] derive(byte[] master) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
