package id.ruangaman.transcript;

import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import id.ruangaman.platform.TransactionMemory;

/**
 * The contacts a round of conversation steps read and locked up front, in one statement, kept for the rest of its
 * transaction. {@link ContactRepository}'s lookups by platform id take a contact from here instead of querying: every
 * query would first flush the earlier steps' writes (Hibernate's automatic flush), so a round's writes would go out
 * per step instead of together at the commit. Only contacts found are kept; a sender not known yet is looked up (and
 * created) as before. A kept contact is handed out only while it is still known by that blind index (an erasure or a
 * number change replaces it).
 */
@ApplicationScoped
public class PreloadedContacts {

    /** The transaction's resource key: a map from channel and blind index to the contact. */
    private static final Object KEY = new Object();

    private final EntityManager em;
    private final TransactionMemory memory;

    PreloadedContacts(EntityManager em, TransactionMemory memory) {
        this.em = em;
        this.memory = memory;
    }

    /**
     * In the current transaction: reads and row-locks ({@code FOR UPDATE}, in id order) every contact of the channel
     * known by one of these blind indexes (platform id or business-scoped user id) and keeps them for the rest of the
     * transaction; returns them. Takes the same lock a step takes ({@link ContactRepository#lock}), earlier.
     */
    public List<Contact> lockAll(Channel channel, Collection<byte[]> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        List<Contact> found = em.createQuery("from Contact where channel = ?1 and (externalIdHash in ?2 or userIdHash in ?2) "
                + "order by id", Contact.class).setParameter(1, channel).setParameter(2, hashes)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Map<String, Contact> kept = memory.map(KEY);
        for (byte[] hash : hashes) {
            // As a lookup by one id would: the oldest contact known by it, either way.
            found.stream().filter(contact -> knownBy(contact, hash)).findFirst()
                    .ifPresent(contact -> kept.putIfAbsent(key(channel, hash), contact));
        }
        return found;
    }

    /** The kept contact of this channel and blind index, if one was read up front and is still known by it. */
    Optional<Contact> find(Channel channel, byte[] hash) {
        return memory.<String, Contact>existing(KEY).map(kept -> kept.get(key(channel, hash)))
                .filter(contact -> knownBy(contact, hash));
    }

    private static boolean knownBy(Contact contact, byte[] hash) {
        return Arrays.equals(contact.externalIdHash, hash) || Arrays.equals(contact.userIdHash, hash);
    }

    private static String key(Channel channel, byte[] hash) {
        return channel.name() + ':' + HexFormat.of().formatHex(hash);
    }
}
