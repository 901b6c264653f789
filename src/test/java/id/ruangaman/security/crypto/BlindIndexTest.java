package id.ruangaman.security.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class BlindIndexTest {

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    @Test
    void shouldBeStableForTheSameValueAndNamespace() {
        BlindIndex index = new BlindIndex(KeyRing.of(key(1), List.of(), key(1)));
        assertArrayEquals(index.of("contact:TELEGRAM", "100200300"), index.of("contact:TELEGRAM", "100200300"));
        assertEquals(32, index.of("contact:TELEGRAM", "100200300").length);
    }

    @Test
    void shouldSeparateNamespacesAndValues() {
        BlindIndex index = new BlindIndex(KeyRing.of(key(1), List.of(), key(1)));
        assertFalse(Arrays.equals(index.of("contact:TELEGRAM", "62812"), index.of("contact:WHATSAPP", "62812")));
        assertFalse(Arrays.equals(index.of("contact:TELEGRAM", "62812"), index.of("contact:TELEGRAM", "62813")));
    }

    @Test
    void shouldFollowTheBlindIndexKeyNotTheDataKey() {
        BlindIndex before = new BlindIndex(KeyRing.of(key(1), List.of(), key(1)));
        BlindIndex rotatedData = new BlindIndex(KeyRing.of(key(2), List.of(key(1)), key(1)));
        BlindIndex otherIndexKey = new BlindIndex(KeyRing.of(key(1), List.of(), key(3)));
        assertArrayEquals(before.of("n", "v"), rotatedData.of("n", "v"));
        assertFalse(Arrays.equals(before.of("n", "v"), otherIndexKey.of("n", "v")));
    }

    @Test
    void shouldNotEqualTheEncryptionKeyDerivation() {
        assertFalse(Arrays.equals(KeyRing.derive(key(1), "ruang-aman/blind-index/v1"),
                KeyRing.derive(key(1), "ruang-aman/field-encryption/v1")));
    }
}
