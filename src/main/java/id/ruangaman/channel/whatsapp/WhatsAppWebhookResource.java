package id.ruangaman.channel.whatsapp;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.ruangaman.transcript.Channel;
import id.ruangaman.channel.ChannelsConfig;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.channel.WebhookResponses;
import id.ruangaman.channel.inbound.InboundStore;

/**
 * {@code GET /webhooks/whatsapp} answers Meta's verification handshake; {@code POST} checks the
 * signature over the raw body, stores each message (unique on its wamid) and each status, encrypted,
 * in one commit, and only then answers 200. A malformed entry is skipped; the valid ones are kept.
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

    WhatsAppWebhookResource(WhatsAppConfig config, ChannelsConfig channels, InboundStore store, ContactRepository contacts) {
        this.config = config;
        this.channels = channels;
        this.store = store;
        this.contacts = contacts;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response verify(@RestQuery("hub.mode") String mode, @RestQuery("hub.verify_token") String token,
            @RestQuery("hub.challenge") String challenge) {
        if (!config.enabled()) {
            return WebhookResponses.notConfigured();
        }
        if ("subscribe".equals(mode) && challenge != null && WebhookResponses.sameSecret(config.verifyToken().orElse(null), token)) {
            return Response.ok(challenge, MediaType.TEXT_PLAIN).build();
        }
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN).entity("verification failed").build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@RestHeader("X-Hub-Signature-256") String signature, byte[] body) {
        if (!config.enabled()) {
            return WebhookResponses.notConfigured();
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!WhatsAppSignature.valid(config.appSecret().orElse(null), raw, signature)) {
            return WebhookResponses.error(Response.Status.UNAUTHORIZED, "bad or missing signature");
        }
        JsonNode tree;
        try {
            tree = raw.length == 0 ? null : JSON.readTree(raw);
        } catch (IOException e) {
            return WebhookResponses.error(Response.Status.BAD_REQUEST, "malformed JSON");
        }
        if (tree == null || !tree.isObject()) {
            return WebhookResponses.error(Response.Status.BAD_REQUEST, "not a WhatsApp webhook payload");
        }
        List<InboundStore.Arrival> arrivals = arrivals(tree);
        if (arrivals.isEmpty()) {
            return WebhookResponses.ok();
        }
        try {
            store.store(arrivals);
        } catch (RuntimeException e) {
            LOG.warnf("WhatsApp payload with %d items not stored (%s); answering 503 so Meta retries", arrivals.size(),
                    e.getClass().getSimpleName());
            return WebhookResponses.storageUnavailable();
        }
        return WebhookResponses.ok();
    }

    private List<InboundStore.Arrival> arrivals(JsonNode tree) {
        List<InboundStore.Arrival> arrivals = new ArrayList<>();
        int skipped = 0;
        for (JsonNode entryNode : tree.path("entry")) {
            WhatsAppPayload.Entry entry;
            try {
                entry = JSON.treeToValue(entryNode, WhatsAppPayload.Entry.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                skipped++;
                continue;
            }
            if (entry == null) { // a JSON null in the entry array
                skipped++;
                continue;
            }
            for (WhatsAppPayload.Change change : entry.changes() == null ? List.<WhatsAppPayload.Change>of() : entry.changes()) {
                if (change == null || change.value() == null) {
                    continue;
                }
                if (change.field() != null && !"messages".equals(change.field())) {
                    collectOther(change.field(), JSON.valueToTree(change), arrivals);
                    continue;
                }
                skipped += collect(change.value(), arrivals);
            }
        }
        if (skipped > 0) {
            LOG.infof("WhatsApp payload: %d unusable items skipped, %d kept", skipped, arrivals.size());
        }
        return arrivals;
    }

    private int collect(WhatsAppPayload.Value value, List<InboundStore.Arrival> arrivals) {
        int skipped = 0;
        List<WhatsAppPayload.ProfileContact> senders = value.contacts() == null ? List.of()
                : value.contacts().stream().filter(c -> c != null).toList();
        String phoneNumberId = value.metadata() == null ? null : text(value.metadata(), "phone_number_id");
        for (JsonNode message : value.messages() == null ? List.<JsonNode>of() : value.messages()) {
            String id = text(message, "id");
            String from = text(message, "from");
            String fromUserId = text(message, "from_user_id");
            if (id == null || id.length() > MAX_ID || from != null && from.length() > MAX_ID
                    || fromUserId != null && fromUserId.length() > MAX_ID) {
                skipped++;
                continue;
            }
            WhatsAppPayload.ProfileContact sender = senders.stream()
                    .filter(c -> from != null && from.equals(c.waId()) || fromUserId != null && fromUserId.equals(c.userId()))
                    .findFirst().orElse(senders.size() == 1 ? senders.get(0) : null);
            String userId = fromUserId != null ? fromUserId : sender == null ? null : sender.userId();
            String profileName = sender == null || sender.profile() == null ? null : sender.profile().name();
            String type = text(message, "type") == null ? "unknown" : text(message, "type");
            // Ordered per person by the number if there is one, else by the business-scoped user id; a message with
            // neither is still stored (and counted, and left unanswered) rather than dropped.
            String orderKey = from != null ? from : userId;
            arrivals.add(new InboundStore.Arrival(Channel.WHATSAPP, id, message.path("timestamp").asLong(0),
                    orderKey == null ? null : contacts.hash(Channel.WHATSAPP, orderKey), truncate(type),
                    serialize(new WhatsAppPayload.StoredMessage(message, profileName, userId, phoneNumberId)),
                    MEDIA_TYPES.contains(type) ? channels.burstSettle() : Duration.ZERO));
        }
        for (JsonNode status : value.statuses() == null ? List.<JsonNode>of() : value.statuses()) {
            String id = text(status, "id");
            String state = text(status, "status");
            if (id == null || state == null || id.length() > MAX_ID || state.length() > 32) {
                skipped++;
                continue;
            }
            String recipient = text(status, "recipient_id");
            arrivals.add(new InboundStore.Arrival(Channel.WHATSAPP, "status:" + id + ":" + state,
                    status.path("timestamp").asLong(0), null, "status", serialize(status),
                    recipient == null || recipient.length() > MAX_ID ? null : contacts.hash(Channel.WHATSAPP, recipient)));
        }
        for (JsonNode error : value.errors() == null ? List.<JsonNode>of() : value.errors()) {
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
