package id.ruangaman.channel.whatsapp;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.ruangaman.transcript.Channel;
import id.ruangaman.channel.ChannelsConfig;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.channel.WebhookResponses;
import id.ruangaman.channel.WebhookRoute;
import id.ruangaman.channel.WebhookRoute.Answer;
import id.ruangaman.channel.inbound.InboundStore;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * {@code GET /webhooks/whatsapp} answers Meta's verification handshake; {@code POST} checks the signature over the raw
 * body, reads the messages' ids and senders and the statuses from the JSON tree, hands each (unique on its wamid),
 * encrypted, to the group commit and answers 200 once all of them are committed (503 with Retry-After when they could
 * not be, or too many wait: Meta retries). Runs on the I/O thread and waits on nothing. A malformed entry is skipped;
 * the valid ones are kept.
 */
@Path("/webhooks/whatsapp")
public class WhatsAppWebhookResource {

    private static final Logger LOG = Logger.getLogger(WhatsAppWebhookResource.class);
    static final ObjectMapper JSON = new ObjectMapper();
    /** Real wamids and phone numbers are far shorter; longer ones are not from Meta and are skipped. */
    private static final int MAX_ID = 128;

    private static final Set<String> MEDIA_TYPES = Set.of("image", "video", "document", "audio");

    private final WhatsAppConfig config;
    private final ChannelsConfig channels;
    private final InboundStore store;
    private final ContactRepository contacts;
    private final long maxBodyBytes;

    WhatsAppWebhookResource(WhatsAppConfig config, ChannelsConfig channels, InboundStore store, ContactRepository contacts,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.config = config;
        this.channels = channels;
        this.store = store;
        this.contacts = contacts;
        this.maxBodyBytes = maxBody.asLongValue();
    }

    /** {@code POST} is a plain route ({@link WebhookRoute}: ahead of the REST layer and the security filters). */
    void register(@Observes Router router) {
        WebhookRoute.post(router, "/webhooks/whatsapp", maxBodyBytes, (headers, body) -> receive(headers.get("X-Hub-Signature-256"), body));
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response verify(@RestQuery("hub.mode") String mode, @RestQuery("hub.verify_token") String token,
            @RestQuery("hub.challenge") String challenge) {
        if (!config.enabled()) {
            return WebhookResponses.notConfigured();
        }
        if ("subscribe".equals(mode) && challenge != null && WebhookResponses.sameSecret(config.verifyToken().orElse(null), token)) {
            // The echo is the caller's own text: a browser must never read it as anything but plain text.
            return Response.ok(challenge, MediaType.TEXT_PLAIN).header("X-Content-Type-Options", "nosniff").build();
        }
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN).entity("verification failed").build();
    }

    /** The answer to one {@code POST} with this signature header (null: none) and body. */
    CompletionStage<Answer> receive(String signature, byte[] body) {
        if (!config.enabled()) {
            return Answer.now(Answer.notConfigured());
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!WhatsAppSignature.valid(config.appSecret().orElse(null), raw, signature)) {
            return Answer.now(Answer.error(401, "bad or missing signature"));
        }
        JsonNode tree;
        try {
            tree = raw.length == 0 ? null : JSON.readTree(raw);
        } catch (IOException e) {
            return Answer.now(Answer.error(400, "malformed JSON"));
        }
        if (tree == null || !tree.isObject()) {
            return Answer.now(Answer.error(400, "not a WhatsApp webhook payload"));
        }
        List<InboundStore.Arrival> arrivals = arrivals(tree);
        if (arrivals.isEmpty()) {
            return Answer.now(Answer.OK);
        }
        return Answer.afterCommit(store.accept(arrivals));
    }

    /** Walks {@code entry[].changes[]} on the tree; an entry not shaped like the Cloud API's is skipped whole. */
    private List<InboundStore.Arrival> arrivals(JsonNode tree) {
        List<InboundStore.Arrival> arrivals = new ArrayList<>();
        int skipped = 0;
        JsonNode entries = tree.path("entry");
        for (JsonNode entry : entries.isArray() ? entries : List.<JsonNode>of()) {
            if (!WhatsAppPayload.wellFormedEntry(entry)) {
                skipped++;
                continue;
            }
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.get("value");
                if (change.isNull() || value == null || value.isNull()) {
                    continue;
                }
                String field = text(change, "field");
                if (field != null && !"messages".equals(field)) {
                    collectOther(field, change, arrivals);
                    continue;
                }
                skipped += collect(value, arrivals);
            }
        }
        if (skipped > 0) {
            LOG.infof("WhatsApp payload: %d unusable items skipped, %d kept", skipped, arrivals.size());
        }
        return arrivals;
    }

    private int collect(JsonNode value, List<InboundStore.Arrival> arrivals) {
        int skipped = 0;
        List<JsonNode> senders = new ArrayList<>();
        value.path("contacts").forEach(contact -> {
            if (contact.isObject()) {
                senders.add(contact);
            }
        });
        String phoneNumberId = text(value.get("metadata"), "phone_number_id");
        for (JsonNode message : value.path("messages")) {
            String id = text(message, "id");
            String from = text(message, "from");
            String fromUserId = text(message, "from_user_id");
            if (id == null || id.length() > MAX_ID || from != null && from.length() > MAX_ID
                    || fromUserId != null && fromUserId.length() > MAX_ID) {
                skipped++;
                continue;
            }
            JsonNode sender = senders.stream()
                    .filter(c -> from != null && from.equals(scalar(c, "wa_id"))
                            || fromUserId != null && fromUserId.equals(scalar(c, "user_id")))
                    .findFirst().orElse(senders.size() == 1 ? senders.get(0) : null);
            String userId = fromUserId != null ? fromUserId : sender == null ? null : scalar(sender, "user_id");
            String profileName = sender == null ? null : scalar(sender.path("profile"), "name");
            String type = text(message, "type") == null ? "unknown" : text(message, "type");
            // Ordered per person by the number if there is one, else by the business-scoped user id; a message with
            // neither is still stored (and counted, and left unanswered) rather than dropped.
            String orderKey = from != null ? from : userId;
            arrivals.add(new InboundStore.Arrival(Channel.WHATSAPP, id, message.path("timestamp").asLong(0),
                    orderKey == null ? null : contacts.hash(Channel.WHATSAPP, orderKey), truncate(type),
                    serialize(new WhatsAppPayload.StoredMessage(message, profileName, userId, phoneNumberId)),
                    MEDIA_TYPES.contains(type) ? channels.burstSettle() : Duration.ZERO));
        }
        for (JsonNode status : value.path("statuses")) {
            String id = text(status, "id");
            String state = text(status, "status");
            if (id == null || state == null || id.length() > MAX_ID || state.length() > 32) {
                skipped++;
                continue;
            }
            // The person the status is about, so /hapus finds its payload (which names them): by number, or for a
            // username user whose number is not shared, by their business-scoped user id (recipient_user_id).
            String recipient = text(status, "recipient_id") != null ? text(status, "recipient_id") : text(status, "recipient_user_id");
            arrivals.add(new InboundStore.Arrival(Channel.WHATSAPP, "status:" + id + ":" + state,
                    status.path("timestamp").asLong(0), null, "status", serialize(status),
                    recipient == null || recipient.length() > MAX_ID ? null : contacts.hash(Channel.WHATSAPP, recipient)));
        }
        for (JsonNode error : value.path("errors")) {
            // Account-level errors Meta reports in the webhook: kept (by content hash, so a retry is one row), never answered.
            byte[] raw = serialize(error);
            arrivals.add(new InboundStore.Arrival(Channel.WHATSAPP, "errors:" + sha256(raw), 0, null, "errors", raw));
        }
        return skipped;
    }

    /** Changes other than {@code messages} (message echoes, account updates ...): kept, never answered. */
    private static void collectOther(String field, JsonNode change, List<InboundStore.Arrival> arrivals) {
        byte[] raw = serialize(change);
        String kind = field != null && field.contains("echo") ? "echo" : "other_change";
        arrivals.add(new InboundStore.Arrival(Channel.WHATSAPP, kind + ":" + sha256(raw), 0, null, kind, raw));
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A scalar field as text, as a record's String component would read it; null when absent, null or not a scalar. */
    private static String scalar(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static String truncate(String kind) {
        return kind.length() <= 32 ? kind : kind.substring(0, 32);
    }

    private static byte[] serialize(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a WhatsApp item", e);
        }
    }
}
