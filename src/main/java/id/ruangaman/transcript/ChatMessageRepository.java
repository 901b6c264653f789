package id.ruangaman.transcript;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Transcript and outbox rows. */
@ApplicationScoped
public class ChatMessageRepository implements PanacheRepository<ChatMessage> {

    /** Everything of one chat, oldest first (the person's own view in the dev chat). */
    public List<ChatMessage> transcript(long contactId) {
        return list("contactId = ?1 order by id", contactId);
    }

    /**
     * The lines of one case, oldest first: those filed under it (its thread) and, for a report that took over a
     * conversation number ({@code conversation} not null; see {@link ChatMessage#intakeId}), its contact's unfiled
     * lines of that conversation (the conversation that led to the report).
     */
    public List<ChatMessage> transcriptOfCase(long intakeId, long contactId, Integer conversation) {
        if (conversation == null) {
            return list("intakeId = ?1 order by id", intakeId);
        }
        return list("intakeId = ?1 or (intakeId is null and contactId = ?2 and conversation = ?3) order by id",
                intakeId, contactId, conversation);
    }

    /**
     * Erases the content of every message of a contact, keeping only direction, kind, status and times: bodies,
     * platform ids and their lookup keys go (a kept key would still match the platform's id of the message: a WhatsApp
     * wamid embeds the number), and a message not yet delivered never will be (status ERASED). A platform's late news
     * of an erased message (a status, an edit) then names no message and changes nothing. A line's link to the line
     * it quoted ({@code replies_to}) goes too.
     */
    public int eraseContent(long contactId) {
        return update("body = null, providerMessage = null, providerMessageKey = null, recipient = null, repliesTo = null, status = ?2 "
                + "where contactId = ?1 "
                + "and (direction = ?3 or status in ?4)", contactId, ChatMessage.Status.ERASED, ChatMessage.Direction.IN,
                java.util.List.of(ChatMessage.Status.PENDING, ChatMessage.Status.SENDING, ChatMessage.Status.HELD))
                + update("body = null, providerMessage = null, providerMessageKey = null, recipient = null where contactId = ?1 "
                + "and direction = ?2 "
                + "and status not in ?3", contactId, ChatMessage.Direction.OUT,
                java.util.List.of(ChatMessage.Status.PENDING, ChatMessage.Status.SENDING, ChatMessage.Status.HELD, ChatMessage.Status.ERASED));
    }
}
