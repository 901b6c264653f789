package id.ruangaman.channel.inbound;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
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
 * The per-contact work queue ({@code inbound_queue}, kept by a trigger on {@code inbound_update}, V95). A worker
 * claims due contacts with {@code FOR UPDATE SKIP LOCKED} in a short transaction that leases them
 * ({@code leased_until}) and reads their pending updates in order (listed in {@code inbound_pending}, V156, which the
 * same trigger fills and the mark of a processed update empties); the webhooks' trigger waits at most for that short
 * transaction, never for the processing. The lease, not an open transaction, keeps another worker (on any instance)
 * off a claimed contact; a crashed worker's lease runs out and the contact is claimed again. A claim reads only each
 * contact's first {@code perContact + 1} pending updates, by index, so its cost does not grow with the backlog. The due
 * time is reset from them at every claim; the pending count is reset exactly when all of a contact's updates were
 * seen, and otherwise is never left below what was seen ({@link #pendingAfterClaim}).
 */
@ApplicationScoped
class InboundQueue {

    /** The lane of updates about no sender (V95: the empty hash). */
    static final byte[] NOBODY = new byte[0];

    /** One claimed contact: its pending updates in platform order (at most the claim's limit), and how many there are. */
    record Claimed(Channel channel, byte[] contactHash, List<InboundUpdate> updates, int pending) {
    }

    private final EntityManager em;
    private final Clock clock;

    InboundQueue(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Claims up to {@code contacts} due contacts not leased by another worker, with up to {@code perContact} of each
     * one's pending updates, and leases them until {@code leaseUntil}. A contact whose first update is not due yet
     * (a file waiting for the rest of its album, a retry's back-off) gets that time as its due time and is not
     * returned; one with nothing pending leaves the queue. In its own short transaction.
     */
    List<Claimed> claim(int contacts, int perContact, Instant leaseUntil) {
        return QuarkusTransaction.requiringNew().call(() -> claimInTransaction(contacts, perContact, leaseUntil));
    }

    @SuppressWarnings("unchecked")
    private List<Claimed> claimInTransaction(int contacts, int perContact, Instant leaseUntil) {
        Instant now = Instant.now(clock);
        List<Object[]> rows = em.createNativeQuery("select channel, contact_hash, pending from inbound_queue "
                + "where due_at <= ?1 and (leased_until is null or leased_until < ?1) "
                + "order by due_at limit ?2 for update skip locked")
                .setParameter(1, now).setParameter(2, contacts).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Key, List<InboundUpdate>> waiting = new LinkedHashMap<>();
        Map<Key, Integer> stored = new HashMap<>();
        Map<Key, List<long[]>> seen = new HashMap<>();
        Map<Channel, List<byte[]>> byChannel = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Key key = new Key(Channel.valueOf((String) row[0]), (byte[]) row[1]);
            waiting.put(key, new ArrayList<>());
            stored.put(key, ((Number) row[2]).intValue());
            seen.put(key, new ArrayList<>());
            if (key.hash.length > 0) {
                byChannel.computeIfAbsent(key.channel, c -> new ArrayList<>()).add(key.hash);
            }
        }
        // Each contact's first perContact + 1 pending updates, read by index (inbound_pending_order_idx, V156), so the cost
        // does not grow with the backlog; the one more than is taken tells whether more are waiting. JDBC with a bytea
        // array parameter, not an "in" list: one statement text whatever the number of contacts.
        int look = perContact + 1;
        byChannel.forEach((channel, hashes) -> em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement first = connection.prepareStatement("select u.id, u.contact_hash, u.sequence_no "
                    + "from unnest(?::bytea[]) as h(hash) cross join lateral (select id, contact_hash, sequence_no "
                    + "from inbound_pending where contact_hash = h.hash and channel = ? "
                    + "order by sequence_no, id limit ?) u")) {
                first.setArray(1, connection.createArrayOf("bytea", hashes.toArray(byte[][]::new)));
                first.setString(2, channel.name());
                first.setInt(3, look);
                try (ResultSet row = first.executeQuery()) {
                    while (row.next()) {
                        seen.get(new Key(channel, row.getBytes(2))).add(new long[] { row.getLong(1), row.getLong(3) });
                    }
                }
            }
        }));
        for (Key key : waiting.keySet()) {
            if (key.hash.length == 0) {
                List<Object[]> nobody = em.createNativeQuery("select id, sequence_no from inbound_pending "
                        + "where channel = ?1 and contact_hash is null order by sequence_no, id limit ?2")
                        .setParameter(1, key.channel.name()).setParameter(2, look).getResultList();
                nobody.forEach(row -> seen.get(key).add(new long[] { ((Number) row[0]).longValue(), ((Number) row[1]).longValue() }));
            }
        }
        Map<Long, Key> keyOf = new HashMap<>();
        Map<Key, Integer> counts = new HashMap<>();
        for (Map.Entry<Key, List<long[]>> entry : seen.entrySet()) {
            List<long[]> first = entry.getValue();
            first.sort(Comparator.<long[]>comparingLong(u -> u[1]).thenComparingLong(u -> u[0]));
            counts.put(entry.getKey(), pendingAfterClaim(stored.get(entry.getKey()), first.size(), perContact));
            first.stream().limit(perContact).forEach(u -> keyOf.put(u[0], entry.getKey()));
        }
        if (!keyOf.isEmpty()) {
            // SQL with one array parameter: Hibernate translates a query with an "in" list again at every call.
            @SuppressWarnings("unchecked")
            List<InboundUpdate> loaded = em.createNativeQuery("select * from inbound_update where id = any(?1)", InboundUpdate.class)
                    .setParameter(1, keyOf.keySet().toArray(Long[]::new)).getResultList();
            Set<Long> stale = new HashSet<>(keyOf.keySet());
            for (InboundUpdate update : loaded) {
                if (update.status == InboundUpdate.Status.PENDING) {
                    waiting.get(keyOf.get(update.id)).add(update);
                    stale.remove(update.id);
                }
            }
            if (!stale.isEmpty()) {
                // Listed as waiting but no longer PENDING (its status set by hand, or the row deleted): the list follows
                // the status, so the contact is not claimed again and again for an update nobody may take.
                em.createNativeQuery("delete from inbound_pending where id = any(?1)").setParameter(1, stale.toArray(Long[]::new))
                        .executeUpdate();
            }
        }
        List<Claimed> claimed = new ArrayList<>();
        List<Object[]> leases = new ArrayList<>();
        List<Object[]> later = new ArrayList<>();
        List<Key> empty = new ArrayList<>();
        for (Map.Entry<Key, List<InboundUpdate>> entry : waiting.entrySet()) {
            Key key = entry.getKey();
            List<InboundUpdate> updates = entry.getValue();
            updates.sort(Comparator.comparingLong((InboundUpdate u) -> u.sequenceNo).thenComparingLong(u -> u.id));
            int pending = counts.get(key);
            if (updates.isEmpty()) {
                empty.add(key);
            } else if (dueAt(updates.get(0)).isAfter(now)) {
                later.add(new Object[] { pending, dueAt(updates.get(0)), key });
            } else {
                leases.add(new Object[] { pending, leaseUntil, key });
                for (int i = 0; i < updates.size(); i++) { // what follows each, known now (InboundStore#nextPendingIs)
                    updates.get(i).laterKinds = updates.subList(i + 1, updates.size()).stream().map(u -> u.kind).toList();
                    updates.get(i).moreBeyondClaim = pending > updates.size();
                }
                claimed.add(new Claimed(key.channel, key.hash, updates, pending));
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lease = connection.prepareStatement("update inbound_queue set pending = ?, leased_until = ? "
                    + "where channel = ? and contact_hash = ?");
                    PreparedStatement wait = connection.prepareStatement("update inbound_queue set pending = ?, due_at = ? "
                            + "where channel = ? and contact_hash = ?");
                    PreparedStatement remove = connection.prepareStatement("delete from inbound_queue where channel = ? and contact_hash = ?")) {
                batch(lease, leases);
                batch(wait, later);
                for (Key key : empty) {
                    remove.setString(1, key.channel.name());
                    remove.setBytes(2, key.hash);
                    remove.addBatch();
                }
                if (!empty.isEmpty()) {
                    remove.executeBatch();
                }
            }
        });
        return claimed;
    }

    /**
     * The pending count a claimed contact's queue row gets: exact when fewer than {@code perContact + 1} updates were
     * found (all of them were seen); otherwise the row's own count (kept by the V95 trigger and {@link #release}), but
     * never less than what was seen, so a count that fell behind cannot let the row leave the queue while updates
     * still wait.
     */
    static int pendingAfterClaim(int stored, int seen, int perContact) {
        return seen <= perContact ? seen : Math.max(stored, seen);
    }

    private static void batch(PreparedStatement statement, List<Object[]> rows) throws java.sql.SQLException {
        for (Object[] row : rows) {
            Key key = (Key) row[2];
            statement.setInt(1, (Integer) row[0]);
            statement.setTimestamp(2, Timestamp.from((Instant) row[1]));
            statement.setString(3, key.channel.name());
            statement.setBytes(4, key.hash);
            statement.addBatch();
        }
        if (!rows.isEmpty()) {
            statement.executeBatch();
        }
    }

    /**
     * What became of a claimed contact: {@code closed} of its updates were finished (DONE, IGNORED or FAILED), and the
     * first of the rest is due at {@code nextDue} (null: none is left as far as the worker knows).
     */
    record Outcome(Claimed claimed, int closed, Instant nextDue) {
    }

    /**
     * Ends the leases: each contact's count goes down by what was finished; a contact with nothing left leaves the
     * queue. Updates that arrived meanwhile (the trigger raised the count) keep the contact due at once. One
     * transaction, with JDBC batches.
     */
    void release(Collection<Outcome> given) {
        if (given.isEmpty()) {
            return;
        }
        // In the order the insert trigger (V95) takes the rows, so a release and a webhook's insert never wait in a cycle.
        List<Outcome> outcomes = given.stream().sorted(IN_LOCK_ORDER).toList();
        Instant now = Instant.now(clock);
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update inbound_queue set pending = greatest(pending - ?, 0), "
                    + "leased_until = null, due_at = case when pending - ? > ? then least(due_at, ?) else ? end "
                    + "where channel = ? and contact_hash = ?");
                    PreparedStatement remove = connection.prepareStatement("delete from inbound_queue "
                            + "where channel = ? and contact_hash = ? and pending = 0")) {
                for (Outcome outcome : outcomes) {
                    int left = Math.max(0, outcome.claimed().pending() - outcome.closed());
                    Timestamp due = Timestamp.from(outcome.nextDue() == null ? now : outcome.nextDue());
                    update.setInt(1, outcome.closed());
                    update.setInt(2, outcome.closed());
                    update.setInt(3, left);
                    update.setTimestamp(4, due);
                    update.setTimestamp(5, due);
                    update.setString(6, outcome.claimed().channel().name());
                    update.setBytes(7, outcome.claimed().contactHash());
                    update.addBatch();
                    remove.setString(1, outcome.claimed().channel().name());
                    remove.setBytes(2, outcome.claimed().contactHash());
                    remove.addBatch();
                }
                update.executeBatch();
                remove.executeBatch();
            }
        }));
    }

    /**
     * The order every transaction that may wait for {@code inbound_queue} rows takes them in: by channel, then by
     * contact hash as PostgreSQL orders bytea (unsigned bytes, a prefix first), as the V95 trigger's
     * {@code order by 1, 2} does. A claim waits for none (SKIP LOCKED).
     */
    static final Comparator<Outcome> IN_LOCK_ORDER = Comparator.comparing((Outcome outcome) -> outcome.claimed().channel().name())
            .thenComparing(outcome -> outcome.claimed().contactHash(), Arrays::compareUnsigned);

    /** When an update may be taken: at once, or after its burst-settle delay or retry back-off. */
    static Instant dueAt(InboundUpdate update) {
        return update.nextAttemptAt == null ? update.receivedAt : update.nextAttemptAt;
    }

    /** A queue row's key; byte arrays compared by content. */
    private record Key(Channel channel, byte[] hash) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.channel == channel && Arrays.equals(key.hash, hash);
        }

        @Override
        public int hashCode() {
            return channel.hashCode() * 31 + Arrays.hashCode(hash);
        }
    }
}
