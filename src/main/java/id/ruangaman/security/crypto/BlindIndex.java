package id.ruangaman.security.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;

/**
 * Deterministic lookup hashes (HMAC-SHA256 under a key derived only for this purpose) for values
 * that must be found again, such as a Telegram chat id or a WhatsApp phone number, without
 * storing them in the clear. A namespace keeps equal values of different kinds apart.
 */
public final class BlindIndex {

    private final KeyRing keys;

    public BlindIndex(KeyRing keys) {
        this.keys = keys;
    }

    public byte[] of(String namespace, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.blindIndexKey());
            mac.update(namespace.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
