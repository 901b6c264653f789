package id.ruangaman.security.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for values at rest.
 *
 * <p>Layout of one ciphertext: {@code [1 byte format=1][4 bytes key id][12 bytes random nonce]
 * [ciphertext + 16 byte tag]}. The first five bytes are authenticated as associated data, so a
 * value cannot be moved to another key id without failing to decrypt.
 */
public final class FieldCipher {

    static final byte FORMAT = 1;
    static final int HEADER_BYTES = 5;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final int MIN_LENGTH = HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8;

    private final KeyRing keys;
    /**
     * One nonce generator per thread. The platform default ({@code new SecureRandom()}: NativePRNG on Linux) draws every
     * byte under one lock for the whole JVM, so the webhook's event loop, encrypting a payload, waited behind every
     * sender and worker encrypting theirs, and behind whichever of them the scheduler had paused while it held that
     * lock (up to 190 ms in the acknowledgement benchmark's flight recording). A DRBG instance of its own per thread
     * (NIST SP 800-90A, seeded from the operating system) shares nothing.
     */
    private static final ThreadLocal<SecureRandom> NONCES = ThreadLocal.withInitial(FieldCipher::newNonceSource);
    /**
     * One AES-GCM instance per thread, initialised afresh (key, nonce) for every value: looking the algorithm up and
     * expanding the same key again for each of a step's columns was a visible part of a step's CPU.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    public FieldCipher(KeyRing keys) {
        this.keys = keys;
    }

    public byte[] encrypt(byte[] plaintext) {
        KeyRing.DataKey key = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        NONCES.get().nextBytes(nonce);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT).putInt(key.id());
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.array());
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + sealed.length)
                    .put(header.array()).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** This thread's nonce generator (tests: it is the thread's own, not a shared one). */
    static SecureRandom nonceSource() {
        return NONCES.get();
    }

    private static SecureRandom newNonceSource() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DRBG is not available", e);
        }
    }

    public byte[] decrypt(byte[] stored) {
        if (stored == null || stored.length < MIN_LENGTH || stored[0] != FORMAT) {
            throw new DecryptionException("The stored value is not a Ruang Aman ciphertext (wrong format or too short)");
        }
        ByteBuffer in = ByteBuffer.wrap(stored);
        in.get();
        int keyId = in.getInt();
        KeyRing.DataKey key = keys.byId(keyId);
        if (key == null) {
            throw new DecryptionException("The stored value was encrypted with key id " + Integer.toHexString(keyId)
                    + ", which is neither RUANGAMAN_DATA_KEY nor listed in RUANGAMAN_OLD_DATA_KEYS");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, stored, HEADER_BYTES, NONCE_BYTES));
            cipher.updateAAD(stored, 0, HEADER_BYTES);
            int offset = HEADER_BYTES + NONCE_BYTES;
            return cipher.doFinal(stored, offset, stored.length - offset);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("The stored value failed its integrity check: it was altered or corrupted");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    public byte[] encryptString(String plaintext) {
        return plaintext == null ? null : encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String decryptString(byte[] stored) {
        return stored == null ? null : new String(decrypt(stored), StandardCharsets.UTF_8);
    }

    /** The key id a stored value names, for rotation reports; never decrypts. */
    public static int keyIdOf(byte[] stored) {
        if (stored == null || stored.length < HEADER_BYTES) {
            throw new DecryptionException("The stored value is too short to carry a key id");
        }
        return ByteBuffer.wrap(Arrays.copyOfRange(stored, 1, HEADER_BYTES)).getInt();
    }
}
