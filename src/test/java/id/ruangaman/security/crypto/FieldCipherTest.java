package id.ruangaman.security.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final byte[] KEY_A = key(1);
    private static final byte[] KEY_B = key(2);
    private static final String SENTINEL = "Kronologi-SENTINEL-7f3a kejadian di gedung B";

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        key[31] = (byte) (seed * 7);
        return key;
    }

    private static FieldCipher cipher(byte[] current, byte[]... old) {
        return new FieldCipher(KeyRing.of(current, List.of(old), current));
    }

    @Test
    void shouldRoundTripTextIncludingNonLatinScripts() {
        FieldCipher cipher = cipher(KEY_A);
        String text = SENTINEL + " — สวัสดี — مرحبا — 🙏";
        assertEquals(text, cipher.decryptString(cipher.encryptString(text)));
        assertEquals("", cipher.decryptString(cipher.encryptString("")));
    }

    @Test
    void shouldUseAFreshNonceForEveryValue() {
        FieldCipher cipher = cipher(KEY_A);
        byte[] first = cipher.encryptString(SENTINEL);
        byte[] second = cipher.encryptString(SENTINEL);
        assertFalse(Arrays.equals(first, second));
        byte[] nonceOne = Arrays.copyOfRange(first, FieldCipher.HEADER_BYTES, FieldCipher.HEADER_BYTES + FieldCipher.NONCE_BYTES);
        byte[] nonceTwo = Arrays.copyOfRange(second, FieldCipher.HEADER_BYTES, FieldCipher.HEADER_BYTES + FieldCipher.NONCE_BYTES);
        assertFalse(Arrays.equals(nonceOne, nonceTwo));
        assertEquals(1 + 4 + 12 + SENTINEL.getBytes(StandardCharsets.UTF_8).length + 16, first.length);
    }

    /**
     * The webhook's event loop encrypts every payload while senders and workers encrypt theirs: a nonce generator shared
     * by all threads (the platform's NativePRNG draws under one JVM-wide lock) made the event loop wait for them.
     */
    @Test
    void shouldDrawNoncesFromAGeneratorOfTheThreadsOwn() throws Exception {
        java.security.SecureRandom mine = FieldCipher.nonceSource();
        java.security.SecureRandom[] other = new java.security.SecureRandom[1];
        Thread thread = new Thread(() -> other[0] = FieldCipher.nonceSource());
        thread.start();
        thread.join();
        assertEquals("DRBG", mine.getAlgorithm());
        assertTrue(mine != other[0], "each thread has its own generator");
        assertTrue(mine == FieldCipher.nonceSource(), "a thread keeps its generator");
        FieldCipher cipher = cipher(KEY_A);
        assertEquals(SENTINEL, cipher.decryptString(cipher.encryptString(SENTINEL)));
    }

    @Test
    void shouldNotContainThePlaintext() {
        byte[] stored = cipher(KEY_A).encryptString(SENTINEL);
        String asLatin1 = new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(asLatin1.contains("SENTINEL"));
    }

    @Test
    void shouldRejectEveryFlippedByteWithAClearError() {
        FieldCipher cipher = cipher(KEY_A);
        byte[] stored = cipher.encryptString(SENTINEL);
        for (int i = 0; i < stored.length; i++) {
            byte[] tampered = stored.clone();
            tampered[i] ^= 0x01;
            DecryptionException error = assertThrows(DecryptionException.class, () -> cipher.decrypt(tampered), "byte " + i);
            assertFalse(error.getMessage().contains("SENTINEL"));
            if (i >= FieldCipher.HEADER_BYTES) {
                assertTrue(error.getMessage().contains("integrity check"), error.getMessage());
            }
        }
    }

    @Test
    void shouldRejectValuesThatAreNotCiphertexts() {
        FieldCipher cipher = cipher(KEY_A);
        assertThrows(DecryptionException.class, () -> cipher.decrypt(new byte[3]));
        assertThrows(DecryptionException.class, () -> cipher.decrypt("plain text, not encrypted".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldDecryptWithOldKeysAndEncryptWithTheNewOneAfterRotation() {
        byte[] underOldKey = cipher(KEY_A).encryptString(SENTINEL);
        FieldCipher rotated = cipher(KEY_B, KEY_A);
        assertEquals(SENTINEL, rotated.decryptString(underOldKey));
        byte[] underNewKey = rotated.encryptString(SENTINEL);
        assertNotEquals(FieldCipher.keyIdOf(underOldKey), FieldCipher.keyIdOf(underNewKey));
        assertEquals(SENTINEL, cipher(KEY_B).decryptString(underNewKey));
    }

    @Test
    void shouldNameTheSettingWhenTheKeyIsUnknown() {
        byte[] underOldKey = cipher(KEY_A).encryptString(SENTINEL);
        DecryptionException error = assertThrows(DecryptionException.class, () -> cipher(KEY_B).decrypt(underOldKey));
        assertTrue(error.getMessage().contains("RUANGAMAN_OLD_DATA_KEYS"), error.getMessage());
    }

    @Test
    void shouldNotLetAValueMoveToAnotherKeyId() {
        FieldCipher rotated = cipher(KEY_B, KEY_A);
        byte[] stored = cipher(KEY_A).encryptString(SENTINEL);
        byte[] relabelled = stored.clone();
        byte[] otherId = rotated.encryptString("x");
        System.arraycopy(otherId, 1, relabelled, 1, 4);
        assertThrows(DecryptionException.class, () -> rotated.decrypt(relabelled));
    }

    @Test
    void shouldRoundTripBinaryContent() {
        FieldCipher cipher = cipher(KEY_A);
        byte[] media = new byte[70_000];
        new java.util.Random(3).nextBytes(media);
        assertArrayEquals(media, cipher.decrypt(cipher.encrypt(media)));
    }
}
