package id.ruangaman.transcript;

import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.security.crypto.BlindIndex;

/**
 * The form in which a platform's id for an update or a message is stored where it is looked up.
 *
 * <p>A WhatsApp message id (wamid) is base64 of a record that embeds the sender's or recipient's phone
 * number, so it is never stored as it is: lookups use a keyed hash (blind index, HMAC-SHA256 under the
 * data key's blind-index key), written {@code h1:} followed by 43 base64url characters. Where an id must
 * be read back it is stored encrypted beside the hash. Telegram ids (update and message numbers) carry no
 * identity and are kept as they are.
 */
@ApplicationScoped
public class ProviderIds {

    /** Prefix of a hashed id; a platform id never starts with it. */
    public static final String HASHED = "h1:";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final BlindIndex blindIndex;

    ProviderIds(BlindIndex blindIndex) {
        this.blindIndex = blindIndex;
    }

    /** The lookup key of a platform id on a channel: hashed where the id can carry a phone number. Null stays null. */
    public String key(Channel channel, String providerId) {
        if (providerId == null || !carriesIdentity(channel) || providerId.startsWith(HASHED)) {
            return providerId;
        }
        return HASHED + BASE64URL.encodeToString(blindIndex.of("provider-id:" + channel.name(), providerId));
    }

    /** Whether this channel's ids can embed a phone number (WhatsApp's wamids do). */
    public static boolean carriesIdentity(Channel channel) {
        return channel == Channel.WHATSAPP;
    }
}
