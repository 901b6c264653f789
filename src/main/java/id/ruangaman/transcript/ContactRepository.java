package id.ruangaman.transcript;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import id.ruangaman.security.crypto.BlindIndex;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Finds contacts by their platform id through the blind index; never queries plaintext. */
@ApplicationScoped
public class ContactRepository implements PanacheRepository<Contact> {

    private static final java.util.regex.Pattern PHONE_NUMBER = java.util.regex.Pattern.compile("\\+?\\d{5,20}");

    private final BlindIndex blindIndex;
    private final Clock clock;
    private final PreloadedContacts preloaded;

    ContactRepository(BlindIndex blindIndex, Clock clock, PreloadedContacts preloaded) {
        this.blindIndex = blindIndex;
        this.clock = clock;
        this.preloaded = preloaded;
    }

    /** By platform id: the Telegram chat id, or a WhatsApp phone number or business-scoped user id (BSUID). */
    public Optional<Contact> findByExternalId(Channel channel, String externalId) {
        return findByExternalId(channel, externalId, false);
    }

    /** A contact read and locked up front in this transaction ({@link PreloadedContacts}) is taken without a query. */
    private Optional<Contact> findByExternalId(Channel channel, String externalId, boolean locked) {
        byte[] hash = hash(channel, externalId);
        Optional<Contact> kept = preloaded.find(channel, hash);
        if (kept.isPresent() || preloaded.knownAbsent(channel, hash)) {
            return kept;
        }
        var query = find("channel = ?1 and (externalIdHash = ?2 or userIdHash = ?2) order by id", channel, hash);
        return (locked ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).firstResultOptional();
    }

    /**
     * Whether this sender's conversation currently asks for files ({@link Contact#expectsFiles}); false for a sender
     * not seen before. Read without a lock: a quick look before a download, not a decision.
     */
    @Transactional
    public boolean expectsFiles(Channel channel, String externalId) {
        return findByExternalId(channel, externalId).map(contact -> contact.expectsFiles).orElse(false);
    }

    /**
     * The WhatsApp contact of a sender named by phone number, business-scoped user id (BSUID), or both (either may be
     * null, not both): found by the number first, then by the BSUID, created on first contact with the number as its
     * address when there is one, else the BSUID. A BSUID seen for the first time is remembered. Inside a transaction.
     */
    public Contact findOrCreateWhatsApp(String phone, String userId) {
        return findOrCreateWhatsApp(phone, userId, null, false);
    }

    /**
     * As {@link #findOrCreateWhatsApp}, taking the contact's row lock ({@link #lock}) with the same read: for a
     * conversation step, whose {@link #lock} then costs nothing more.
     */
    public Contact findOrCreateWhatsAppLocked(String phone, String userId) {
        return findOrCreateWhatsApp(phone, userId, null, true);
    }

    /**
     * As {@link #findOrCreateWhatsAppLocked(String, String)}, and the contact's display name becomes
     * {@code displayName} (the profile name the message came with; null leaves it as it is). A new contact is written
     * with it by its insert, not by an UPDATE after it.
     */
    public Contact findOrCreateWhatsAppLocked(String phone, String userId, String displayName) {
        return findOrCreateWhatsApp(phone, userId, displayName, true);
    }

    private Contact findOrCreateWhatsApp(String phone, String userId, String displayName, boolean locked) {
        if (phone == null && userId == null) {
            throw new IllegalArgumentException("a WhatsApp sender needs a phone number or a user id");
        }
        Optional<Contact> found = phone == null ? Optional.empty() : findByExternalId(Channel.WHATSAPP, phone, locked);
        if (found.isEmpty() && userId != null) {
            found = findByExternalId(Channel.WHATSAPP, userId, locked);
        }
        Contact contact = found.orElseGet(
                () -> create(Channel.WHATSAPP, phone != null ? phone : userId, userId, displayName, locked));
        if (displayName != null) {
            contact.displayName = displayName; // unchanged for a new contact; Hibernate writes only a changed name
        }
        if (userId != null && contact.userIdHash == null) {
            contact.userId = userId;
            contact.userIdHash = hash(Channel.WHATSAPP, userId);
            preloaded.keepKnown(contact);
        }
        return contact;
    }

    /**
     * Moves a WhatsApp contact to a new phone number or BSUID (a {@code system} message said it changed), so the
     * conversation and case continue under the new identity and nothing goes to the old one. Does nothing when the
     * old identity is unknown or the new one already belongs to another contact; returns whether it moved.
     */
    public boolean moveWhatsApp(String oldId, String newPhone, String newUserId) {
        Optional<Contact> found = oldId == null ? Optional.empty() : findByExternalId(Channel.WHATSAPP, oldId);
        if (found.isEmpty()) {
            return false;
        }
        Contact contact = found.get();
        preloaded.forgetAbsent(); // a platform id known to be free in this transaction may be this contact's now
        String newId = newPhone != null ? newPhone : newUserId;
        Optional<Contact> taken = findByExternalId(Channel.WHATSAPP, newId);
        if (taken.isPresent() && !taken.get().id.equals(contact.id)) {
            return false;
        }
        if (newUserId != null) {
            boolean addressedByUserId = contact.externalId.equals(contact.userId) || !isPhoneNumber(contact.externalId);
            contact.userId = newUserId;
            contact.userIdHash = hash(Channel.WHATSAPP, newUserId);
            if (addressedByUserId) {
                contact.externalId = newUserId;
                contact.externalIdHash = contact.userIdHash;
            }
        }
        if (newPhone != null) {
            contact.externalId = newPhone;
            contact.externalIdHash = hash(Channel.WHATSAPP, newPhone);
        }
        return true;
    }

    /** WhatsApp numbers are digits only ({@code wa_id}); a BSUID has a country prefix and a dot ("ID.1234..."). */
    public static boolean isPhoneNumber(String id) {
        return id != null && PHONE_NUMBER.matcher(id).matches();
    }

    /** The contact for this platform id, created on first contact. Must run inside a transaction. */
    public Contact findOrCreate(Channel channel, String externalId) {
        return findByExternalId(channel, externalId).orElseGet(() -> create(channel, externalId, null, null, false));
    }

    /**
     * As {@link #findOrCreate}, taking the contact's row lock ({@link #lock}) with the same read: for a conversation
     * step, whose {@link #lock} then costs nothing more.
     */
    public Contact findOrCreateLocked(Channel channel, String externalId) {
        return findByExternalId(channel, externalId, true).orElseGet(() -> create(channel, externalId, null, null, true));
    }

    /**
     * The contact of a platform id, row-locked as {@link #findOrCreateLocked} does, but never created: for an event that
     * changes an earlier message (an edit), which has nothing to change for a sender with no contact (never seen, or
     * erased). Empty when there is none.
     */
    public Optional<Contact> findLocked(Channel channel, String externalId) {
        return findByExternalId(channel, externalId, true);
    }

    /** As {@link #findLocked} for a WhatsApp sender named by phone number, BSUID or both: by the number first. */
    public Optional<Contact> findWhatsAppLocked(String phone, String userId) {
        Optional<Contact> found = phone == null ? Optional.empty() : findByExternalId(Channel.WHATSAPP, phone, true);
        return found.isEmpty() && userId != null ? findByExternalId(Channel.WHATSAPP, userId, true) : found;
    }

    /**
     * Creates the contact unless another transaction just did. Two transactions can both miss a new contact (a
     * person's first step and a scheduled team notice to the same chat); the first to take this transaction-scoped
     * advisory lock creates it, the other waits, then finds it, instead of failing on
     * {@code contact_channel_external_uq}. Costs one statement, only when a contact is new; none when the transaction
     * took that lock up front and found no such contact ({@link PreloadedContacts#lockAll}). The new row is written at
     * once (see the body), with the WhatsApp user id {@code userId} and the display name {@code displayName} when they
     * are known (else null): a value set after {@code persist} would cost an UPDATE of its own, since the insert takes
     * the entity's state as it was persisted.
     */
    private Contact create(Channel channel, String externalId, String userId, String displayName, boolean locked) {
        byte[] hash = hash(channel, externalId);
        if (!preloaded.knownAbsent(channel, hash)) { // else this transaction holds the lock and looked after taking it
            getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(?1)")
                    .setParameter(1, PreloadedContacts.creationLock(channel, hash)).getSingleResult();
            Optional<Contact> created = findByExternalId(channel, externalId, locked);
            if (created.isPresent()) {
                return created.get();
            }
        }
        Contact contact = new Contact();
        contact.channel = channel;
        contact.externalId = externalId;
        contact.externalIdHash = hash;
        contact.createdAt = Instant.now(clock);
        contact.displayName = displayName;
        if (userId != null) {
            contact.userId = userId;
            contact.userIdHash = hash(channel, userId);
        }
        persist(contact);
        // A transaction's inserts are ordered by entity for batching (hibernate.order_inserts), and lines and sessions
        // reference their contact by a plain column Hibernate knows no dependency for, so a known sender's line queued
        // before this contact is inserted ahead of it. In a round of steps that is fine: those references are checked at
        // the commit (V142), and the round inserts its new contacts together at its end (PreloadedContacts#writeTouches)
        // instead of one flush per new person. Elsewhere the contact is written now, as before.
        if (!preloaded.inRound()) {
            flush();
        }
        preloaded.keepCreated(contact);
        return contact;
    }

    /**
     * Loads and row-locks a contact until the transaction ends. Every step of a contact's conversation
     * takes this lock first, so one person's messages are handled one after the other, on any instance. A contact the
     * transaction locked up front ({@link PreloadedContacts}) is taken as it is.
     */
    public Contact lock(long contactId) {
        return preloaded.locked(contactId).orElseGet(() -> findById(contactId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The blind index a contact is found by; webhooks use it to order updates per sender. */
    public byte[] hash(Channel channel, String externalId) {
        return blindIndex.of("contact:" + channel.name(), externalId);
    }
}
