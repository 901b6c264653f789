package id.ruangaman.channel.outbound;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The per-contact outbound work queue ({@code outbound_queue}, V97): one row per contact with unsent outbound messages.
 * Triggers on {@code chat_message} add a contact when a message to it becomes PENDING and remove one whose unsent
 * messages were erased; this class keeps the sender's own steps. A claim takes due contacts with
 * {@code FOR NO KEY UPDATE SKIP LOCKED}, reads each one's first unsent message and its recent sends by index, and
 * leases the contact with that message; a contact at its per-contact rate, or whose first message waits for a retry,
 * gets that time as its due time instead, so it is not read again before then. After the outcome is recorded,
 * {@link #release} sets the contact's next due time or removes it. The lease is on the message
 * ({@code lease_until}) and the queue row alike: a crashed sender's lease runs out and its message is claimed again.
 */
@ApplicationScoped
class OutboundQueue {

    /**
     * One claimed contact: its first unsent message, now SENDING and leased; {@code resumed} when that message was
     * already SENDING under a lease that ran out (its sender died mid-call: the platform may have it).
     */
    record Claimed(long messageId, long contactId, boolean resumed) {
    }

    /** Per-contact limits of a channel: at most {@code burst} sends to one contact in any {@code window}. */
    record Pace(int burst, Duration window) {
    }

    /** A contact's first unsent message (null id: none) and the time its rate window frees (null: not at its burst). */
    private record Head(long contactId, Long messageId, String status, Instant nextAttemptAt, Instant leaseUntil, Instant rateFreeAt) {

        /** When the message may be claimed: never before its retry time, its lease's end or its contact's rate window. */
        Instant dueAt(Instant now) {
            Instant due = "SENDING".equals(status) ? leaseUntil : nextAttemptAt == null ? now : nextAttemptAt;
            return rateFreeAt != null && rateFreeAt.isAfter(due) ? rateFreeAt : due;
        }
    }

    /** A contact's next due time, and the end of its lease (null: no sender holds it). */
    private record Due(long contactId, Instant dueAt, Instant leasedUntil) {
    }

    private final EntityManager em;
    private final Clock clock;

    OutboundQueue(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} due contacts of {@code channel} that no sender holds, each with its first unsent
     * message, and leases both for {@code lease}. In its own short transaction; waits for no lock. Returns the claimed
     * messages in due order.
     */
    List<Claimed> claim(Channel channel, int limit, Pace pace, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> claimInTransaction(channel, limit, pace, lease));
    }

    /**
     * {@link #claim} in the caller's transaction, so the caller can read the claimed rows in it too (one transaction a
     * claim instead of one more a message). The leases count only once that transaction commits.
     */
    List<Claimed> claimInTransaction(Channel channel, int limit, Pace pace, Duration lease) {
        List<Claimed> claimed = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> claimed.addAll(claim(connection, channel, limit, pace, lease)));
        return claimed;
    }

    private List<Claimed> claim(Connection connection, Channel channel, int limit, Pace pace, Duration lease) throws SQLException {
        Instant now = Instant.now(clock);
        List<Long> contacts = new ArrayList<>();
        try (PreparedStatement due = connection.prepareStatement("select contact_id from outbound_queue "
                + "where channel = ? and due_at <= ? and (leased_until is null or leased_until < ?) "
                + "order by due_at limit ? for no key update skip locked")) {
            due.setString(1, channel.name());
            due.setTimestamp(2, Timestamp.from(now));
            due.setTimestamp(3, Timestamp.from(now));
            due.setInt(4, limit);
            try (ResultSet rows = due.executeQuery()) {
                while (rows.next()) {
                    contacts.add(rows.getLong(1));
                }
            }
        }
        if (contacts.isEmpty()) {
            return List.of();
        }
        Map<Long, Head> heads = heads(connection, contacts, pace, now);
        List<Long> empty = new ArrayList<>();
        List<Head> ready = new ArrayList<>();
        List<Due> waiting = new ArrayList<>();
        for (Long contact : contacts) {
            Head head = heads.get(contact);
            if (head.messageId() == null) {
                empty.add(contact);
            } else if (head.dueAt(now).isAfter(now)) {
                // at its rate, backing off, or still held by a live sender: not read again before then
                waiting.add(new Due(contact, head.dueAt(now), "SENDING".equals(head.status()) ? head.leaseUntil() : null));
            } else {
                ready.add(head);
            }
        }
        Instant leaseUntil = now.plus(lease);
        List<Claimed> claimed = lease(connection, ready, now, leaseUntil);
        for (Claimed one : claimed) {
            waiting.add(new Due(one.contactId(), leaseUntil, leaseUntil));
        }
        // A first message locked by another transaction (its outcome being recorded) is skipped: the contact stays due.
        setDue(connection, waiting);
        removeIfEmpty(connection, empty);
        return claimed;
    }

    /**
     * Sets SENDING and the lease on the messages still claimable now, skipping any another transaction holds; in the
     * order given.
     */
    private static List<Claimed> lease(Connection connection, List<Head> ready, Instant now, Instant leaseUntil) throws SQLException {
        if (ready.isEmpty()) {
            return List.of();
        }
        Map<Long, Head> byMessage = new LinkedHashMap<>();
        ready.forEach(head -> byMessage.put(head.messageId(), head));
        Set<Long> leased = new HashSet<>();
        // Plain columns only: the claim never loads (and so never decrypts) a message, so a row that cannot be read
        // fails on its own when it is sent instead of failing every claim of its channel.
        try (PreparedStatement update = connection.prepareStatement("update chat_message m set "
                + "possible_duplicate = (m.possible_duplicate or m.status = 'SENDING'), status = 'SENDING', lease_until = ?, "
                + "attempts = m.attempts + 1 from (select id from chat_message where id = any(?) and direction = 'OUT' "
                + "and ((status = 'PENDING' and coalesce(next_attempt_at, ?) <= ?) or (status = 'SENDING' and lease_until < ?)) "
                + "for update skip locked) free where m.id = free.id returning m.id")) {
            update.setTimestamp(1, Timestamp.from(leaseUntil));
            update.setArray(2, ids(connection, byMessage.keySet()));
            update.setTimestamp(3, Timestamp.from(now));
            update.setTimestamp(4, Timestamp.from(now));
            update.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    leased.add(rows.getLong(1));
                }
            }
        }
        List<Claimed> claimed = new ArrayList<>();
        for (Head head : byMessage.values()) {
            if (leased.contains(head.messageId())) {
                claimed.add(new Claimed(head.messageId(), head.contactId(), "SENDING".equals(head.status())));
            }
        }
        return claimed;
    }

    /**
     * Ends a contact's lease once its message's outcome is committed: the contact is due when its next unsent message
     * may go (its retry time, or when its rate window frees), or leaves the queue with nothing unsent. Its own short
     * transaction, committed without waiting for the disk: if that commit is lost in a crash, the lease runs out and
     * the contact is claimed again, which only delays it.
     */
    void release(long contactId, Pace pace) {
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement async = connection.prepareStatement("set local synchronous_commit to off")) {
                async.execute();
            }
            release(connection, List.of(contactId), pace);
        }));
    }

    /**
     * {@link #release} inside the caller's transaction, the one that records the messages' outcomes (saving a
     * transaction a send), under a savepoint: if the release fails, only it is undone and the outcomes still commit;
     * the contacts' leases then run out and they are claimed again, which only delays them, as when {@link #release}
     * fails. Returns whether the contacts were released (all of them, or none). Call it after the outcomes are written,
     * so they are seen.
     */
    boolean releaseWithOutcome(Connection connection, Collection<Long> contactIds, Pace pace) {
        try {
            try (PreparedStatement savepoint = connection.prepareStatement("savepoint outbound_release")) {
                savepoint.execute();
            }
        } catch (SQLException e) {
            return false;
        }
        try {
            release(connection, contactIds, pace);
            try (PreparedStatement done = connection.prepareStatement("release savepoint outbound_release")) {
                done.execute();
            }
            return true;
        } catch (SQLException e) {
            try (PreparedStatement undo = connection.prepareStatement("rollback to savepoint outbound_release")) {
                undo.execute();
            } catch (SQLException lost) {
                throw new IllegalStateException("the outcome's transaction could not be kept", lost);
            }
            return false;
        }
    }

    /**
     * Each contact is due again when its next unsent message may go (its retry time, or when its rate window frees), or
     * leaves the queue with nothing unsent; one statement per kind of change for all of them, in contact order.
     */
    private void release(Connection connection, Collection<Long> contactIds, Pace pace) throws SQLException {
        Instant now = Instant.now(clock);
        List<Long> contacts = contactIds.stream().distinct().sorted().toList();
        Map<Long, Head> heads = heads(connection, contacts, pace, now);
        List<Long> empty = new ArrayList<>();
        List<Due> due = new ArrayList<>();
        for (Long contact : contacts) {
            Head head = heads.get(contact);
            if (head.messageId() == null) {
                empty.add(contact);
            } else {
                Instant at = head.dueAt(now);
                due.add(new Due(contact, at, "SENDING".equals(head.status()) ? at : null));
            }
        }
        // A contact that could not go (a message queued meanwhile, or its row locked by a queuing transaction) is due now.
        Set<Long> removed = removeIfEmpty(connection, empty);
        for (Long contact : empty) {
            if (!removed.contains(contact)) {
                due.add(new Due(contact, now, null));
            }
        }
        setDue(connection, due);
    }

    /**
     * Each contact's first unsent message (by chat_message_unsent_contact_idx) and the time of its burst-th latest
     * send (by chat_message_sent_idx): the contact is at its rate while that send is inside the window.
     */
    private static Map<Long, Head> heads(Connection connection, Collection<Long> contacts, Pace pace, Instant now) throws SQLException {
        Map<Long, Head> heads = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select c.contact_id, h.id, h.status, h.next_attempt_at, "
                + "h.lease_until, r.sent_at from unnest(?) as c (contact_id) "
                + "left join lateral (select id, status, next_attempt_at, lease_until from chat_message m "
                + "  where m.contact_id = c.contact_id and m.direction = 'OUT' and m.status in ('PENDING', 'SENDING') "
                + "  order by m.id limit 1) h on true "
                + "left join lateral (select sent_at from chat_message s "
                + "  where s.contact_id = c.contact_id and s.direction = 'OUT' and s.sent_at is not null "
                + "  order by s.sent_at desc offset ? limit 1) r on true")) {
            select.setArray(1, ids(connection, contacts));
            select.setInt(2, pace.burst() - 1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long contact = rows.getLong(1);
                    long id = rows.getLong(2);
                    Long messageId = rows.wasNull() ? null : id;
                    Instant sentAt = instant(rows.getTimestamp(6));
                    Instant freeAt = sentAt == null ? null : sentAt.plus(pace.window());
                    heads.put(contact, new Head(contact, messageId, rows.getString(3), instant(rows.getTimestamp(4)),
                            instant(rows.getTimestamp(5)), freeAt != null && freeAt.isAfter(now) ? freeAt : null));
                }
            }
        }
        return heads;
    }

    /**
     * Sets each contact's due time and lease in one statement, whatever their number (one update a contact before: a
     * statement each for the database to run, in one round trip). The times travel as microseconds since the epoch, the
     * column's own precision, so no time zone of the session can shift them. The contacts are also matched with
     * {@code any}, so the rows are found through the key's index however small the planner thinks the queue is (a
     * join with the arrays alone scanned the whole queue at every call).
     */
    private static void setDue(Connection connection, List<Due> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("update outbound_queue q set "
                + "due_at = timestamptz 'epoch' + d.due_us * interval '1 microsecond', "
                + "leased_until = timestamptz 'epoch' + d.leased_us * interval '1 microsecond' "
                + "from unnest(?::bigint[], ?::bigint[], ?::bigint[]) as d(contact_id, due_us, leased_us) "
                + "where q.contact_id = d.contact_id and q.contact_id = any(?)")) {
            Array contacts = connection.createArrayOf("bigint", rows.stream().map(Due::contactId).toArray(Long[]::new));
            update.setArray(1, contacts);
            update.setArray(4, contacts);
            update.setArray(2, connection.createArrayOf("bigint", rows.stream().map(row -> micros(row.dueAt())).toArray(Long[]::new)));
            update.setArray(3, connection.createArrayOf("bigint", rows.stream().map(row -> micros(row.leasedUntil())).toArray(Long[]::new)));
            update.executeUpdate();
        }
    }

    private static Long micros(Instant instant) {
        return instant == null ? null : Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    /**
     * Removes the contacts that have nothing unsent. Only rows this transaction can lock FOR UPDATE, without waiting: a
     * transaction queuing a message to the contact holds FOR KEY SHARE on its row until it commits, and then the row is
     * kept. The check runs after the lock is taken, so it sees every message committed before. Returns the contacts
     * that went.
     */
    private static Set<Long> removeIfEmpty(Connection connection, List<Long> contacts) throws SQLException {
        if (contacts.isEmpty()) {
            return Set.of();
        }
        List<Long> locked = new ArrayList<>();
        try (PreparedStatement lock = connection.prepareStatement(
                "select contact_id from outbound_queue where contact_id = any(?) for update skip locked")) {
            lock.setArray(1, ids(connection, contacts));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    locked.add(rows.getLong(1));
                }
            }
        }
        if (locked.isEmpty()) {
            return Set.of();
        }
        Set<Long> removed = new HashSet<>();
        try (PreparedStatement delete = connection.prepareStatement("delete from outbound_queue q where contact_id = any(?) "
                + "and not exists (select 1 from chat_message m where m.contact_id = q.contact_id and m.direction = 'OUT' "
                + "and m.status in ('PENDING', 'SENDING')) returning contact_id")) {
            delete.setArray(1, ids(connection, locked));
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    removed.add(rows.getLong(1));
                }
            }
        }
        return removed;
    }

    private static Array ids(Connection connection, Collection<Long> ids) throws SQLException {
        return connection.createArrayOf("bigint", ids.toArray(new Long[0]));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
