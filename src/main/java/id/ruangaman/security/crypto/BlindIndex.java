package id.ruangaman.security.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;

/**
 * Deterministic lookup hashes (HMAC-SHA256 under a key derived only for this purpose) for values
 * that must be found again, such as a Telegram chat id or a WhatsApp phone number, without
 * storing them in the clear. A namespace keeps equal values of different kinds apart.
 *
 * <p>One initialised {@link Mac} per thread: looking the algorithm up among the providers and keying it again for
 * every hash cost more than the hash itself (every webhook and every step hashes).
 */
public final class BlindIndex {

    private final ThreadLocal<Mac> macs;

    public BlindIndex(KeyRing keys) {
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(keys.blindIndexKey());
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
            }
        });
    }

    public byte[] of(String namespace, String value) {
        Mac mac = macs.get();
        mac.reset();
        mac.update(namespace.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }
}
