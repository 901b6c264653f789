package id.ruangaman.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.ruangaman.security.crypto.BlindIndex;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Finds contacts by their platform id through the blind index; never queries plaintext. */
@ApplicationScoped
public class ContactRepository implements PanacheRepository<Contact> {

    private final BlindIndex blindIndex;
    private final Clock clock;

    ContactRepository(BlindIndex blindIndex, Clock clock) {
        this.blindIndex = blindIndex;
        this.clock = clock;
    }

    public Optional<Contact> findByExternalId(Channel channel, String externalId) {
        return find("channel = ?1 and externalIdHash = ?2", channel, hash(channel, externalId)).firstResultOptional();
    }

    /** The contact for this platform id, created on first contact. Must run inside a transaction. */
    public Contact findOrCreate(Channel channel, String externalId) {
        return findByExternalId(channel, externalId).orElseGet(() -> {
            Contact contact = new Contact();
            contact.channel = channel;
            contact.externalId = externalId;
            contact.externalIdHash = hash(channel, externalId);
            contact.createdAt = Instant.now(clock);
            persist(contact);
            return contact;
        });
    }

    /**
     * Loads and row-locks a contact until the transaction ends. Every step of a contact's conversation
     * takes this lock first, so one person's messages are handled one after the other, on any instance.
     */
    public Contact lock(long contactId) {
        return findById(contactId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The blind index a contact is found by; webhooks use it to order updates per sender. */
    public byte[] hash(Channel channel, String externalId) {
        return blindIndex.of("contact:" + channel.name(), externalId);
    }
}
