package id.ruangaman.channel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Transcript and outbox rows. */
@ApplicationScoped
public class ChatMessageRepository implements PanacheRepository<ChatMessage> {

    public List<ChatMessage> transcript(long contactId) {
        return list("contactId = ?1 order by id", contactId);
    }

    /** Erases the content of every message of a contact, keeping only direction, kind and time. */
    public int eraseContent(long contactId) {
        return update("body = null, status = ?2 where contactId = ?1 and direction = ?3", contactId,
                ChatMessage.Status.ERASED, ChatMessage.Direction.IN)
                + update("body = null where contactId = ?1 and direction = ?2", contactId, ChatMessage.Direction.OUT);
    }
}
