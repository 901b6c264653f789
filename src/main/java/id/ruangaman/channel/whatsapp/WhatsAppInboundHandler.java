package id.ruangaman.channel.whatsapp;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaStaging;
import id.ruangaman.texts.Notices;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.channel.ServiceStop;
import id.ruangaman.channel.inbound.InboundHandler;
import id.ruangaman.channel.inbound.InboundStore;
import id.ruangaman.channel.inbound.InboundUpdate;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.MediaKind;
import id.ruangaman.intake.ConversationService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns stored WhatsApp messages into conversation steps and statuses into delivery states. An {@code unsupported}
 * message (WhatsApp could not hand its content over) goes to the conversation as {@link Input.Unsupported}, which
 * answers it with one kind note. An {@code edit} or {@code revoke} (a number shared with the WhatsApp Business app)
 * is recorded as a change to the original line and not answered. Not a person's message, and never answered (counted in
 * {@code ruangaman.inbound.ignored} by reason): reactions, a pinned message, {@code errors} entries, message echoes,
 * group messages, messages to another phone number id of the business account, and messages naming no sender. A {@code system} message that the number or BSUID changed moves the contact.
 */
@ApplicationScoped
class WhatsAppInboundHandler implements InboundHandler {

    private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile("[a-z_]{1,32}");

    private static final int DOWNLOAD_ATTEMPTS = 3;
    private static final int STATUS_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(WhatsAppInboundHandler.class);
    private static final Set<String> MEDIA_TYPES = Set.of("image", "video", "document", "audio");
    /** Stored kinds (message types, or {@code status}) that never carry a file; any other kind may. */
    private static final Set<String> WITHOUT_FILE = Set.of("text", "interactive", "button", "status");
    /** Stored kinds of a typed line (the message's {@code type}): a story's next line, not a press or an edit. */
    private static final Set<String> LINE_TYPES = Set.of("text");
    /** Stored items that are not a person's message: kept, counted, never answered. */
    private static final Set<String> NOT_MESSAGES = Set.of("errors", "echo", "other_change");

    sealed interface Work extends Prepared {
    }

    /** A WhatsApp user: phone number ({@code wa_id}), business-scoped user id (BSUID), or both. */
    record Sender(String phone, String userId) {

        /** The id the contact is looked up by: the number if known, else the BSUID. */
        String key() {
            return phone != null ? phone : userId;
        }
    }

    /**
     * {@code moreLinesComing}: asked only for a typed line at a question that takes several (see
     * {@link ConversationService#receiveFromChannel(long, Input, String, boolean, java.util.function.BooleanSupplier)}).
     * {@code quotedId}: for a message sent as a reply (a text, a file, a location, a contact card; not a button), the wamid
     * of the message it quotes [Cloud API: messages[].context.id]; else null.
     */
    record Converse(Sender from, String profileName, Input input, String messageId, boolean moreFilesComing,
            java.util.function.BooleanSupplier moreLinesComing, String quotedId) implements Work {

        Converse(Sender from, String profileName, Input input, String messageId, boolean moreFilesComing) {
            this(from, profileName, input, messageId, moreFilesComing, () -> false, null);
        }
    }

    /**
     * A short notice to the person; {@code lost}: for a file that could not be taken (too large, or its download failed),
     * its kind and caption, recorded as their line with the notice as the answer
     * ({@link ConversationService#recordNotReceived}); else null. {@code messageId}: that file's wamid, or null.
     */
    record Notice(Sender from, Notices.Key key, Map<String, String> values, Input.Media lost, String messageId) implements Work {

        Notice(Sender from, Notices.Key key, Map<String, String> values) {
            this(from, key, values, null, null);
        }
    }

    /** A change to the message {@code originalId}: its new text or caption, or {@link Input.Unsupported} by kind. */
    record Edit(Sender from, String originalId, Input input, Long updateId) implements Work {

        Edit(Sender from, String originalId, Input input) {
            this(from, originalId, input, null);
        }

        Edit withUpdate(long id) {
            return new Edit(from, originalId, input, id);
        }
    }

    record Status(JsonNode status, int attempts) implements Work {
    }

    /** {@code request_welcome}: the person opened the chat; it starts like a first message. */
    record Welcome(Sender from, String profileName) implements Work {
    }

    /** {@code system} message: the person's number or BSUID changed; the contact moves with them. */
    record Move(Sender from, String newPhone, String newUserId) implements Work {
    }

    /** Stored, acknowledged, counted under {@code reason}, never answered. */
    record Ignore(String reason) implements Work {
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
    private final InboundStore inbound;
    private final MeterRegistry metrics;

    WhatsAppInboundHandler(WhatsAppConfig config, WhatsAppGraph graph, ContactRepository contacts,
            ConversationService conversations, MediaStaging staging, Outbox outbox, Notices notices, WhatsAppStatuses statuses,
            Clock clock, InboundStore inbound, MeterRegistry metrics) {
        this.clock = clock;
        this.inbound = inbound;
        this.metrics = metrics;
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
    public boolean mayFetchFile(InboundUpdate update) {
        return !WITHOUT_FILE.contains(update.kind);
    }

    @Override
    public Prepared prepare(InboundUpdate stored, byte[] payload) {
        try {
            if ("status".equals(stored.kind)) {
                return new Status(WhatsAppWebhookResource.JSON.readTree(payload), stored.attempts);
            }
            if (NOT_MESSAGES.contains(stored.kind)) {
                return new Ignore(stored.kind);
            }
            WhatsAppPayload.StoredMessage item;
            try {
                item = WhatsAppWebhookResource.JSON.readValue(payload, WhatsAppPayload.StoredMessage.class);
            } catch (IOException e) {
                return unreadable(payload);
            }
            return prepareMessage(stored, item);
        } catch (IOException e) {
            return new Ignore("unreadable");
        }
    }

    /**
     * A stored message that can no longer be read as one (its stored shape changed): when the tree still names the
     * sender, they get the one kind note for what cannot be read and the counsellor a line of kind "unknown", as for
     * any unreadable message; otherwise it is closed as ignored under {@code unreadable}. Never retried.
     */
    private static Work unreadable(byte[] payload) {
        try {
            JsonNode message = WhatsAppWebhookResource.JSON.readTree(payload).path("message");
            String phone = textOrNull(message, "from");
            String userId = textOrNull(message, "from_user_id");
            if (phone != null || userId != null) {
                return new Converse(new Sender(phone, userId), null, new Input.Unsupported("unknown"),
                        textOrNull(message, "id"), false);
            }
        } catch (IOException e) {
            // not even JSON any more: nobody to answer
        }
        return new Ignore("unreadable");
    }

    private Work prepareMessage(InboundUpdate stored, WhatsAppPayload.StoredMessage item) {
        JsonNode message = item.message();
        String profileName = item.profileName();
        if (item.phoneNumberId() != null && config.phoneNumberId().isPresent()
                && !item.phoneNumberId().equals(config.phoneNumberId().get())) {
            return new Ignore("other_number"); // another number of the same business account; not this service's chat
        }
        if (message.hasNonNull("group_id")) {
            return new Ignore("group"); // written in a group: answering privately could expose the member
        }
        String phone = textOrNull(message, "from");
        String userId = item.userId() != null ? item.userId() : textOrNull(message, "from_user_id");
        if (phone == null && userId == null) {
            LOG.warnf("WhatsApp message in update %d has neither a number nor a user id; kept, not answered", stored.id);
            return new Ignore("no_sender");
        }
        Sender from = new Sender(phone, userId);
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
            case "location" -> input = location(message.path("location"));
            case "contacts" -> input = contact(message.path("contacts"));
            case "request_welcome" -> {
                return new Welcome(from, profileName);
            }
            case "system" -> {
                return prepareSystem(from, message.path("system"));
            }
            case "edit" -> {
                Edit edit = edit(from, message.path("edit"));
                return stored.id == null ? edit : edit.withUpdate(stored.id);
            }
            case "revoke" -> {
                // The person deleted a message they sent: the transcript keeps it, with a line saying it was taken back.
                return new Edit(from, textOrNull(message.path("revoke"), "original_message_id"), new Input.Unsupported("revoke"));
            }
            case "reaction" -> {
                return new Ignore("reaction"); // a reaction needs no answer; it is acknowledged and left alone
            }
            case "unsupported", "errors" -> {
                // WhatsApp could not hand the content over (a poll, a view-once item, an edit, a type newer than the API
                // version): the person gets one note saying what to send instead; the counsellor sees the kind.
                String kind = unsupportedKind(message);
                if (kind == null) {
                    return new Ignore("pin"); // pinning a message: something done to the chat, not said in it
                }
                input = new Input.Unsupported(kind);
            }
            default -> input = new Input.Unsupported(type);
        }
        if (forwarded(message)) {
            input = input.asForwarded(); // a typed line passed on from another chat (the terlapor's message, say)
        }
        if (input instanceof Input.Text) {
            // a typed line (a text, or a template's quick reply read as words): a story's next line may be waiting. A text
            // sent as a reply names the quoted message; a quote of one of the service's questions is matched to that
            // question (ConversationService#receiveFromChannel), so "ya" quoted to an old question is not taken for the
            // current one. A forwarded text's context names no message of this chat.
            String quoted = "text".equals(type) ? quoted(message) : null;
            return new Converse(from, profileName, input, id, false, () -> inbound.nextPendingIs(stored, LINE_TYPES), quoted);
        }
        // a location or a contact card sent as a reply names the quoted message too (a button's context is its question)
        return new Converse(from, profileName, input, id, false, () -> false, input instanceof Input.ButtonPress ? null : quoted(message));
    }

    /**
     * The kind of an {@code unsupported} message, from {@code unsupported.type} ({@code poll_creation},
     * {@code poll_update}, {@code view_once}, {@code edit} ...; none when WhatsApp gives no type, e.g. error 131060,
     * "message currently unavailable"): polls are one kind; a kind is kept only when it is a plain word (it is a label
     * key, never shown). Null for {@code pin}, which needs no answer.
     */
    static String unsupportedKind(JsonNode message) {
        String type = message.path("unsupported").path("type").asText("").toLowerCase(java.util.Locale.ROOT);
        if (type.equals("pin")) {
            return null;
        }
        if (type.startsWith("poll")) {
            return "poll";
        }
        return TYPE.matcher(type).matches() ? type : "unknown";
    }

    /**
     * {@code edit} (Graph API messages webhook, "Edit messages"; a number also used in the WhatsApp Business app): the
     * person changed a text or a media caption within 15 minutes. {@code edit.original_message_id} names the message;
     * {@code edit.message} holds it as changed ({@code text.body}, or the {@code caption} of an image, video or
     * document). Recorded as an edit of the original line, never answered; one whose new content is none of those is an
     * edit the service cannot read (kind {@code edit}).
     */
    static Edit edit(Sender from, JsonNode edit) {
        JsonNode changed = edit.path("message");
        String type = changed.path("type").asText("");
        String words = "text".equals(type) ? textOrNull(changed.path("text"), "body")
                : MEDIA_TYPES.contains(type) ? textOrNull(changed.path(type), "caption") : null;
        return new Edit(from, textOrNull(edit, "original_message_id"),
                words != null ? new Input.Text(words) : new Input.Unsupported("edit"));
    }

    /**
     * {@code user_changed_number} names the new number in {@code system.wa_id}; {@code user_changed_user_id} the new
     * BSUID in {@code system.user_id} (or {@code new_user_id}). Other system messages (identity changes) need nothing.
     */
    private static Work prepareSystem(Sender from, JsonNode system) {
        String kind = system.path("type").asText("");
        String newPhone = "user_changed_number".equals(kind) ? textOrNull(system, "wa_id") : null;
        String newUserId = "user_changed_user_id".equals(kind)
                ? textOrNull(system, "user_id") != null ? textOrNull(system, "user_id") : textOrNull(system, "new_user_id")
                : textOrNull(system, "new_user_id");
        if (newPhone == null && newUserId == null) {
            return new Ignore("system");
        }
        return new Move(from, newPhone, newUserId);
    }

    /** Cloud API {@code location}: {@code latitude}, {@code longitude}, and {@code name}, {@code address} for a place. */
    static Input.Location location(JsonNode location) {
        return new Input.Location(location.path("latitude").isNumber() ? location.path("latitude").asDouble() : null,
                location.path("longitude").isNumber() ? location.path("longitude").asDouble() : null,
                textOrNull(location, "name"), textOrNull(location, "address"));
    }

    /**
     * Cloud API {@code contacts}: one or more cards, each with {@code name.formatted_name} and {@code phones[].phone}.
     * Several cards in one message become one contact line (names joined, every number kept).
     */
    static Input.SharedContact contact(JsonNode cards) {
        List<String> names = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (JsonNode card : cards) {
            String name = textOrNull(card.path("name"), "formatted_name");
            if (name != null) {
                names.add(name);
            }
            card.path("phones").forEach(phone -> {
                String number = textOrNull(phone, "phone") != null ? textOrNull(phone, "phone") : textOrNull(phone, "wa_id");
                if (number != null) {
                    phones.add(number);
                }
            });
        }
        return new Input.SharedContact(names.isEmpty() ? null : String.join(", ", names), phones);
    }

    /**
     * Whether the person forwarded the message from another chat [Cloud API: messages[].context.forwarded, or
     * context.frequently_forwarded when it has been forwarded more than five times]: words or a file passed on (a message
     * the terlapor sent them), marked so nobody reads them as the person's own ({@link Input#asForwarded()}).
     */
    static boolean forwarded(JsonNode message) {
        JsonNode context = message.path("context");
        return context.path("forwarded").asBoolean(false) || context.path("frequently_forwarded").asBoolean(false);
    }

    /**
     * The wamid of the message this one replies to [Cloud API: messages[].context.id], or null: a forwarded message's
     * context names no message of this chat.
     */
    private static String quoted(JsonNode message) {
        return textOrNull(message.path("context"), "id");
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }

    private Work prepareUpload(InboundUpdate stored, Sender from, String profileName, String messageId, JsonNode message, String type) {
        JsonNode media = message.path(type);
        MediaKind kind = switch (type) {
            case "image" -> MediaKind.PHOTO;
            case "audio" -> media.path("voice").asBoolean(false) ? MediaKind.VOICE : MediaKind.AUDIO;
            case "video" -> MediaKind.VIDEO;
            default -> MediaKind.DOCUMENT;
        };
        String caption = media.path("caption").isTextual() ? media.path("caption").asText() : null;
        boolean more = inbound.laterPending(stored, MEDIA_TYPES);
        // A quick look without the lock; the locked decision may still ask for the file (fetchFile on the next try).
        if (!stored.fetchFile && !contacts.expectsFiles(Channel.WHATSAPP, from.key())) {
            return new Converse(from, profileName, new Input.Media(null, kind, caption, forwarded(message)), messageId, more, () -> false, quoted(message));
        }
        Map<String, String> limit = Map.of("max_mb", String.valueOf(config.maxMediaBytes() / (1024 * 1024)));
        try {
            WhatsAppGraph.Downloaded file = graph.download(media.path("id").asText(), config.maxMediaBytes());
            long contactId = QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreateWhatsApp(from.phone(), from.userId()).id);
            String mime = file.mimeType() != null ? file.mimeType() : media.path("mime_type").asText(null);
            long mediaId = staging.stage(contactId, "whatsapp:" + stored.providerId, kind, mime, file.content(), forwarded(message));
            return new Converse(from, profileName, new Input.Media(String.valueOf(mediaId), kind, caption, forwarded(message)), messageId, more, () -> false,
                    quoted(message));
        } catch (WhatsAppGraph.TooLarge e) {
            return new Notice(from, Notices.Key.MEDIA_TOO_LARGE, limit, new Input.Media(null, kind, caption, forwarded(message)), messageId);
        } catch (IOException | RuntimeException e) {
            // The service stopping mid-fetch is no failure of the file's: taken again after the restart, uncharged.
            if (ServiceStop.interrupted(e) || stored.attempts + 1 < DOWNLOAD_ATTEMPTS) {
                throw new IllegalStateException("WhatsApp media fetch failed (" + e.getClass().getSimpleName() + ")", e);
            }
            metrics.counter("ruangaman.media.not_received", "channel", "whatsapp").increment();
            return new Notice(from, Notices.Key.MEDIA_FAILED, Map.of(), new Input.Media(null, kind, caption, forwarded(message)), messageId);
        }
    }

    /** A message, a notice or a welcome to the person who wrote: the update is ordered by their {@link Sender#key}. */
    @Override
    public boolean stepsSender(Prepared prepared) {
        return prepared instanceof Converse || prepared instanceof Notice || prepared instanceof Welcome || prepared instanceof Edit;
    }

    @Override
    public InboundUpdate.Status apply(Prepared prepared) {
        Work work = (Work) prepared;
        if (work instanceof Converse converse) {
            Contact contact = arrived(converse.from(), converse.profileName());
            boolean taken = conversations.receiveFromChannel(contact.id, converse.input(), converse.messageId(),
                    converse.quotedId(), converse.moreFilesComing(), converse.moreLinesComing()).isPresent();
            return taken ? InboundUpdate.Status.DONE : InboundUpdate.Status.PENDING; // PENDING: fetch the file first
        }
        if (work instanceof Edit edit) {
            // An edit from a sender with no contact (erased with /hapus, or never seen) changes nothing: no contact is
            // made for it and nothing is kept (InboundProcessor.FORGET_STRANGERS).
            // Only an edit into danger is answered, with the emergency numbers; the sender then has a contact to send
            // them, and the update's words go.
            if (contacts.findWhatsAppLocked(edit.from().phone(), edit.from().userId()).isEmpty()) {
                boolean answered = conversations.answerEditWithoutContact(Channel.WHATSAPP, edit.input(),
                        () -> arrived(edit.from(), null));
                if (!answered) {
                    ignored("edit_without_contact");
                    return InboundUpdate.Status.IGNORED;
                }
                if (edit.updateId() != null) {
                    inbound.forgetPayload(edit.updateId());
                }
                return InboundUpdate.Status.DONE;
            }
            Contact contact = arrived(edit.from(), null);
            conversations.recordEdit(contact.id, edit.originalId(), edit.input());
            return InboundUpdate.Status.DONE;
        }
        if (work instanceof Notice notice) {
            Contact contact = arrived(notice.from(), null);
            String text = notices.text(notice.key(), contact.language, notice.values());
            if (notice.lost() != null) {
                conversations.recordNotReceived(contact.id, notice.lost(), notice.messageId(), text);
                return InboundUpdate.Status.DONE;
            }
            outbox.queueText(contact, text);
            return InboundUpdate.Status.DONE;
        }
        if (work instanceof Welcome welcome) {
            Contact contact = arrived(welcome.from(), welcome.profileName());
            conversations.startIfNew(contact.id);
            return InboundUpdate.Status.DONE;
        }
        if (work instanceof Move move) {
            boolean moved = contacts.moveWhatsApp(move.from().key(), move.newPhone(), move.newUserId())
                    || move.from().userId() != null && contacts.moveWhatsApp(move.from().userId(), move.newPhone(), move.newUserId());
            ignored(moved ? "identity_moved" : "system");
            return InboundUpdate.Status.IGNORED;
        }
        if (work instanceof Status status) {
            boolean known = statuses.apply(status.status());
            if (!known && status.attempts() + 1 < STATUS_ATTEMPTS) {
                // The status may have overtaken our own record of the send; look again shortly.
                throw new InboundHandler.NotYet("a delivery status for a send not recorded yet");
            }
            return known ? InboundUpdate.Status.DONE : InboundUpdate.Status.IGNORED;
        }
        ignored(((Ignore) work).reason());
        return InboundUpdate.Status.IGNORED;
    }

    private void ignored(String reason) {
        metrics.counter("ruangaman.inbound.ignored", "channel", "whatsapp", "reason", reason).increment();
    }

    /**
     * The person wrote: the 24-hour window is open again, so held replies go first. Finds and locks the contact in one
     * read, so the conversation step that follows takes no second lock.
     */
    private Contact arrived(Sender from, String profileName) {
        Contact contact = contacts.findOrCreateWhatsAppLocked(from.phone(), from.userId(), profileName);
        contact.lastInboundAt = Instant.now(clock);
        outbox.releaseHeld(contact);
        return contact;
    }
}
