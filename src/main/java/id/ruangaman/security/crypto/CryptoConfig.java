package id.ruangaman.security.crypto;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Key material for encryption at rest. Values are base64 of 32 random bytes. */
@ConfigMapping(prefix = "ruangaman")
public interface CryptoConfig {

    /** {@code RUANGAMAN_DATA_KEY}: encrypts every new value. Required outside dev and test. */
    @WithName("data-key")
    Optional<String> dataKey();

    /** {@code RUANGAMAN_OLD_DATA_KEYS}: earlier data keys, comma-separated; they only decrypt. */
    @WithName("old-data-keys")
    Optional<List<String>> oldDataKeys();

    /**
     * {@code RUANGAMAN_BLIND_INDEX_KEY}: the key the lookup hashes are derived from. Defaults to the
     * data key; when the data key rotates, set this to the previous data key so lookups keep matching.
     */
    @WithName("blind-index-key")
    Optional<String> blindIndexKey();

    /** Dev mode only: where the generated development key is kept so dev data stays readable. */
    @WithName("dev-data-key-file")
    @WithDefault("data/dev-data-key")
    String devDataKeyFile();
}
