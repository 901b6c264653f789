package id.ruangaman.channel.telegram;

import java.io.IOException;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.ruangaman.channel.WebhookResponses;
import id.ruangaman.channel.inbound.InboundStore;

/**
 * {@code POST /webhooks/telegram}: checks the secret header, parses the update with the library's
 * types, stores it encrypted (one insert, one commit) and only then answers 200. No conversation
 * work happens here; a duplicate update_id is acknowledged and changes nothing.
 */
@Path("/webhooks/telegram")
public class TelegramWebhookResource {

    private static final Logger LOG = Logger.getLogger(TelegramWebhookResource.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
    public Response receive(@RestHeader("X-Telegram-Bot-Api-Secret-Token") String secret, byte[] body) {
        if (!config.enabled()) {
            return WebhookResponses.notConfigured();
        }
        if (!WebhookResponses.sameSecret(config.webhookSecret().orElse(null), secret)) {
            return WebhookResponses.error(Response.Status.UNAUTHORIZED, "bad or missing secret token");
        }
        Update update;
        try {
            update = body == null || body.length == 0 ? null : JSON.readValue(body, Update.class);
        } catch (IOException | RuntimeException e) {
            return WebhookResponses.error(Response.Status.BAD_REQUEST, "malformed JSON");
        }
        if (update == null || update.getUpdateId() == null) {
            return WebhookResponses.error(Response.Status.BAD_REQUEST, "not a Telegram update");
        }
        InboundStore.Arrival arrival = arrivals.of(update, body);
        try {
            store.store(List.of(arrival));
        } catch (RuntimeException e) {
            LOG.warnf("Telegram update %d not stored (%s); answering 503 so Telegram retries", update.getUpdateId(),
                    e.getClass().getSimpleName());
            return WebhookResponses.storageUnavailable();
        }
        return WebhookResponses.ok();
    }
}
