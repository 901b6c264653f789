package id.ruangaman.security.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataKeyLoaderTest {

    private static final String VALID = Base64.getEncoder().encodeToString(new byte[32]);

    record Settings(Optional<String> dataKey, Optional<List<String>> oldDataKeys, Optional<String> blindIndexKey,
            String devDataKeyFile) implements CryptoConfig {
    }

    private static CryptoConfig settings(String dataKey, String... old) {
        return new Settings(Optional.ofNullable(dataKey), Optional.of(List.of(old)), Optional.empty(), "unused");
    }

    @Test
    void shouldRefuseToRunInProductionWithoutAKey() {
        MissingDataKeyException error = assertThrows(MissingDataKeyException.class,
                () -> DataKeyLoader.load(settings(null), DataKeyLoader.Mode.PRODUCTION, Path.of("unused")));
        assertTrue(error.getMessage().startsWith("RUANGAMAN_DATA_KEY is not set"), error.getMessage());
    }

    @Test
    void shouldNameTheSettingForMalformedKeys() {
        MissingDataKeyException notBase64 = assertThrows(MissingDataKeyException.class,
                () -> DataKeyLoader.load(settings("***"), DataKeyLoader.Mode.PRODUCTION, Path.of("unused")));
        assertTrue(notBase64.getMessage().startsWith("RUANGAMAN_DATA_KEY is not valid base64"), notBase64.getMessage());
        MissingDataKeyException shortKey = assertThrows(MissingDataKeyException.class,
                () -> DataKeyLoader.load(settings("c2hvcnQ="), DataKeyLoader.Mode.DEV, Path.of("unused")));
        assertTrue(shortKey.getMessage().startsWith("RUANGAMAN_DATA_KEY decodes to 5 bytes but must be 32"), shortKey.getMessage());
        MissingDataKeyException badOld = assertThrows(MissingDataKeyException.class,
                () -> DataKeyLoader.load(settings(VALID, "c2hvcnQ="), DataKeyLoader.Mode.PRODUCTION, Path.of("unused")));
        assertTrue(badOld.getMessage().startsWith("RUANGAMAN_OLD_DATA_KEYS"), badOld.getMessage());
    }

    @Test
    void shouldAcceptAValidKeyWithOldKeys() {
        String old = Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });
        KeyRing ring = DataKeyLoader.load(settings(VALID, old), DataKeyLoader.Mode.PRODUCTION, Path.of("unused"));
        assertEquals(2, ring.size());
    }

    @Test
    void shouldKeepTheGeneratedDevKeyAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/dev-data-key");
        FieldCipher first = new FieldCipher(DataKeyLoader.load(settings(null), DataKeyLoader.Mode.DEV, file));
        byte[] stored = first.encryptString("tetap terbaca");
        assertTrue(Files.exists(file));
        FieldCipher afterRestart = new FieldCipher(DataKeyLoader.load(settings(null), DataKeyLoader.Mode.DEV, file));
        assertEquals("tetap terbaca", afterRestart.decryptString(stored));
    }
}
