package id.ruangaman.security.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data keys in force: one current key that encrypts, older keys that still decrypt, and the
 * blind-index key. Working keys are derived from each 32-byte master key with HMAC-SHA256 and a
 * purpose label, so the encryption key, the index key and the public key id never coincide.
 */
public final class KeyRing {

    public static final int MASTER_KEY_BYTES = 32;
    private static final String ENCRYPTION_LABEL = "ruang-aman/field-encryption/v1";
    private static final String BLIND_INDEX_LABEL = "ruang-aman/blind-index/v1";
    private static final String KEY_ID_LABEL = "ruang-aman/key-id/v1";

    record DataKey(int id, SecretKey key) {
    }

    private final DataKey current;
    private final Map<Integer, DataKey> byId;
    private final SecretKey blindIndexKey;

    private KeyRing(DataKey current, Map<Integer, DataKey> byId, SecretKey blindIndexKey) {
        this.current = current;
        this.byId = byId;
        this.blindIndexKey = blindIndexKey;
    }

    /**
     * @param currentMaster the key that encrypts new values
     * @param oldMasters keys that only decrypt
     * @param blindIndexMaster the key lookups are derived from
     */
    public static KeyRing of(byte[] currentMaster, List<byte[]> oldMasters, byte[] blindIndexMaster) {
        DataKey current = dataKey(currentMaster);
        Map<Integer, DataKey> byId = new HashMap<>();
        byId.put(current.id(), current);
        Set<Integer> seen = new HashSet<>(byId.keySet());
        for (byte[] old : oldMasters) {
            DataKey key = dataKey(old);
            if (seen.add(key.id())) {
                byId.put(key.id(), key);
            }
        }
        SecretKey index = new SecretKeySpec(derive(blindIndexMaster, BLIND_INDEX_LABEL), "HmacSHA256");
        return new KeyRing(current, Map.copyOf(byId), index);
    }

    DataKey current() {
        return current;
    }

    DataKey byId(int id) {
        return byId.get(id);
    }

    SecretKey blindIndexKey() {
        return blindIndexKey;
    }

    /** The number of keys that can decrypt, the current one included. */
    public int size() {
        return byId.size();
    }

    private static DataKey dataKey(byte[] master) {
        requireLength(master);
        int id = ByteBuffer.wrap(derive(master, KEY_ID_LABEL)).getInt();
        return new DataKey(id, new SecretKeySpec(derive(master, ENCRYPTION_LABEL), "AES"));
    }

    private static void requireLength(byte[] master) {
        if (master == null || master.length != MASTER_KEY_BYTES) {
            throw new IllegalArgumentException("a data key must be exactly " + MASTER_KEY_BYTES + " bytes");
        }
    }

    static byte[] derive(byte[] master, String label) {
        requireLength(master);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
