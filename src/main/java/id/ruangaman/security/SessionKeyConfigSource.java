package id.ruangaman.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Supplies the key that encrypts the inbox session cookie when none is set explicitly: it is derived
 * from RUANGAMAN_DATA_KEY (HMAC-SHA256 with its own label), so every instance of a deployment shares
 * it and a restart keeps counsellors logged in, without yet another secret to manage. The data key
 * itself is never used directly. {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} overrides it.
 * In dev and test without a configured data key, a random key is made once per process (kept across
 * dev-mode reloads) rather than left to Quarkus, which would print its temporary key in a warning.
 */
public class SessionKeyConfigSource implements ConfigSourceFactory {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    private static final String LABEL = "ruangaman/session-cookie/v1";
    /** Outside the ruangaman.* namespace, which the config mappings validate. */
    private static final String PROCESS_KEY = "id.ruangaman.dev-session-key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dataKey = context.getValue("ruangaman.data-key");
        if (dataKey == null || dataKey.getValue() == null || dataKey.getValue().isBlank()) {
            List<String> profiles = context.getProfiles();
            if (profiles.contains("dev") || profiles.contains("test")) {
                return List.of(new MapBackedConfigSource("ruangaman-session-key", Map.of(PROPERTY, processKey()), 50) {
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
    static ConfigValue derivedValue(ConfigValue dataKey, ConfigValue profile) {
        String key;
        if (dataKey == null || dataKey.getValue() == null || dataKey.getValue().isBlank()) {
            String active = profile == null || profile.getValue() == null ? "prod" : profile.getValue();
            if (!active.contains("dev") && !active.contains("test")) {
                return null;
            }
            key = processKey();
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
