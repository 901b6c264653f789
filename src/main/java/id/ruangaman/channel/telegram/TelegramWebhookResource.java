package id.ruangaman.channel.telegram;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.ruangaman.channel.WebhookResponses;
import id.ruangaman.channel.inbound.InboundStore;

/**
 * {@code POST /webhooks/telegram}: checks the secret header, reads the update id, chat and kind from the JSON tree
 * (the library's types are read later, by the processing step), hands the encrypted body to the group commit and
 * answers 200 once it is committed. Runs on the I/O thread and waits on nothing: the committer completes the answer.
 * No conversation work happens here; a duplicate update_id is acknowledged and changes nothing. 503 with Retry-After
 * when the update could not be stored or too many wait to be (Telegram retries).
 */
@Path("/webhooks/telegram")
public class TelegramWebhookResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramConfig config;
    private final InboundStore store;
    private final TelegramArrivals arrivals;

    TelegramWebhookResource(TelegramConfig config, InboundStore store, TelegramArrivals arrivals) {
        this.config = config;
        this.store = store;
        this.arrivals = arrivals;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> receive(@RestHeader("X-Telegram-Bot-Api-Secret-Token") String secret, byte[] body) {
        if (!config.enabled()) {
            return CompletableFuture.completedFuture(WebhookResponses.notConfigured());
        }
        if (!WebhookResponses.sameSecret(config.webhookSecret().orElse(null), secret)) {
            return CompletableFuture.completedFuture(
                    WebhookResponses.error(Response.Status.UNAUTHORIZED, "bad or missing secret token"));
        }
        TelegramUpdateTree.Read update;
        try {
            JsonNode tree = body == null || body.length == 0 ? null : JSON.readTree(body);
            update = TelegramUpdateTree.read(tree);
        } catch (IOException | TelegramUpdateTree.Malformed e) {
            return CompletableFuture.completedFuture(WebhookResponses.error(Response.Status.BAD_REQUEST, "malformed JSON"));
        }
        if (update == null) {
            return CompletableFuture.completedFuture(
                    WebhookResponses.error(Response.Status.BAD_REQUEST, "not a Telegram update"));
        }
        return WebhookResponses.afterCommit(store.accept(List.of(arrivals.of(update, body))));
    }
}
