package id.ruangaman.security.crypto;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * Turns the configured key settings into a {@link KeyRing}.
 *
 * <p>Outside dev and test a missing or malformed key is a {@link MissingDataKeyException} with one
 * sentence naming the setting. In dev a key is generated once and kept beside the dev database
 * (so dev data stays readable across restarts); in tests a fresh key is generated per run.
 */
final class DataKeyLoader {

    private static final Logger LOG = Logger.getLogger(DataKeyLoader.class);
    static final String SETTING = "RUANGAMAN_DATA_KEY";

    enum Mode { PRODUCTION, DEV, TEST }

    private DataKeyLoader() {
    }

    static KeyRing load(CryptoConfig config, Mode mode, Path devKeyFile) {
        byte[] current = config.dataKey().filter(v -> !v.isBlank())
                .map(v -> decode(v, SETTING))
                .orElseGet(() -> fallbackKey(mode, devKeyFile));
        List<byte[]> old = new ArrayList<>();
        for (String value : config.oldDataKeys().orElse(List.of())) {
            if (!value.isBlank()) {
                old.add(decode(value.trim(), "RUANGAMAN_OLD_DATA_KEYS"));
            }
        }
        byte[] index = config.blindIndexKey().filter(v -> !v.isBlank())
                .map(v -> decode(v, "RUANGAMAN_BLIND_INDEX_KEY"))
                .orElse(current);
        return KeyRing.of(current, old, index);
    }

    static byte[] decode(String value, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new MissingDataKeyException(setting + " is not valid base64: set it to the base64 of 32 random bytes "
                    + "(for example the output of `openssl rand -base64 32`).");
        }
        if (key.length != KeyRing.MASTER_KEY_BYTES) {
            throw new MissingDataKeyException(setting + " decodes to " + key.length + " bytes but must be 32: set it to "
                    + "the base64 of 32 random bytes (for example the output of `openssl rand -base64 32`).");
        }
        return key;
    }

    static MissingDataKeyException missingKey() {
        return new MissingDataKeyException(SETTING + " is not set: the service will not start without a key to "
                + "encrypt survivors' data (set it to the output of `openssl rand -base64 32`).");
    }

    private static byte[] fallbackKey(Mode mode, Path devKeyFile) {
        switch (mode) {
            case PRODUCTION:
                throw missingKey();
            case DEV:
                LOG.warn("!!! " + SETTING + " is not set: using a generated DEVELOPMENT key kept in " + devKeyFile
                        + ". Never use dev mode for real reports. !!!");
                return devKey(devKeyFile);
            default:
                LOG.warn("!!! " + SETTING + " is not set: using a random key for this test run only. !!!");
                return randomKey();
        }
    }

    private static byte[] devKey(Path file) {
        return DevDataKeyFile.readOrCreate(file);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[KeyRing.MASTER_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static Optional<Mode> modeOf(String launchMode) {
        return switch (launchMode) {
            case "DEVELOPMENT" -> Optional.of(Mode.DEV);
            case "TEST" -> Optional.of(Mode.TEST);
            case "NORMAL" -> Optional.of(Mode.PRODUCTION);
            default -> Optional.empty();
        };
    }
}
