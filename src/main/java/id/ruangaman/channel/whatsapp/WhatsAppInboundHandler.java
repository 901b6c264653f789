package id.ruangaman.channel.whatsapp;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import id.ruangaman.channel.Channel;
import id.ruangaman.channel.Contact;
import id.ruangaman.channel.ContactRepository;
import id.ruangaman.channel.MediaStaging;
import id.ruangaman.channel.Notices;
import id.ruangaman.channel.Outbox;
import id.ruangaman.channel.inbound.InboundHandler;
import id.ruangaman.channel.inbound.InboundUpdate;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.MediaKind;
import id.ruangaman.intake.ConversationService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Turns stored WhatsApp messages into conversation steps and statuses into delivery states. */
@ApplicationScoped
public class WhatsAppInboundHandler implements InboundHandler {

    private static final int DOWNLOAD_ATTEMPTS = 3;
    private static final int STATUS_ATTEMPTS = 3;

    sealed interface Work extends Prepared {
    }

    record Converse(String from, String profileName, Input input, String messageId) implements Work {
    }

    record Notice(String from, Notices.Key key, Map<String, String> values) implements Work {
    }

    record Status(JsonNode status, int attempts) implements Work {
    }

    record Ignore() implements Work {
    }

    private final WhatsAppConfig config;
    private final WhatsAppGraph graph;
    private final ContactRepository contacts;
    private final ConversationService conversations;
    private final MediaStaging staging;
    private final Outbox outbox;
    private final Notices notices;
    private final WhatsAppStatuses statuses;
    private final Clock clock;

    WhatsAppInboundHandler(WhatsAppConfig config, WhatsAppGraph graph, ContactRepository contacts,
            ConversationService conversations, MediaStaging staging, Outbox outbox, Notices notices, WhatsAppStatuses statuses,
            Clock clock) {
        this.clock = clock;
        this.config = config;
        this.graph = graph;
        this.contacts = contacts;
        this.conversations = conversations;
        this.staging = staging;
        this.outbox = outbox;
        this.notices = notices;
        this.statuses = statuses;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public Prepared prepare(InboundUpdate stored, byte[] payload) {
        try {
            if ("status".equals(stored.kind)) {
                return new Status(WhatsAppWebhookResource.JSON.readTree(payload), stored.attempts);
            }
            WhatsAppPayload.StoredMessage item = WhatsAppWebhookResource.JSON.readValue(payload, WhatsAppPayload.StoredMessage.class);
            return prepareMessage(stored, item.message(), item.profileName());
        } catch (IOException e) {
            return new Ignore();
        }
    }

    private Work prepareMessage(InboundUpdate stored, JsonNode message, String profileName) {
        String from = message.path("from").asText();
        String id = message.path("id").asText();
        String type = message.path("type").asText("unknown");
        Input input;
        switch (type) {
            case "text" -> input = new Input.Text(message.path("text").path("body").asText(""));
            case "interactive" -> {
                JsonNode reply = message.path("interactive").has("button_reply") ? message.path("interactive").path("button_reply")
                        : message.path("interactive").path("list_reply");
                input = Input.ButtonPress.fromCallbackData(reply.path("id").asText(""));
            }
            case "button" -> {
                String data = message.path("button").path("payload").asText("");
                input = data.contains(":") ? Input.ButtonPress.fromCallbackData(data)
                        : new Input.Text(message.path("button").path("text").asText(data));
            }
            case "image", "document", "audio", "video" -> {
                return prepareUpload(stored, from, profileName, id, message, type);
            }
            case "sticker" -> input = new Input.Sticker();
            case "location" -> input = new Input.Location();
            case "contacts" -> input = new Input.SharedContact();
            case "reaction" -> {
                return new Ignore(); // a reaction needs no answer; it is acknowledged and left alone
            }
            default -> input = new Input.Unsupported(type);
        }
        return new Converse(from, profileName, input, id);
    }

    private Work prepareUpload(InboundUpdate stored, String from, String profileName, String messageId, JsonNode message, String type) {
        JsonNode media = message.path(type);
        MediaKind kind = switch (type) {
            case "image" -> MediaKind.PHOTO;
            case "audio" -> media.path("voice").asBoolean(false) ? MediaKind.VOICE : MediaKind.AUDIO;
            case "video" -> MediaKind.VIDEO;
            default -> MediaKind.DOCUMENT;
        };
        String caption = media.path("caption").isTextual() ? media.path("caption").asText() : null;
        if (!conversations.expectsUpload(Channel.WHATSAPP, from)) {
            return new Converse(from, profileName, new Input.Media(null, kind, caption), messageId);
        }
        Map<String, String> limit = Map.of("max_mb", String.valueOf(config.maxMediaBytes() / (1024 * 1024)));
        try {
            WhatsAppGraph.Downloaded file = graph.download(media.path("id").asText(), config.maxMediaBytes());
            long contactId = QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreate(Channel.WHATSAPP, from).id);
            String mime = file.mimeType() != null ? file.mimeType() : media.path("mime_type").asText(null);
            long mediaId = staging.stage(contactId, "whatsapp:" + stored.providerId, kind, mime, file.content());
            return new Converse(from, profileName, new Input.Media(String.valueOf(mediaId), kind, caption), messageId);
        } catch (WhatsAppGraph.TooLarge e) {
            return new Notice(from, Notices.Key.MEDIA_TOO_LARGE, limit);
        } catch (IOException | RuntimeException e) {
            if (stored.attempts + 1 < DOWNLOAD_ATTEMPTS) {
                throw new IllegalStateException("WhatsApp media fetch failed (" + e.getClass().getSimpleName() + ")");
            }
            return new Notice(from, Notices.Key.MEDIA_FAILED, Map.of());
        }
    }

    @Override
    public InboundUpdate.Status apply(Prepared prepared) {
        Work work = (Work) prepared;
        if (work instanceof Converse converse) {
            Contact contact = arrived(converse.from(), converse.profileName());
            conversations.receive(contact.id, converse.input(), null, converse.messageId());
            return InboundUpdate.Status.DONE;
        }
        if (work instanceof Notice notice) {
            Contact contact = arrived(notice.from(), null);
            outbox.queueText(contact, notices.text(notice.key(), contact.language, notice.values()));
            return InboundUpdate.Status.DONE;
        }
        if (work instanceof Status status) {
            boolean known = statuses.apply(status.status());
            if (!known && status.attempts() + 1 < STATUS_ATTEMPTS) {
                // The status may have overtaken our own record of the send; look again shortly.
                throw new IllegalStateException("status for a message not recorded yet");
            }
            return known ? InboundUpdate.Status.DONE : InboundUpdate.Status.IGNORED;
        }
        return InboundUpdate.Status.IGNORED;
    }

    /** The person wrote: the 24-hour window is open again, so held replies go first. */
    private Contact arrived(String from, String profileName) {
        Contact contact = contacts.findOrCreate(Channel.WHATSAPP, from);
        contact.lastInboundAt = Instant.now(clock);
        if (profileName != null) {
            contact.displayName = profileName;
        }
        outbox.releaseHeld(contact);
        return contact;
    }
}
