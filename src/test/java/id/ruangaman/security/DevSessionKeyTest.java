package id.ruangaman.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.ruangaman.security.crypto.DevDataKeyFile;
import io.smallrye.config.ConfigValue;

/**
 * Walkthrough 10, finding 12: stopping and starting dev mode logged the volunteer out, because the session cookie key
 * was random per process. In dev it is now derived from the development data key file, so two processes with the same
 * file agree; the derivation is the production one (HMAC of the key), never the key itself.
 */
class DevSessionKeyTest {

    @TempDir
    Path dir;

    private static ConfigValue value(String name, String value) {
        return ConfigValue.builder().withName(name).withValue(value).build();
    }

    @Test
    void shouldKeepTheDevSessionKeyAcrossRestartsWithTheSameDevKeyFile() throws Exception {
        Path file = dir.resolve("data/dev-data-key");
        ConfigValue path = value(SessionKeyConfigSource.DEV_KEY_FILE, file.toString());
        ConfigValue dev = value("quarkus.profile", "dev");

        String first = SessionKeyConfigSource.derivedValue(null, dev, path).getValue();
        assertTrue(Files.exists(file), "the dev key file is made on first use");
        // A restart is a new process: the per-process key would differ, the derived one does not.
        System.clearProperty("id.ruangaman.dev-session-key");
        String second = SessionKeyConfigSource.derivedValue(null, dev, path).getValue();
        assertEquals(first, second);

        byte[] devKey = DevDataKeyFile.readOrCreate(file);
        assertArrayEquals(SessionKeyConfigSource.derive(devKey), Base64.getDecoder().decode(first), "derived as in production");
        assertNotEquals(Files.readString(file).trim(), first, "the data key itself is not the session key");

        Path other = dir.resolve("other/dev-data-key");
        assertNotEquals(first, SessionKeyConfigSource.derivedValue(null, dev, value(SessionKeyConfigSource.DEV_KEY_FILE,
                other.toString())).getValue(), "another dev key, another session key");
    }

    @Test
    void shouldKeepTheDerivedKeyWhenADataKeyIsSetAndRefuseProductionWithout() {
        byte[] master = new byte[32];
        master[0] = 7;
        ConfigValue dataKey = value("ruangaman.data-key", Base64.getEncoder().encodeToString(master));
        assertEquals(Base64.getEncoder().encodeToString(SessionKeyConfigSource.derive(master)),
                SessionKeyConfigSource.derivedValue(dataKey, value("quarkus.profile", "dev"), null).getValue());
        assertNull(SessionKeyConfigSource.derivedValue(null, value("quarkus.profile", "prod"), null));
    }
}
