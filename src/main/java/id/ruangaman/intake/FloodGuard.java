package id.ruangaman.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Contact;
import id.ruangaman.texts.Notices;
import id.ruangaman.transcript.Outbox;

/**
 * The per-contact flood limit. Past {@link FloodConfig#maxMessages()} messages within the window,
 * further messages are still recorded in the transcript but not run through the conversation, and
 * the person gets one kind notice per window. Runs inside the conversation step, under the contact's lock.
 * The count is kept on the contact ({@link Contact#floodCount} in the window that began at
 * {@link Contact#floodWindowStartedAt}), so a step does not count the transcript.
 */
@ApplicationScoped
class FloodGuard {

    /** Transcript kind of the notice, so the next one waits a whole window. */
    static final String NOTICE_KIND = "flood";

    private final Outbox outbox;
    private final Notices notices;
    private final FloodConfig config;
    private final Clock clock;

    FloodGuard(Outbox outbox, Notices notices, FloodConfig config, Clock clock) {
        this.outbox = outbox;
        this.notices = notices;
        this.config = config;
        this.clock = clock;
    }

    /** Counts a message the person sent (recorded in the transcript, edits excepted) in the current window. */
    void count(Contact contact) {
        Instant now = Instant.now(clock);
        if (contact.floodWindowStartedAt == null || !contact.floodWindowStartedAt.isAfter(now.minus(config.window()))) {
            contact.floodWindowStartedAt = now;
            contact.floodCount = 0;
        }
        contact.floodCount++;
    }

    /**
     * Counts the message just recorded and says whether it is over the limit. If so, queues the notice unless one
     * went out within the window; returns what was queued (possibly nothing). Empty result = not flooded.
     */
    public Optional<List<ChatMessage>> check(Contact contact) {
        count(contact);
        if (contact.floodCount <= config.maxMessages()) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        if (contact.floodNoticedAt != null && contact.floodNoticedAt.isAfter(now.minus(config.window()))) {
            return Optional.of(List.of());
        }
        contact.floodNoticedAt = now;
        ChatMessage notice = outbox.queueText(contact, notices.text(Notices.Key.FLOOD, contact.language, Map.of()));
        notice.kind = NOTICE_KIND;
        return Optional.of(List.of(notice));
    }
}
