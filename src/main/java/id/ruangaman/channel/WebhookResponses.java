package id.ruangaman.channel;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The constant-time secret comparison the webhooks share, and the REST answer of a channel that is off (WhatsApp's
 * verification handshake). The webhooks' {@code POST}s answer through {@link WebhookRoute}.
 */
public final class WebhookResponses {

    private WebhookResponses() {
    }

    public static Response notConfigured() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "channel not configured")).build();
    }

    /** Compares two secrets in time independent of where they differ. A missing value never matches. */
    public static boolean sameSecret(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
