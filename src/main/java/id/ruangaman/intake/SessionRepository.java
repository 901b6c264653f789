package id.ruangaman.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.hibernate.query.NativeQuery;

import id.ruangaman.platform.TransactionMemory;
import id.ruangaman.transcript.PreloadedContacts;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Conversation sessions, one per contact. */
@ApplicationScoped
public class SessionRepository implements PanacheRepository<ConversationSession> {

    /** The transaction's resource key for the sessions read up front: contact id to session. */
    private static final Object PRELOADED = new Object();
    /** The transaction's resource key for the reference codes it handed out ({@link #referenceCodeFree}). */
    private static final Object CODES = new Object();

    private final TransactionMemory memory;
    private final PreloadedContacts contacts;

    SessionRepository(TransactionMemory memory, PreloadedContacts contacts) {
        this.memory = memory;
        this.contacts = contacts;
    }

    /**
     * The contact's session. Without a query when this transaction read the contact's sessions up front
     * ({@link #preload}: found, or known to have none), or created the contact ({@link PreloadedContacts#createdHere}:
     * it has none until this transaction stores one, {@link #persistNew}).
     */
    public Optional<ConversationSession> findByContact(long contactId) {
        Optional<Map<Long, ConversationSession>> kept = memory.existing(PRELOADED);
        if (kept.isPresent() && (kept.get().containsKey(contactId) || contacts.createdHere(contactId))) {
            return Optional.ofNullable(kept.get().get(contactId));
        }
        return find("contactId", contactId).firstResultOptional();
    }

    /**
     * Reads the sessions of these contacts in one statement and keeps them for the rest of the transaction, so the
     * steps that follow find them without a query (each would first flush the earlier steps' writes). The contacts are
     * locked (only their own steps create a session, under that lock), so one without a session is known to have none.
     */
    void preload(Collection<Long> contactIds) {
        Map<Long, ConversationSession> kept = memory.map(PRELOADED); // made even when empty: the round's new sessions join it
        if (contactIds.isEmpty()) {
            return;
        }
        // SQL with one array parameter: Hibernate translates a query with an "in" list again at every call (more than
        // the query itself cost), whatever the list's length.
        @SuppressWarnings("unchecked")
        List<ConversationSession> found = getEntityManager().createNativeQuery(
                "select * from conversation_session where contact_id = any(?1)", ConversationSession.class)
                .setParameter(1, contactIds.toArray(Long[]::new)).getResultList();
        contactIds.forEach(contactId -> kept.put(contactId, null)); // known to have none, unless found
        found.forEach(session -> kept.put(session.contactId, session));
    }

    /**
     * Stores a new session; when this transaction read sessions up front ({@link #preload}) it is kept with them, so the
     * contact's next step in the same round finds it without a query.
     */
    void persistNew(ConversationSession session) {
        persist(session);
        memory.<Long, ConversationSession>existing(PRELOADED).ifPresent(kept -> kept.put(session.contactId, session));
    }

    /**
     * Active sessions due a reminder (idle since {@code remindBefore}, not yet reminded) or due to pause
     * (idle since {@code pauseBefore}), and case threads still holding files nobody said to keep after
     * {@code pauseBefore}, oldest first; at most {@code limit} contact ids.
     *
     * <p>The indexes hold a ten-minute bucket of the last input ({@code idle_bucket}, V179), never later than the
     * input itself, so "bucket before the threshold" finds every candidate and the exact comparison decides. A step's
     * update then changes no indexed column within those ten minutes and can be HOT.
     */
    public List<Long> idleContacts(Instant remindBefore, Instant pauseBefore, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager().createNativeQuery("select contact_id from conversation_session where "
                + "(status = 'ACTIVE' and idle_bucket < (greatest(cast(?1 as timestamptz), cast(?2 as timestamptz)) at time zone 'UTC') "
                + "  and ((reminded = false and last_input_at < ?1) or last_input_at < ?2)) "
                + "or (holding_files and idle_bucket < (cast(?2 as timestamptz) at time zone 'UTC') and last_input_at < ?2) "
                + "order by last_input_at limit ?3")
                .setParameter(1, remindBefore).setParameter(2, pauseBefore).setParameter(3, limit).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Whether a reference code is in use: by a session or an intake in the database, or handed out earlier in this
     * transaction ({@link #referenceCodeFree}). One statement, and it does not make Hibernate flush the transaction's
     * earlier writes first (a round's other steps, whose codes this transaction remembers instead); the columns' unique
     * constraints back it up.
     */
    public boolean referenceCodeTaken(String code) {
        if (memory.<String, Boolean>existing(CODES).map(codes -> codes.containsKey(code)).orElse(false)) {
            return true;
        }
        Object taken = getEntityManager().createNativeQuery("select exists (select 1 from conversation_session where "
                + "reference_code = ?1) or exists (select 1 from intake where reference_code = ?1)")
                .setParameter(1, code).setFlushMode(FlushModeType.COMMIT)
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("conversation_session").addSynchronizedQuerySpace("intake")
                .getSingleResult();
        return Boolean.TRUE.equals(taken);
    }

    /** A code is free ({@link #referenceCodeTaken}) and is now this transaction's: none of its later steps gets it too. */
    public boolean referenceCodeFree(String code) {
        if (referenceCodeTaken(code)) {
            return false;
        }
        if (memory.active()) {
            memory.<String, Boolean>map(CODES).put(code, true);
        }
        return true;
    }
}
