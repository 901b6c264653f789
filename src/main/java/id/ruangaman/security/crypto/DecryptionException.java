package id.ruangaman.security.crypto;

/** A stored value could not be decrypted; the message never contains any part of the value. */
public class DecryptionException extends RuntimeException {

    public DecryptionException(String message) {
        super(message);
    }
}
