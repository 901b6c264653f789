package id.ruangaman.transcript;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;

import id.ruangaman.platform.TransactionMemory;

/**
 * The contacts a round of conversation steps read and locked up front, in two statements (the row locks, then the
 * contacts by id), kept for the rest of its transaction. {@link ContactRepository}'s lookups by platform id and its
 * {@link ContactRepository#lock} take a contact from here instead of querying: every
 * query would first flush the earlier steps' writes (Hibernate's automatic flush), so a round's writes would go out
 * per step instead of together at the commit. Only contacts found are kept; a sender not known yet is looked up (and
 * created) as before. A kept contact is handed out only while it is still known by that blind index (an erasure or a
 * number change replaces it).
 */
@ApplicationScoped
public class PreloadedContacts {

    /** The transaction's resource key: a map from channel and blind index to the contact. */
    private static final Object KEY = new Object();
    /** The transaction's resource key: the contacts locked up front, by id. */
    private static final Object LOCKED = new Object();
    /** The transaction's resource key: the ids of the contacts it created while it kept contacts read up front. */
    private static final Object CREATED = new Object();
    /** The transaction's resource key: the channels and blind indexes known to have no contact yet ({@link #knownAbsent}). */
    private static final Object ABSENT = new Object();

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
        Map<String, Contact> kept = memory.map(KEY);
        Map<Long, Contact> locked = memory.map(LOCKED); // made here even when none is found: the round's new contacts join it
        // SQL with array parameters, then the contacts by id: Hibernate translates a query with an "in" list or a lock
        // again at every call, which cost more than the query itself.
        Session session = em.unwrap(Session.class);
        List<Long> ids = session.doReturningWork(connection -> lockRows(connection, channel, hashes));
        List<Contact> found = new ArrayList<>(ids.isEmpty() ? List.of() : session.findMultiple(Contact.class, ids));
        List<byte[]> missing = hashes.stream().filter(hash -> found.stream().noneMatch(contact -> knownBy(contact, hash))).toList();
        if (!missing.isEmpty()) {
            // New senders: their creation locks taken now, all in one statement, then looked for once more (one may
            // have been created between the two statements). One still missing is known to be new: its step creates it
            // without a lookup or a lock of its own (ContactRepository#create), and nobody else can meanwhile.
            List<Long> late = session.doReturningWork(connection -> {
                try (PreparedStatement lock = connection.prepareStatement(
                        "select count(*) from (select unnest(?) as key order by 1) keys, lateral pg_advisory_xact_lock(keys.key)")) {
                    lock.setArray(1, connection.createArrayOf("bigint",
                            missing.stream().map(hash -> creationLock(channel, hash)).distinct().sorted().toArray()));
                    lock.executeQuery().close();
                }
                return lockRows(connection, channel, missing);
            });
            found.addAll(late.isEmpty() ? List.of() : session.findMultiple(Contact.class, late));
            Map<String, Boolean> absent = memory.map(ABSENT);
            missing.stream().filter(hash -> found.stream().noneMatch(contact -> knownBy(contact, hash)))
                    .forEach(hash -> absent.put(key(channel, hash), true));
        }
        for (Contact contact : found) {
            locked.put(contact.id, contact);
        }
        for (byte[] hash : hashes) {
            // As a lookup by one id would: the oldest contact known by it, either way.
            found.stream().filter(contact -> knownBy(contact, hash)).min(java.util.Comparator.comparing(contact -> contact.id))
                    .ifPresent(contact -> kept.putIfAbsent(key(channel, hash), contact));
        }
        return found;
    }

    /** Row-locks ({@code FOR UPDATE}, in id order) the channel's contacts known by these blind indexes; their ids. */
    private static List<Long> lockRows(java.sql.Connection connection, Channel channel, Collection<byte[]> hashes)
            throws java.sql.SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select id from contact where channel = ? "
                + "and (external_id_hash = any(?) or user_id_hash = any(?)) order by id for update")) {
            java.sql.Array known = connection.createArrayOf("bytea", hashes.toArray(byte[][]::new));
            lock.setString(1, channel.name());
            lock.setArray(2, known);
            lock.setArray(3, known);
            List<Long> rowIds = new ArrayList<>();
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    rowIds.add(rows.getLong(1));
                }
            }
            return rowIds;
        }
    }

    /**
     * The key of the transaction-scoped advisory lock under which a contact of this channel and blind index is created
     * ({@link ContactRepository}'s create): whoever holds it is the only one who may create that contact.
     */
    static long creationLock(Channel channel, byte[] hash) {
        return java.nio.ByteBuffer.wrap(hash).getLong() ^ channel.ordinal();
    }

    /**
     * Whether this transaction knows that no contact of this channel is known by this blind index, and holds the lock
     * under which it would be created ({@link #lockAll}), so it can create it without looking again. Forgotten once it
     * is created here, or a contact's platform id changes in this transaction ({@link #forgetAbsent}).
     */
    boolean knownAbsent(Channel channel, byte[] hash) {
        return memory.<String, Boolean>existing(ABSENT).map(absent -> absent.containsKey(key(channel, hash))).orElse(false);
    }

    /** A contact's platform id changed in this transaction: a blind index known to be free may now be taken. */
    void forgetAbsent() {
        memory.<String, Boolean>existing(ABSENT).ifPresent(Map::clear);
    }

    /**
     * Keeps a contact this transaction just created, when it read contacts up front ({@link #lockAll}): its row is this
     * transaction's own until the commit, so it counts as locked, and the contact's next step in the same round finds
     * it without a query.
     */
    void keepCreated(Contact contact) {
        memory.<Long, Contact>existing(LOCKED).ifPresent(locked -> {
            locked.put(contact.id, contact);
            memory.<Long, Boolean>map(CREATED).put(contact.id, true);
        });
        keepKnown(contact);
    }

    /**
     * A contact of this transaction is now known by its blind indexes (created, or given a WhatsApp user id): its next
     * step in the same round finds it by either without a query, and neither is known to be free any more.
     */
    void keepKnown(Contact contact) {
        for (byte[] hash : new byte[][] {contact.externalIdHash, contact.userIdHash}) {
            if (hash != null) {
                memory.<String, Contact>existing(KEY).ifPresent(kept -> kept.put(key(contact.channel, hash), contact));
                memory.<String, Boolean>existing(ABSENT).ifPresent(absent -> absent.remove(key(contact.channel, hash)));
            }
        }
    }

    /**
     * Whether this transaction created the contact while it kept contacts read up front ({@link #keepCreated}): nothing
     * of it existed before, so nothing of it (a session) needs to be looked for in the database.
     */
    public boolean createdHere(long id) {
        return memory.<Long, Boolean>existing(CREATED).map(created -> created.containsKey(id)).orElse(false);
    }

    /**
     * Writes the per-step columns of the contacts this transaction locked up front or created ({@link ContactTouches}),
     * all in one batch, so Hibernate's flush leaves them alone (a contact whose only changes are these gets no UPDATE of
     * its own). For the end of a round of steps. The contacts that were already in the database are written first, so
     * the flush below finds nothing of theirs to write. Contacts the round created are then inserted, all together with
     * the rest of the round's writes (one flush; their lines and sessions are checked against them at the commit, V142),
     * and their later changes go in a second batch (none, when the insert already had them). Returns how many contacts
     * it wrote; none outside a transaction that read contacts up front.
     */
    public int writeTouches() {
        return memory.<Long, Contact>existing(LOCKED).map(locked -> {
            if (locked.isEmpty()) {
                return 0;
            }
            SessionImplementor session = em.unwrap(SessionImplementor.class);
            int written = ContactTouches.write(session, locked.values());
            if (ContactTouches.settleUnsaved(session, locked.values())) {
                session.flush();
                written += ContactTouches.write(session, locked.values());
            }
            return written;
        }).orElse(0);
    }

    /** Whether this transaction reads contacts up front (a round of steps), so {@link #writeTouches} ends it. */
    boolean inRound() {
        return memory.existing(LOCKED).isPresent();
    }

    /** The contact with this id if this transaction locked it up front ({@link #lockAll}): its lock is held. */
    Optional<Contact> locked(long id) {
        return memory.<Long, Contact>existing(LOCKED).map(locked -> locked.get(id));
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
