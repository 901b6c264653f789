package id.ruangaman.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Conversation sessions, one per contact. */
@ApplicationScoped
public class SessionRepository implements PanacheRepository<ConversationSession> {

    public Optional<ConversationSession> findByContact(long contactId) {
        return find("contactId", contactId).firstResultOptional();
    }

    /**
     * Active sessions due a reminder (idle since {@code remindBefore}, not yet reminded) or due to pause
     * (idle since {@code pauseBefore}), and case threads still holding files nobody said to keep after
     * {@code pauseBefore}, oldest first.
     */
    public List<Long> idleContacts(Instant remindBefore, Instant pauseBefore, int limit) {
        return find("(status = 'ACTIVE' and ((reminded = false and lastInputAt < ?1) or lastInputAt < ?2)) "
                + "or (holdingFiles = true and lastInputAt < ?2) order by lastInputAt",
                remindBefore, pauseBefore)
                .page(0, limit).project(ContactIdOnly.class).list().stream().map(ContactIdOnly::contactId).toList();
    }

    public boolean referenceCodeTaken(String code) {
        return count("referenceCode", code) > 0;
    }

    public record ContactIdOnly(Long contactId) {
    }
}
