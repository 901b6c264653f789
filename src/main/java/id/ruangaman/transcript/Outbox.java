package id.ruangaman.transcript;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.core.JsonProcessingException;

import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.platform.TransactionMemory;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Queues outbound messages, bot replies and counsellor replies alike, as transcript rows in the
 * caller's transaction. A channel's sender delivers them after the commit; the dev chat's replies
 * count as sent at once. Bodies are the JSON of {@link Output.Message}, encrypted at rest.
 */
@ApplicationScoped
public class Outbox {

    private final ChatMessageRepository messages;
    private final Event<OutboxQueued> queued;
    private final Clock clock;
    private final Event<TranscriptChanged> transcriptChanged;
    private final NeutralLine neutralLine;

    private final TransactionMemory memory;
    @jakarta.inject.Inject
    RoundLines lines;

    Outbox(ChatMessageRepository messages, Event<OutboxQueued> queued, Clock clock, Event<TranscriptChanged> transcriptChanged,
            NeutralLine neutralLine, TransactionMemory memory) {
        this.messages = messages;
        this.queued = queued;
        this.clock = clock;
        this.transcriptChanged = transcriptChanged;
        this.neutralLine = neutralLine;
        this.memory = memory;
    }

    /** The transaction's resource key: the channels it already wakes after its commit ({@link #wake}). */
    private static final Object WOKEN = new Object();

    /**
     * Wakes the channel's sender once the current transaction has committed: one {@link OutboxQueued} per channel and
     * transaction, not one per message (each is a synchronization the transaction runs after its commit, and a
     * processing round queues dozens of replies). Outside a transaction, at once.
     */
    private void wake(Channel channel) {
        if (memory.active() && memory.<Channel, Boolean>map(WOKEN).put(channel, Boolean.TRUE) != null) {
            return;
        }
        queued.fire(new OutboxQueued(channel));
    }

    /**
     * A bot message with its buttons, in the current transaction. A text over the platforms' limit
     * becomes several messages, the buttons on the last. Returns the last row queued.
     */
    public ChatMessage queue(Contact contact, Output.Message message) {
        return queue(contact, null, null, message);
    }

    /**
     * As {@link #queue(Contact, Output.Message)}, filed under a case ({@code intakeId}, null for none yet) and, for a
     * counsellor's reply, its author's account id (null for the bot).
     * <p>
     * Every message a person receives passes here, so discretion is ruled here, once: to a discreet chat
     * ({@link Contact#discreet}) each message, and each part of a long one (each is a notification of its own), begins
     * with the {@link NeutralLine} unless its first line already is that line ({@link NeutralLine#opens}: the line alone,
     * or the engine's own prefix, is not doubled), and goes out without a sound where the platform can.
     */
    public ChatMessage queue(Contact contact, Long intakeId, Long authorAccountId, Output.Message message) {
        if (authorAccountId != null) {
            // a counsellor's reply is not held behind a story's acknowledgement waiting for the person to pause
            releaseDeferred(contact);
        }
        return queue(contact, intakeId, authorAccountId, message, null);
    }

    /**
     * A routine acknowledgement ({@link Output.Message#routine}: "Tersimpan. Tulis lagi atau tekan Selesai"), queued to
     * go after {@code delay} unless the person writes again first ({@link #withdrawDeferred}); anything queued to the
     * chat after it waits for it (order per chat is kept) until it goes or is released ({@link #releaseDeferred}), so
     * at most {@code delay}. Returns its row.
     */
    public ChatMessage queueDeferred(Contact contact, Long intakeId, Output.Message message, java.time.Duration delay) {
        return queue(contact, intakeId, null, message, delay);
    }

    /**
     * Withdraws the chat's acknowledgements still waiting ({@link #queueDeferred}): their rows are deleted, so they are
     * never sent, never in the transcript, never counted. Called when the person's next line says enough (its own
     * acknowledgement, the emergency numbers with it, the next question). One statement (a second, on the chat's
     * place in the outbound queue, when one was withdrawn); a chat with none costs one indexed read.
     */
    public int withdrawDeferred(Contact contact) {
        java.util.function.Predicate<ChatMessage> waiting = line -> contact.id.equals(line.contactId) && line.deferred
                && line.status == ChatMessage.Status.PENDING;
        lines.forget(waiting);
        // One conditional statement: a row a sender claims meanwhile (SENDING once its claim commits) is not deleted
        // but sent, as it would have been a moment earlier.
        jakarta.persistence.Query delete = messages.getEntityManager().createNativeQuery("delete from chat_message "
                + "where contact_id = ?1 and direction = 'OUT' and deferred and status = 'PENDING' returning coalesce(intake_id, 0)")
                .setParameter(1, contact.id);
        if (lines.inRound()) {
            // In a round every line of this transaction is the round's (RoundLines), and the waiting ones were just
            // forgotten: Hibernate's flush before a native query (the whole round's writes, one by one, and a dirty check
            // of every entity it holds) would change nothing this statement reads (issue 16, thirtieth round).
            delete.setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                    .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("chat_message");
        }
        List<?> cases = delete.getResultList();
        if (!cases.isEmpty()) {
            dueNow(contact); // what comes next is not kept waiting for the withdrawn acknowledgement's time
            long intakeId = ((Number) cases.get(0)).longValue();
            transcriptChanged.fire(new TranscriptChanged(contact.id, intakeId == 0 ? null : intakeId));
        }
        return cases.size();
    }

    /**
     * Sends the chat's acknowledgements still waiting ({@link #queueDeferred}) now, so what is queued after them is not
     * held back: called when anything else is queued to the chat (a counsellor's reply, a re-prompt). Order per chat is
     * kept: they go first.
     */
    public int releaseDeferred(Contact contact) {
        Instant now = Instant.now(clock);
        int released = 0;
        for (ChatMessage line : lines.lines(line -> contact.id.equals(line.contactId) && line.deferred
                && line.status == ChatMessage.Status.PENDING)) {
            line.deferred = false;
            line.nextAttemptAt = now;
            released++;
        }
        released += messages.update("deferred = false, nextAttemptAt = ?1 where contactId = ?2 and deferred = true and status = ?3",
                now, contact.id, ChatMessage.Status.PENDING);
        if (released > 0) {
            dueNow(contact);
        }
        return released;
    }

    /**
     * The chat's place in the outbound queue (V97) may have been set to a waiting acknowledgement's time: due now, so
     * its next message is claimed and the queue works out the real time from the chat's first unsent message (a row a
     * sender holds is left: its release does that). Waits, if at all, for a sender's short claim or release.
     */
    private void dueNow(Contact contact) {
        // No entity maps the queue, so nothing Hibernate holds changes what this reads: no flush before it.
        messages.getEntityManager().createNativeQuery("update outbound_queue set due_at = ?1 where contact_id = ?2 "
                + "and due_at > ?1 and (leased_until is null or leased_until < ?1)")
                .setParameter(1, Instant.now(clock)).setParameter(2, contact.id)
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("outbound_queue").executeUpdate();
        wake(contact.channel);
    }

    private ChatMessage queue(Contact contact, Long intakeId, Long authorAccountId, Output.Message message, java.time.Duration delay) {
        String lead = contact.discreet ? neutralLine.in(contact.language).map(line -> line + "\n\n").orElse("") : "";
        List<String> parts = MessageSplitter.split(message.text(), MessageSplitter.PLATFORM_LIMIT - lead.length());
        ChatMessage last = null;
        for (int i = 0; i < parts.size(); i++) {
            boolean isLast = i == parts.size() - 1;
            String text = lead.isEmpty() || neutralLine.opens(parts.get(i)) ? parts.get(i) : lead + parts.get(i);
            last = queuePart(contact, intakeId, authorAccountId, isLast ? new Output.Message(text, message.nodeId(),
                    message.choices(), message.multiSelect(), message.silent())
                    : new Output.Message(text, null, List.of(), false, message.silent()), delay);
        }
        return last;
    }

    private ChatMessage queuePart(Contact contact, Output.Message message) {
        return queuePart(contact, null, null, message, null);
    }

    private ChatMessage queuePart(Contact contact, Long intakeId, Long authorAccountId, Output.Message message) {
        return queuePart(contact, intakeId, authorAccountId, message, null);
    }

    /** {@code delay}: not null, a deferred acknowledgement ({@link #queueDeferred}). */
    private ChatMessage queuePart(Contact contact, Long intakeId, Long authorAccountId, Output.Message message,
            java.time.Duration delay) {
        if (contact.discreet && !message.silent()) {
            message = message.silenced(); // discreet mode: no notification sound, for bot and counsellor messages alike
        }
        Instant now = Instant.now(clock);
        ChatMessage outbound = new ChatMessage();
        outbound.contactId = contact.id;
        outbound.intakeId = intakeId;
        outbound.conversation = contact.conversation;
        outbound.authorAccountId = authorAccountId;
        outbound.channel = contact.channel;
        outbound.direction = ChatMessage.Direction.OUT;
        outbound.kind = message.choices().isEmpty() ? "text" : "choices";
        outbound.body = TranscriptBody.of(message);
        outbound.createdAt = now;
        outbound.recipient = contact.externalId == null ? contact.farewellRecipient : null;
        if (contact.channel == Channel.DEV) {
            outbound.status = ChatMessage.Status.SENT;
            outbound.sentAt = now;
        } else if (contact.unreachableAt != null) {
            outbound.status = ChatMessage.Status.FAILED;
            outbound.failureReason = "contact unreachable";
        } else {
            outbound.status = ChatMessage.Status.PENDING;
            outbound.nextAttemptAt = delay == null ? now : now.plus(delay);
            outbound.deferred = delay != null;
        }
        lines.add(outbound); // in a round: written with the round's other lines (RoundLines)
        wake(contact.channel);
        transcriptChanged.fire(new TranscriptChanged(contact.id, intakeId));
        return outbound;
    }

    /**
     * Quick exit on a channel that lets a bot delete messages (Telegram): a row, in line with the contact's other
     * messages, that makes the sender delete this chat's recent messages queued before it, both directions, within
     * the platform's time limit. Its body is a short note for the transcript, never message text.
     */
    public ChatMessage queueDeletion(Contact contact, Long intakeId) {
        ChatMessage deletion = queuePart(contact, intakeId, null, Output.Message.plain("[/keluar]"));
        deletion.kind = KIND_DELETE;
        return deletion;
    }

    /** The kind of a {@link #queueDeletion} row. */
    public static final String KIND_DELETE = "delete";

    /**
     * The report is sent, on a channel that lets a bot edit its messages (Telegram): a row, in line with the contact's
     * other messages, that makes the sender take the buttons off the bot's last messages that had them (the summary's
     * "Kirim laporan" / "Ubah jawaban" ...), so no stale prompt invites a tap. It is not a message: the inbox's transcript
     * leaves it out. Its body is a short note for anyone reading the table.
     */
    public ChatMessage queueButtonRemoval(Contact contact, Long intakeId) {
        ChatMessage removal = queuePart(contact, intakeId, null, Output.Message.plain("[tombol lama dinonaktifkan / old buttons removed]"));
        removal.kind = KIND_REMOVE_BUTTONS;
        return removal;
    }

    /** The kind of a {@link #queueButtonRemoval} row. */
    public static final String KIND_REMOVE_BUTTONS = "remove_buttons";

    /** A plain text message, such as a counsellor's reply, in the current transaction. */
    public ChatMessage queueText(Contact contact, String text) {
        return queue(contact, new Output.Message(text, null, List.of(), false));
    }

    /**
     * An approved WhatsApp template inviting the person back (no case content), unless one was already
     * queued since they last wrote. Returns whether one was queued. Runs in its own transaction.
     */
    public boolean queueInvitation(long contactId, String templateName) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = messages.getEntityManager().find(Contact.class, contactId);
            Instant since = contact.lastInboundAt == null ? Instant.EPOCH : contact.lastInboundAt;
            if (messages.count("contactId = ?1 and kind = 'template' and createdAt > ?2", contactId, since) > 0) {
                return false;
            }
            Long intakeId = messages.find("contactId = ?1 and direction = ?2 and status = ?3 and intakeId is not null order by id desc",
                    contactId, ChatMessage.Direction.OUT, ChatMessage.Status.HELD).firstResultOptional().map(m -> m.intakeId).orElse(null);
            ChatMessage invitation = queuePart(contact, intakeId, null, Output.Message.plain("[template " + templateName + "]"));
            invitation.kind = KIND_TEMPLATE;
            return true;
        });
    }

    /** The kind of a {@link #queueInvitation} row. */
    public static final String KIND_TEMPLATE = "template";

    /**
     * Puts replies held outside WhatsApp's window back in line, before anything queued after them. Costs nothing when
     * the contact, as read, had none ({@link Contact#heldReplies}); call it with the contact locked, as read.
     */
    public int releaseHeld(Contact contact) {
        if (!contact.heldReplies) {
            return 0;
        }
        contact.heldReplies = false;
        int released = messages.update("status = ?1, nextAttemptAt = ?2, failureReason = null where contactId = ?3 "
                + "and direction = ?4 and status = ?5", ChatMessage.Status.PENDING, Instant.now(clock), contact.id,
                ChatMessage.Direction.OUT, ChatMessage.Status.HELD);
        if (released > 0) {
            wake(contact.channel);
        }
        return released;
    }

    /** Fired in the queuing transaction; senders observe it after commit to wake up early. */
    public record OutboxQueued(Channel channel) {
    }
}
