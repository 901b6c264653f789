package id.ruangaman.channel.telegram;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaStaging;
import id.ruangaman.texts.Notices;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.channel.ServiceStop;
import id.ruangaman.channel.inbound.InboundHandler;
import id.ruangaman.channel.inbound.InboundStore;
import id.ruangaman.channel.inbound.InboundUpdate;
import id.ruangaman.conversation.Input;
import id.ruangaman.intake.ConversationService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns stored Telegram updates into conversation steps. Only private chats are served. Not a person's message, and
 * never answered (counted in {@code ruangaman.inbound.ignored} by reason): service messages (pins, the auto-delete
 * timer, chat photo, video chats, joins and leaves), {@code my_chat_member}, reactions, and group, supergroup and
 * channel posts after the one polite notice per group. Content the service cannot read (a poll, a dice, a game, a
 * story, paid media, a giveaway, a checklist ..., or an update the library cannot read) goes to the conversation as
 * {@link Input.Unsupported} by its kind, which answers it with one kind note and keeps a labelled line for the
 * counsellor. An edit is recorded as an edit of the original line ({@link #prepareEdit}).
 */
@ApplicationScoped
class TelegramInboundHandler implements InboundHandler {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Stored kinds (TelegramUpdateTree) that never carry a file; any other kind may. */
    private static final Set<String> WITHOUT_FILE = Set.of("text", "command", "callback_query");
    /** Download attempts before the person is told the file could not be received. */
    private static final int DOWNLOAD_ATTEMPTS = 3;
    /** Stored kinds of a typed line (TelegramUpdateTree): a story's next line, not a command, a press or an edit. */
    private static final Set<String> LINE_KINDS = Set.of("text");

    sealed interface Work extends Prepared {
    }

    /**
     * {@code moreLinesComing}: asked only for a typed line at a question that takes several (see
     * {@link ConversationService#receiveFromChannel(long, Input, String, boolean, BooleanSupplier)}).
     * {@code quotedId}: for a message sent as a reply (a typed line, a file, a location, a contact card), the id of the
     * message it quotes [Bot API: Message.reply_to_message.message_id]; else null.
     */
    record Converse(long chatId, Input input, String messageId, boolean moreFilesComing,
            BooleanSupplier moreLinesComing, String quotedId) implements Work {

        Converse(long chatId, Input input, String messageId, boolean moreFilesComing) {
            this(chatId, input, messageId, moreFilesComing, () -> false, null);
        }

        Converse(long chatId, Input input, String messageId) {
            this(chatId, input, messageId, false);
        }
    }

    /**
     * An edit of the message {@code messageId}: its new text or caption, or {@link Input.Unsupported} ({@code edit}).
     * {@code sentAt}: when the ORIGINAL message was sent [Bot API: Message.date of an edited_message; {@code edit_date} is
     * the edit's time]; null when not known.
     */
    record Edit(long chatId, String messageId, Input input, java.time.Instant sentAt, Long updateId) implements Work {

        Edit(long chatId, String messageId, Input input) {
            this(chatId, messageId, input, null, null);
        }

        Edit withUpdate(long id) {
            return new Edit(chatId, messageId, input, sentAt, id);
        }
    }

    record Group(long chatId) implements Work {
    }

    /**
     * A short notice to the person; {@code lost}: for a file that could not be taken (too large, or its download failed),
     * its kind and caption, recorded as their line with the notice as the answer
     * ({@link ConversationService#recordNotReceived}); else null. {@code messageId}: that file's message id, or null.
     */
    record Notice(long chatId, Notices.Key key, Map<String, String> values, Input.Media lost, String messageId) implements Work {

        Notice(long chatId, Notices.Key key, Map<String, String> values) {
            this(chatId, key, values, null, null);
        }
    }

    /** Stored, acknowledged, counted under {@code reason}, never answered. */
    record Ignore(String reason) implements Work {
    }

    private final TelegramConfig config;
    private final TelegramApi api;
    private final ContactRepository contacts;
    private final ConversationService conversations;
    private final MediaStaging staging;
    private final Outbox outbox;
    private final Notices notices;
    private final InboundStore inbound;
    private final MeterRegistry metrics;

    TelegramInboundHandler(TelegramConfig config, TelegramApi api, ContactRepository contacts,
            ConversationService conversations, MediaStaging staging, Outbox outbox, Notices notices,
            InboundStore inbound, MeterRegistry metrics) {
        this.inbound = inbound;
        this.metrics = metrics;
        this.config = config;
        this.api = api;
        this.contacts = contacts;
        this.conversations = conversations;
        this.staging = staging;
        this.outbox = outbox;
        this.notices = notices;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public boolean mayFetchFile(InboundUpdate update) {
        return !WITHOUT_FILE.contains(update.kind);
    }

    @Override
    public Prepared prepare(InboundUpdate stored, byte[] payload) {
        Update update;
        try {
            update = JSON.readValue(payload, Update.class);
        } catch (IOException e) {
            // A service message the library cannot read (a gift without convert_star_count, which the Bot API may omit
            // and the library requires; a service field newer than it) is still a service message, as the webhook's
            // own reading of the tree found it: left alone like the others, not answered with the note for what
            // cannot be read.
            return "service".equals(stored.kind) ? new Ignore("service_message") : unreadable(payload);
        }
        TelegramUpdates.Classified classified = TelegramUpdates.classify(update);
        if (classified.chatId() == null) {
            return new Ignore(classified.kind()); // reactions, member updates of groups, unknown update types
        }
        long chatId = classified.chatId();
        if (!classified.privateChat()) {
            if ("my_chat_member".equals(classified.kind())) {
                return new Ignore("member_update"); // the bot was blocked, unblocked, added or removed
            }
            return update.hasMessage() || update.hasChannelPost() ? new Group(chatId) : new Ignore("group");
        }
        if (update.hasCallbackQuery()) {
            String data = update.getCallbackQuery().getData() == null ? "" : update.getCallbackQuery().getData();
            // The press itself was answered when it was stored: in the webhook's 200 (TelegramWebhookRoute), or by a call
            // with long polling (TelegramPolling).
            return new Converse(chatId, Input.ButtonPress.fromCallbackData(data), null);
        }
        if (update.hasEditedMessage()) {
            Work edit = prepareEdit(chatId, update.getEditedMessage());
            return edit instanceof Edit known && stored.id != null ? known.withUpdate(stored.id) : edit;
        }
        if (!update.hasMessage()) {
            return new Ignore(classified.kind());
        }
        Message message = update.getMessage();
        if (TelegramUpdates.serviceMessage(message)) {
            return new Ignore("service_message"); // a pin, the auto-delete timer ...: not something the person said
        }
        String messageId = String.valueOf(message.getMessageId());
        Optional<TelegramUpdates.Upload> upload = TelegramUpdates.upload(message);
        // A reply to an earlier message names it; a quote of one of the service's questions is matched to that question
        // (ConversationService#receiveFromChannel), so "ya" quoted to an old question is not taken for the current one.
        String quoted = message.getReplyToMessage() == null || message.getReplyToMessage().getMessageId() == null ? null
                : String.valueOf(message.getReplyToMessage().getMessageId());
        boolean forwarded = forwarded(message);
        if (upload.isPresent()) {
            return prepareUpload(stored, chatId, messageId, message.getCaption(), forwarded, upload.get(), quoted);
        }
        Input input = forwarded ? inputOf(message).asForwarded() : inputOf(message);
        return new Converse(chatId, input, messageId, false,
                input instanceof Input.Text ? () -> inbound.nextPendingIs(stored, LINE_KINDS) : () -> false, quoted);
    }

    /**
     * An update whose stored body the library cannot read into an {@link Update} (a field of a type it does not expect,
     * e.g. after a Bot API change; the webhook checks only the fields it reads). Read as a JSON tree, the way the webhook
     * read it: in a private chat the person gets the one kind note for what cannot be read (rate-limited like every
     * unreadable message; a button press was answered already, when it was stored) and the counsellor a line of
     * kind "unknown" (an unreadable edit: an edit line, no note, as {@link #prepareEdit}); anything else (a group, no
     * chat, not even JSON) is closed as ignored under {@code unreadable}. Never retried: reading it again gives the same
     * answer.
     */
    private static Work unreadable(byte[] payload) {
        try {
            Optional<TelegramUpdateTree.PrivateMessage> message = TelegramUpdateTree.privateMessage(JSON.readTree(payload));
            if (message.isPresent()) {
                TelegramUpdateTree.PrivateMessage from = message.get();
                return from.edit() ? new Edit(from.chatId(), from.messageId(), new Input.Unsupported("edit"))
                        : new Converse(from.chatId(), new Input.Unsupported("unknown"), from.messageId());
            }
        } catch (IOException e) {
            // not even JSON any more: nobody to answer
        }
        return new Ignore("unreadable");
    }

    /**
     * What the person changed in a message they sent [Bot API: Update.edited_message]. A new text, or a new caption on
     * a photo, video, document, audio, voice note or animation, is recorded as an edit of the original line (the file
     * itself is not fetched again). A live location sends an edit with its new position many times a minute until it
     * stops: those are not recorded (the line of the shared location stays; counted as {@code live_location}), so the
     * transcript is not flooded. Any other edit (a caption taken away, a file replaced without a caption, a checklist
     * ticked ...) is recorded as an edit the service cannot read, so the counsellor still sees that the message changed.
     */
    static Work prepareEdit(long chatId, Message edited) {
        String messageId = String.valueOf(edited.getMessageId());
        java.time.Instant sentAt = edited.getDate() == null ? null : java.time.Instant.ofEpochSecond(edited.getDate());
        if (edited.hasText()) {
            return new Edit(chatId, messageId, new Input.Text(edited.getText()), sentAt, null);
        }
        if (edited.getCaption() != null && !edited.getCaption().isEmpty()) {
            return new Edit(chatId, messageId, new Input.Text(edited.getCaption()), sentAt, null);
        }
        if (edited.hasLocation()) {
            return new Ignore("live_location");
        }
        return new Edit(chatId, messageId, new Input.Unsupported("edit"), sentAt, null);
    }

    /**
     * Whether the person forwarded the message from another chat [Bot API: Message.forward_origin, MessageOrigin; the
     * {@code forward_date} of Bot API versions before 7.0]: words or a file passed on (a message the terlapor sent them),
     * marked so nobody reads them as the person's own answer ({@link Input#asForwarded()}). A message of the person's own
     * forwarded back ({@code sender_user} the sender) is marked too: in a conversation passed on as evidence it is an old
     * "iya" of theirs, which answers nothing asked now. Who sent it first is not kept.
     */
    static boolean forwarded(Message message) {
        return message.getForwardOrigin() != null || message.getForwardDate() != null;
    }

    private Work prepareUpload(InboundUpdate stored, long chatId, String messageId, String caption, boolean forwarded,
            TelegramUpdates.Upload upload, String quoted) {
        boolean more = inbound.laterPending(stored, TelegramUpdates.FILE_KINDS);
        // A quick look without the lock. If the locked decision (ConversationService.receiveFromChannel) wants the
        // file after all, the update comes back with fetchFile set; a file is never counted without being stored.
        if (!stored.fetchFile && !contacts.expectsFiles(Channel.TELEGRAM, String.valueOf(chatId))) {
            // Not a question that asks for files: nothing is fetched; the conversation says so kindly.
            return new Converse(chatId, new Input.Media(null, upload.kind(), caption, forwarded), messageId, more, () -> false, quoted);
        }
        Map<String, String> limit = Map.of("max_mb", String.valueOf(config.maxMediaBytes() / (1024 * 1024)));
        Input.Media lost = new Input.Media(null, upload.kind(), caption, forwarded);
        if (upload.declaredSize() != null && upload.declaredSize() > config.maxMediaBytes()) {
            return new Notice(chatId, Notices.Key.MEDIA_TOO_LARGE, limit, lost, messageId);
        }
        try {
            File file = api.client().execute(GetFile.builder().fileId(upload.fileId()).build());
            if (file.getFileSize() != null && file.getFileSize() > config.maxMediaBytes()) {
                return new Notice(chatId, Notices.Key.MEDIA_TOO_LARGE, limit, lost, messageId);
            }
            byte[] content = api.download(file.getFilePath(), config.maxMediaBytes());
            long contactId = QuarkusTransaction.requiringNew()
                    .call(() -> contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(chatId)).id);
            long mediaId = staging.stage(contactId, "telegram:" + stored.providerId, upload.kind(), upload.mimeType(), content, forwarded);
            return new Converse(chatId, new Input.Media(String.valueOf(mediaId), upload.kind(), caption, forwarded), messageId, more,
                    () -> false, quoted);
        } catch (TelegramApi.TooLarge e) {
            return new Notice(chatId, Notices.Key.MEDIA_TOO_LARGE, limit, lost, messageId);
        } catch (TelegramApiException | IOException e) {
            // The service stopping mid-fetch is no failure of the file's: taken again after the restart, uncharged.
            if (ServiceStop.interrupted(e) || stored.attempts + 1 < DOWNLOAD_ATTEMPTS) {
                throw new IllegalStateException("Telegram file fetch failed (" + e.getClass().getSimpleName() + ")", e);
            }
            metrics.counter("ruangaman.media.not_received", "channel", "telegram").increment();
            return new Notice(chatId, Notices.Key.MEDIA_FAILED, Map.of(), lost, messageId);
        }
    }

    private static Input inputOf(Message message) {
        if (message.hasText()) {
            return new Input.Text(message.getText());
        }
        if (message.hasLocation()) {
            // A venue (a place picked from the map) comes with its location: keep its title and address too.
            org.telegram.telegrambots.meta.api.objects.location.Location at = message.getLocation();
            var venue = message.getVenue();
            return new Input.Location(at.getLatitude(), at.getLongitude(), venue == null ? null : venue.getTitle(),
                    venue == null ? null : venue.getAddress());
        }
        if (message.hasContact()) {
            var card = message.getContact();
            String name = java.util.stream.Stream.of(card.getFirstName(), card.getLastName())
                    .filter(part -> part != null && !part.isBlank()).collect(java.util.stream.Collectors.joining(" "));
            return new Input.SharedContact(name.isEmpty() ? null : name,
                    card.getPhoneNumber() == null ? List.of() : List.of(card.getPhoneNumber()));
        }
        if (message.hasSticker()) {
            return new Input.Sticker();
        }
        return new Input.Unsupported(TelegramUpdates.unreadableKind(message));
    }

    /** A message, an edit or a notice to the person who wrote: the update's contact hash is their chat's. */
    @Override
    public boolean stepsSender(Prepared prepared) {
        return prepared instanceof Converse || prepared instanceof Edit || prepared instanceof Notice;
    }

    @Override
    public InboundUpdate.Status apply(Prepared prepared) {
        Work work = (Work) prepared;
        if (work instanceof Converse converse) {
            Contact contact = contacts.findOrCreateLocked(Channel.TELEGRAM, String.valueOf(converse.chatId()));
            Optional<List<ChatMessage>> received = conversations.receiveFromChannel(contact.id, converse.input(),
                    converse.messageId(), converse.quotedId(), converse.moreFilesComing(), converse.moreLinesComing());
            if (received.isEmpty()) {
                return InboundUpdate.Status.PENDING; // the question wants this file: fetch it, then take it
            }
            return InboundUpdate.Status.DONE;
        }
        if (work instanceof Edit edit) {
            // An edit from a chat with no contact (erased with /hapus, or never seen) changes nothing: nothing is kept
            // (InboundProcessor.FORGET_STRANGERS), a live location still moving included. Only an edit into danger is
            // answered, with the emergency numbers; the chat then has a contact to send them, and the update's words go.
            Optional<Contact> contact = contacts.findLocked(Channel.TELEGRAM, String.valueOf(edit.chatId()));
            if (contact.isEmpty()) {
                boolean answered = conversations.answerEditWithoutContact(Channel.TELEGRAM, edit.input(),
                        () -> contacts.findOrCreateLocked(Channel.TELEGRAM, String.valueOf(edit.chatId())));
                if (!answered) {
                    return InboundUpdate.Status.IGNORED;
                }
                if (edit.updateId() != null) {
                    inbound.forgetPayload(edit.updateId());
                }
                return InboundUpdate.Status.DONE;
            }
            boolean kept = conversations.recordEdit(contact.get().id, edit.messageId(), edit.input(), edit.sentAt());
            if (!kept && edit.updateId() != null) {
                inbound.forgetPayload(edit.updateId()); // an edit of an erased line: its words are not kept here either
            }
            return InboundUpdate.Status.DONE;
        }
        if (work instanceof Notice notice) {
            Contact contact = contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(notice.chatId()));
            String text = notices.text(notice.key(), contact.language, notice.values());
            if (notice.lost() != null) {
                conversations.recordNotReceived(contact.id, notice.lost(), notice.messageId(), text);
                return InboundUpdate.Status.DONE;
            }
            outbox.queueText(contact, text);
            return InboundUpdate.Status.DONE;
        }
        if (work instanceof Group group) {
            boolean known = contacts.findByExternalId(Channel.TELEGRAM, String.valueOf(group.chatId())).isPresent();
            if (!known) {
                // One polite message per group or channel, then silence: the bot serves private chats only.
                Contact chat = contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(group.chatId()));
                outbox.queueText(chat, notices.text(Notices.Key.PRIVATE_CHAT_ONLY, "id", Map.of()) + "\n\n"
                        + notices.text(Notices.Key.PRIVATE_CHAT_ONLY, "en", Map.of()));
            }
            ignored("group");
            return InboundUpdate.Status.IGNORED;
        }
        ignored(((Ignore) work).reason());
        return InboundUpdate.Status.IGNORED;
    }

    private void ignored(String reason) {
        metrics.counter("ruangaman.inbound.ignored", "channel", "telegram", "reason", reason).increment();
    }
}
