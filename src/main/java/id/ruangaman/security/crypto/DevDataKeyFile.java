package id.ruangaman.security.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Dev mode only: the generated development data key, kept in a file beside the dev database
 * ({@code RUANGAMAN_DEV_DATA_KEY_FILE}, default {@code data/dev-data-key}, mode 0600) so dev data stays readable
 * across restarts. Read (or made on first use) by the data key loader and by the session cookie key, which is
 * derived from it so that a restart of dev mode keeps counsellors logged in.
 */
public final class DevDataKeyFile {

    private DevDataKeyFile() {
    }

    /**
     * The 32-byte key in {@code file}, creating the file with a fresh random key if it does not exist.
     *
     * @throws UncheckedIOException when the file can be neither read nor created
     * @throws MissingDataKeyException when the file holds something other than the base64 of 32 bytes
     */
    public static synchronized byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return DataKeyLoader.decode(Files.readString(file), "the dev key file " + file);
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            byte[] key = new byte[KeyRing.MASTER_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file stays git-ignored under data/
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the dev data key " + file, e);
        }
    }
}
