package id.ruangaman.security.crypto;

/** The data key setting is absent or malformed; the message is one sentence naming the setting. */
class MissingDataKeyException extends RuntimeException {

    public MissingDataKeyException(String message) {
        super(message, null, false, false);
    }
}
