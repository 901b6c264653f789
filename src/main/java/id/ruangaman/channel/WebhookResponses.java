package id.ruangaman.channel;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Short, content-free answers shared by the webhooks, and the constant-time secret comparison. */
public final class WebhookResponses {

    private WebhookResponses() {
    }

    public static Response ok() {
        return Response.ok().build();
    }

    public static Response error(Response.Status status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", reason)).build();
    }

    public static Response notConfigured() {
        return error(Response.Status.NOT_FOUND, "channel not configured");
    }

    /** The platform should retry: nothing was committed. */
    public static Response storageUnavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .type(MediaType.APPLICATION_JSON).entity(Map.of("error", "temporarily unavailable")).build();
    }

    /**
     * The answer once a webhook's updates are stored: 200 after their commit, 503 with Retry-After when they were not
     * (the database failed or too many updates wait), never a 200 for anything not committed.
     */
    public static CompletionStage<Response> afterCommit(CompletionStage<Integer> stored) {
        return stored.handle((fresh, failure) -> failure == null ? ok() : storageUnavailable());
    }

    /** Compares two secrets in time independent of where they differ. A missing value never matches. */
    public static boolean sameSecret(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
