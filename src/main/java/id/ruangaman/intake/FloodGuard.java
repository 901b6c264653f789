package id.ruangaman.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.Contact;
import id.ruangaman.texts.Notices;
import id.ruangaman.transcript.Outbox;

/**
 * The per-contact flood limit. Past {@link FloodConfig#maxMessages()} messages within the window,
 * further messages are still recorded in the transcript but not run through the conversation, and
 * the person gets one kind notice per window. Runs inside the conversation step, under the contact's lock.
 */
@ApplicationScoped
class FloodGuard {

    /** Transcript kind of the notice, so the next one waits a whole window. */
    static final String NOTICE_KIND = "flood";

    private final ChatMessageRepository messages;
    private final Outbox outbox;
    private final Notices notices;
    private final FloodConfig config;
    private final Clock clock;

    FloodGuard(ChatMessageRepository messages, Outbox outbox, Notices notices, FloodConfig config, Clock clock) {
        this.messages = messages;
        this.outbox = outbox;
        this.notices = notices;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Whether the message just recorded is over the limit. If so, queues the notice unless one went out
     * within the window; returns what was queued (possibly nothing). Empty result = not flooded.
     */
    public java.util.Optional<List<ChatMessage>> check(Contact contact) {
        Instant since = Instant.now(clock).minus(config.window());
        long recent = messages.count("contactId = ?1 and direction = ?2 and editOf is null and createdAt > ?3",
                contact.id, ChatMessage.Direction.IN, since);
        if (recent <= config.maxMessages()) {
            return java.util.Optional.empty();
        }
        if (messages.count("contactId = ?1 and direction = ?2 and kind = ?3 and createdAt > ?4",
                contact.id, ChatMessage.Direction.OUT, NOTICE_KIND, since) > 0) {
            return java.util.Optional.of(List.of());
        }
        ChatMessage notice = outbox.queueText(contact, notices.text(Notices.Key.FLOOD, contact.language, Map.of()));
        notice.kind = NOTICE_KIND;
        return java.util.Optional.of(List.of(notice));
    }
}
