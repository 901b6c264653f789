package id.ruangaman.channel.outbound;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import id.ruangaman.database.AsynchronousCommit;
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
 *
 * <p>Round trips, not statements, are what a claim and a release cost on a busy machine (each one waits for a core on
 * both sides: issue 16, twenty-third and twenty-ninth rounds), so a claim is one statement (the due contacts, their
 * heads, the leases, the due times and the lock on the contacts with nothing unsent: {@link #CLAIM}) and a release one,
 * each with a second only when a contact has nothing unsent ({@link #removeIfEmpty}). When a head may be claimed is
 * worked out in SQL, in one place for both ({@link #HEADS}).
 */
@ApplicationScoped
class OutboundQueue {

    /**
     * One claimed contact: its first unsent message, now SENDING and leased; {@code resumed} when that message was
     * already SENDING under a lease that ran out (its sender died mid-call: the platform may have it); {@code stored}
     * what its send reads of the message and its contact.
     */
    record Claimed(long messageId, long contactId, boolean resumed, Stored stored) {
    }

    /**
     * The columns of a claimed message and of its contact that a send reads, as stored: the encrypted ones are still
     * ciphertext ({@code body}, {@code recipient}, {@code externalId}; each null when erased), so a row that does not
     * decrypt fails on its own, at its send, instead of failing the claim of every row with it. {@code contactFound} is
     * false when the message's contact row is gone.
     */
    record Stored(String kind, Instant createdAt, byte[] body, byte[] recipient, boolean contactFound, byte[] externalId,
            String language, Instant lastInboundAt, Instant unreachableAt) {
    }

    /** Per-contact limits of a channel: at most {@code burst} sends to one contact in any {@code window}. */
    record Pace(int burst, Duration window) {
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
     * messages in due order, each with what its send reads of it and of its contact, as stored ({@link Stored}: the
     * encrypted columns still ciphertext).
     */
    List<Claimed> claim(Channel channel, int limit, Pace pace, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Claimed> claimed = new ArrayList<>();
            em.unwrap(Session.class).doWork(connection -> claimed.addAll(claim(connection, channel, limit, pace, lease)));
            return claimed;
        });
    }

    private List<Claimed> claim(Connection connection, Channel channel, int limit, Pace pace, Duration lease) throws SQLException {
        Instant now = Instant.now(clock);
        List<Claimed> claimed = new ArrayList<>();
        List<Long> locked = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            int next = setHeadsTimes(claim, now, pace);
            claim.setLong(next, micros(now.plus(lease)));
            claim.setString(next + 1, channel.name());
            claim.setInt(next + 2, limit);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    long contact = rows.getLong("contact_id");
                    long message = rows.getLong("id");
                    if (rows.wasNull()) {
                        locked.add(contact);
                    } else {
                        claimed.add(new Claimed(message, contact, rows.getBoolean("sending"), stored(rows)));
                    }
                }
            }
        }
        // A contact found with nothing unsent is removed by a statement of its own, which sees what was committed since.
        removeIfEmpty(connection, locked);
        return claimed;
    }

    private static Stored stored(ResultSet row) throws SQLException {
        return new Stored(row.getString("kind"), instant(row, "created_at"), row.getBytes("body"), row.getBytes("recipient"),
                row.getBoolean("contact_found"), row.getBytes("external_id"), row.getString("language"),
                instant(row, "last_inbound_at"), instant(row, "unreachable_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        java.time.OffsetDateTime value = row.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Ends a contact's lease once its message's outcome is committed: the contact is due when its next unsent message
     * may go (its retry time, or when its rate window frees), or leaves the queue with nothing unsent. Its own short
     * transaction, committed without waiting for the disk: if that commit is lost in a crash, the lease runs out and
     * the contact is claimed again, which only delays it.
     */
    void release(long contactId, Pace pace) {
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
            AsynchronousCommit.forThisTransaction(connection);
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
     * leaves the queue with nothing unsent. One statement reads the contacts' heads, sets the due times and locks the
     * rows of those with nothing unsent FOR UPDATE without waiting; a second, only when some were locked, removes
     * them ({@link #removeIfEmpty}). A contact with nothing unsent whose row another transaction holds (one queuing a
     * message to it) is due now.
     */
    private void release(Connection connection, Collection<Long> contactIds, Pace pace) throws SQLException {
        Instant now = Instant.now(clock);
        List<Long> contacts = contactIds.stream().distinct().sorted().toList();
        List<Long> locked = new ArrayList<>();
        try (PreparedStatement release = connection.prepareStatement(HEADS_TIMES + ", c as (select contact_id, "
                + "null::timestamptz as queued_due_at from unnest(?::bigint[]) as u(contact_id)), " + HEADS + ", "
                + "empty as (select contact_id from outbound_queue where contact_id = any(?) "
                + "and contact_id in (select contact_id from heads where id is null) for update skip locked), "
                + "queued as (update outbound_queue q set due_at = case when h.id is null then p.now else h.due_at end, "
                + "leased_until = case when h.sending then h.due_at end from heads h cross join p "
                + "where q.contact_id = h.contact_id and q.contact_id = any(?) "
                + "and not exists (select 1 from empty e where e.contact_id = h.contact_id) returning q.contact_id) "
                + "select contact_id from empty")) {
            int next = setHeadsTimes(release, now, pace);
            Array ids = ids(connection, contacts);
            release.setArray(next, ids);
            release.setArray(next + 1, ids);
            release.setArray(next + 2, ids);
            try (ResultSet rows = release.executeQuery()) {
                while (rows.next()) {
                    locked.add(rows.getLong(1));
                }
            }
        }
        removeIfEmpty(connection, locked);
    }

    /**
     * The times a read of heads ({@link #HEADS}) works with: {@code p.now}, {@code p.skip} (the burst less one: the
     * sends to skip before the one whose time opens the rate window) and {@code p.win} (the window). Three parameters.
     */
    private static final String HEADS_TIMES = "with p as (select timestamptz 'epoch' + ?::bigint * interval '1 microsecond' as now, "
            + "?::int as skip, ?::bigint * interval '1 microsecond' as win)";

    /**
     * A common table {@code heads}: for each contact of {@code c(contact_id, queued_due_at)}, its first unsent message
     * (by chat_message_unsent_contact_idx; null id: none), whether that message is SENDING, and when it may be claimed
     * ({@code due_at}): never before its retry time (or its lease's end, when SENDING) nor before the contact's rate
     * window frees, the time of its burst-th latest send (by chat_message_sent_idx) plus the window.
     */
    private static final String HEADS = "heads as (select c.contact_id, c.queued_due_at, h.id, h.status = 'SENDING' as sending, "
            + "greatest(case when h.status = 'SENDING' then h.lease_until else coalesce(h.next_attempt_at, p.now) end, "
            + "case when r.sent_at + p.win > p.now then r.sent_at + p.win end) as due_at "
            + "from c cross join p "
            + "left join lateral (select id, status, next_attempt_at, lease_until from chat_message m "
            + "  where m.contact_id = c.contact_id and m.direction = 'OUT' and m.status in ('PENDING', 'SENDING') "
            + "  order by m.id limit 1) h on true "
            + "left join lateral (select sent_at from chat_message s "
            + "  where s.contact_id = c.contact_id and s.direction = 'OUT' and s.sent_at is not null "
            + "  order by s.sent_at desc offset p.skip limit 1) r on true)";

    /** Sets {@link #HEADS_TIMES}'s three parameters; returns the next parameter's index. */
    private static int setHeadsTimes(PreparedStatement statement, Instant now, Pace pace) throws SQLException {
        statement.setLong(1, micros(now));
        statement.setInt(2, pace.burst() - 1);
        statement.setLong(3, micros(pace.window()));
        return 4;
    }

    /** A timestamptz from microseconds since the epoch (a parameter or column), so no time zone of the session shifts it. */
    private static String micros(String column) {
        return "timestamptz 'epoch' + " + column + " * interval '1 microsecond'";
    }

    private static final String MOMENT = micros("?::bigint");

    /**
     * A claim in one statement (issue 16, twenty-ninth round: it was two round trips, the heads read and the leases, each
     * waiting for a core on a busy machine). Parameters: {@link #HEADS_TIMES}'s three, the lease's end, the channel and
     * the most contacts. It takes the channel's due contacts that no sender holds ({@code c}: FOR NO KEY UPDATE SKIP
     * LOCKED, in due order) and reads their heads ({@link #HEADS}); then, for a head due now, sets its message SENDING
     * and leased (skipping one another transaction holds: its contact stays due; a message whose state changed since
     * the read is checked again on its newest version, as FOR UPDATE does); sets the due time of each contact leased (the
     * lease's end, held) or waiting (at its rate, backing off, or still held by a live sender: not read again before
     * then); and locks the rows of the contacts with nothing unsent FOR UPDATE without waiting, for
     * {@link #removeIfEmpty}. Returns, in due order, a row per leased message (id, contact_id, sending: it was SENDING
     * under a lease that ran out, and the columns its send reads of the message and its contact, {@link Stored}) and
     * per locked empty contact (id null).
     *
     * <p>The due times are set through the queue's key ({@code contact_id = any(array(...))}): joined to {@code due}
     * alone, the generic plan read the whole queue table to find the few rows a claim sets (a sequential scan joined by
     * hash), which took half of a one-message claim with 5,000 people waiting (issue 16, thirty-third round).
     *
     * <p>The message's and contact's columns come with the claim, so a claim is one round trip with nothing read after
     * it: reading the claimed rows as entities afterwards (two loads by id) was a third of a channel's delivery CPU
     * (issue 16, thirty-second round). They come as stored: the claim never decrypts, so a row that cannot be read fails
     * on its own when it is sent instead of failing every claim of its channel.
     */
    private static final String CLAIM = HEADS_TIMES + ", l as (select " + MOMENT + " as lease_until, ?::varchar as channel, "
            + "?::int as most), "
            + "c as (select contact_id, due_at as queued_due_at from outbound_queue "
            + "where channel = (select channel from l) and due_at <= (select now from p) "
            + "and (leased_until is null or leased_until < (select now from p)) "
            + "order by due_at limit (select most from l) for no key update skip locked), " + HEADS + ", "
            + "leased as (update chat_message m set possible_duplicate = (m.possible_duplicate or m.status = 'SENDING'), "
            + "status = 'SENDING', lease_until = (select lease_until from l), attempts = m.attempts + 1 "
            + "from (select id from chat_message where id in (select id from heads where due_at <= (select now from p)) "
            + "and direction = 'OUT' and ((status = 'PENDING' and coalesce(next_attempt_at, (select now from p)) <= (select now from p)) "
            + "or (status = 'SENDING' and lease_until < (select now from p))) for update skip locked) free "
            + "where m.id = free.id returning m.id, m.contact_id, m.kind, m.created_at, m.body, m.recipient), "
            + "due as (select contact_id, due_at, case when sending then due_at end as leased_until from heads "
            + "where id is not null and due_at > (select now from p) "
            + "union all select contact_id, (select lease_until from l), (select lease_until from l) from leased), "
            + "queued as (update outbound_queue q set due_at = d.due_at, leased_until = d.leased_until from due d "
            + "where q.contact_id = d.contact_id and q.contact_id = any(array(select contact_id from due)) "
            + "returning q.contact_id), "
            + "empty as (select contact_id from outbound_queue where contact_id in (select contact_id from heads where id is null) "
            + "for update skip locked) "
            + "select h.queued_due_at, leased.id, leased.contact_id, h.sending, leased.kind, leased.created_at, leased.body, "
            + "leased.recipient, k.id is not null as contact_found, k.external_id, k.language, k.last_inbound_at, k.unreachable_at "
            + "from leased join heads h on h.id = leased.id left join contact k on k.id = leased.contact_id "
            + "union all select h.queued_due_at, null, empty.contact_id, false, null, null, null, null, false, null, null, null, null "
            + "from empty join heads h on h.contact_id = empty.contact_id "
            + "order by 1";

    private static Long micros(Instant instant) {
        return instant == null ? null : Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    private static long micros(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1_000L);
    }

    /**
     * Removes the queue rows this transaction has locked FOR UPDATE (in an earlier statement) whose contacts have nothing
     * unsent; a contact with a message committed meanwhile keeps its row, due now. The check is a statement of its own,
     * after the lock was taken, so it sees every message committed before: a transaction queuing a message to the
     * contact holds FOR KEY SHARE on its row until it commits, so the row could not be locked while one was queuing.
     */
    private void removeIfEmpty(Connection connection, List<Long> locked) throws SQLException {
        if (locked.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("with gone as (delete from outbound_queue q "
                + "where contact_id = any(?) and not exists (select 1 from chat_message m where m.contact_id = q.contact_id "
                + "and m.direction = 'OUT' and m.status in ('PENDING', 'SENDING')) returning contact_id) "
                + "update outbound_queue set due_at = " + MOMENT + ", leased_until = null "
                + "where contact_id = any(?) and contact_id not in (select contact_id from gone)")) {
            Array ids = ids(connection, locked);
            delete.setArray(1, ids);
            delete.setLong(2, micros(Instant.now(clock)));
            delete.setArray(3, ids);
            delete.executeUpdate();
        }
    }

    private static Array ids(Connection connection, Collection<Long> ids) throws SQLException {
        return connection.createArrayOf("bigint", ids.toArray(new Long[0]));
    }
}
