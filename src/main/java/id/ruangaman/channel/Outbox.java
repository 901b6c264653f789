package id.ruangaman.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.core.JsonProcessingException;

import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionStateJson;

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

    Outbox(ChatMessageRepository messages, Event<OutboxQueued> queued, Clock clock, Event<TranscriptChanged> transcriptChanged) {
        this.messages = messages;
        this.queued = queued;
        this.clock = clock;
        this.transcriptChanged = transcriptChanged;
    }

    /** A bot message with its buttons, in the current transaction. */
    public ChatMessage queue(Contact contact, Output.Message message) {
        Instant now = Instant.now(clock);
        ChatMessage outbound = new ChatMessage();
        outbound.contactId = contact.id;
        outbound.channel = contact.channel;
        outbound.direction = ChatMessage.Direction.OUT;
        outbound.kind = message.choices().isEmpty() ? "text" : "choices";
        outbound.body = json(message);
        outbound.createdAt = now;
        if (contact.channel == Channel.DEV) {
            outbound.status = ChatMessage.Status.SENT;
            outbound.sentAt = now;
        } else {
            outbound.status = ChatMessage.Status.PENDING;
            outbound.nextAttemptAt = now;
        }
        messages.persist(outbound);
        queued.fire(new OutboxQueued(contact.channel));
        transcriptChanged.fire(new TranscriptChanged(contact.id));
        return outbound;
    }

    /** A plain text message, such as a counsellor's reply, in the current transaction. */
    public ChatMessage queueText(Contact contact, String text) {
        return queue(contact, new Output.Message(text, null, List.of(), false));
    }

    static String json(Object value) {
        try {
            return SessionStateJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a " + value.getClass().getSimpleName(), e);
        }
    }

    /** Fired in the queuing transaction; senders observe it after commit to wake up early. */
    public record OutboxQueued(Channel channel) {
    }
}
