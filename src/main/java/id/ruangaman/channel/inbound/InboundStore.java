package id.ruangaman.channel.inbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ProviderIds;
import id.ruangaman.security.crypto.FieldCipher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The webhooks' only database work: the encrypted raw update is inserted and committed before the platform is
 * acknowledged, together with whatever other requests arrived at the same time ({@link GroupCommit}: one multi-row
 * insert, one commit). A platform retry hits the unique key (channel, provider id) and changes nothing.
 */
@ApplicationScoped
public class InboundStore {

    /**
     * What one webhook call hands over; {@code contactHash} orders processing per sender. {@code settle} holds the
     * update back briefly (zero: none), so files sent together (an album) are all stored before the first is
     * answered and the person gets one answer for them. {@code subjectHash} (the blind index of the person the
     * update is about: sender, or a status's recipient) lets erasure find it. {@code providerId} is the platform's
     * id as sent; it is stored as {@link ProviderIds#key}.
     */
    public record Arrival(Channel channel, String providerId, long sequenceNo, byte[] contactHash, String kind,
            byte[] rawPayload, Duration settle, byte[] subjectHash) {

        /** An update about its sender, processed at once. */
        public Arrival(Channel channel, String providerId, long sequenceNo, byte[] contactHash, String kind, byte[] rawPayload) {
            this(channel, providerId, sequenceNo, contactHash, kind, rawPayload, Duration.ZERO, contactHash);
        }

        /** An update about its sender, held back for {@code settle}. */
        public Arrival(Channel channel, String providerId, long sequenceNo, byte[] contactHash, String kind, byte[] rawPayload,
                Duration settle) {
            this(channel, providerId, sequenceNo, contactHash, kind, rawPayload, settle, contactHash);
        }

        /** An update about someone other than a sender (a delivery status: its recipient), processed at once. */
        public Arrival(Channel channel, String providerId, long sequenceNo, byte[] contactHash, String kind, byte[] rawPayload,
                byte[] subjectHash) {
            this(channel, providerId, sequenceNo, contactHash, kind, rawPayload, Duration.ZERO, subjectHash);
        }
    }

    private final EntityManager em;
    private final FieldCipher cipher;
    private final GroupCommit commits;
    private final MeterRegistry metrics;
    private final ProviderIds providerIds;
    /** Per channel, per kind: looked up on every acknowledgement without building a key. */
    private final Map<Channel, Map<String, Counter>> received = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> duplicates = new ConcurrentHashMap<>();

    InboundStore(EntityManager em, FieldCipher cipher, GroupCommit commits, MeterRegistry metrics, ProviderIds providerIds) {
        this.em = em;
        this.cipher = cipher;
        this.commits = commits;
        this.metrics = metrics;
        this.providerIds = providerIds;
        for (Channel channel : Channel.values()) {
            received.put(channel, new ConcurrentHashMap<>()); // filled lazily: a counter appears with its first update
        }
    }

    /**
     * Hands the arrivals of one request to the group commit and returns at once: the raw payloads are encrypted and
     * the ids keyed on the calling thread, the committer only writes. The stage completes with how many arrivals were
     * new, after their commit; exceptionally with {@link Busy} when too many updates wait (answer 503, retry later)
     * or with the database's exception (nothing of this request was stored).
     */
    public CompletableFuture<Integer> accept(List<Arrival> arrivals) {
        List<GroupCommit.Row> rows = new ArrayList<>(arrivals.size());
        for (Arrival arrival : arrivals) {
            rows.add(new GroupCommit.Row(arrival.channel(), providerIds.key(arrival.channel(), arrival.providerId()),
                    arrival.sequenceNo(), arrival.contactHash(), arrival.kind(), cipher.encrypt(arrival.rawPayload()),
                    arrival.settle(), arrival.subjectHash()));
        }
        return commits.submit(rows).handle((fresh, failure) -> {
            if (failure != null) {
                throw failure instanceof GroupCommit.Refused ? new Busy() : new CompletionException(failure);
            }
            for (Arrival arrival : arrivals) {
                received(arrival.channel(), arrival.kind()).increment();
            }
            if (fresh < arrivals.size()) {
                duplicates.computeIfAbsent(arrivals.get(0).channel(),
                        channel -> metrics.counter("ruangaman.inbound.duplicates", "channel", tag(channel)))
                        .increment(arrivals.size() - fresh);
            }
            return fresh;
        });
    }

    /** Stores and commits the arrivals of one request, waiting for the commit; returns how many were new. */
    public int store(List<Arrival> arrivals) {
        try {
            return accept(arrivals).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** Too many updates wait to be stored (or the service is stopping): nothing was stored; retry later. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("inbound queue full", null, false, false);
        }
    }

    private Counter received(Channel channel, String kind) {
        Map<String, Counter> byKind = received.get(channel);
        Counter counter = byKind.get(kind);
        return counter != null ? counter : byKind.computeIfAbsent(kind,
                k -> metrics.counter("ruangaman.inbound.received", "channel", tag(channel), "kind", k));
    }

    /**
     * Empties the raw payload of the update {@code id} now rather than after the retention, in the caller's transaction:
     * for an update whose words must not be kept (an edit of a line erased with the person). The row, its platform id
     * and status stay, so a redelivery is still absorbed; closing it empties the hashes it was queued by.
     */
    public void forgetPayload(long id) {
        em.createNativeQuery("update inbound_update set payload = null where id = ?1").setParameter(1, id).executeUpdate();
    }

    private static String tag(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the same sender has a later update of one of these kinds still waiting: the current one is then part
     * of a burst (an album, several files at once, a story typed in quick lines) and the last of them answers for all.
     * One indexed read; in the caller's transaction when there is one (a round's step: the round's later updates are
     * still waiting there), else in a transaction of its own.
     */
    public boolean laterPending(InboundUpdate update, Collection<String> kinds) {
        if (update.contactHash == null || kinds.isEmpty()) {
            return false;
        }
        return QuarkusTransaction.isActive() ? later(update, kinds) : QuarkusTransaction.requiringNew().call(() -> later(update, kinds));
    }

    /**
     * Whether the same sender's <em>next</em> update, the one right after this, is already waiting and of one of these
     * kinds: for a typed line of a story, whether the person went on typing (a burst of lines). A press of "Selesai", a
     * file or anything else in between ends the burst, so a line followed by a press is not one of them, however many
     * lines wait after the press (in a backlog after a restart, a later answer's text would otherwise take the story
     * line's acknowledgement away). Answered from what the claim read with the update ({@link InboundUpdate#laterKinds})
     * without a query; when the claim read nothing after it but more were waiting, one query reads the next one's kind.
     */
    public boolean nextPendingIs(InboundUpdate update, Collection<String> kinds) {
        if (update.contactHash == null || kinds.isEmpty()) {
            return false;
        }
        if (update.laterKinds != null && (!update.laterKinds.isEmpty() || !update.moreBeyondClaim)) {
            return !update.laterKinds.isEmpty() && kinds.contains(update.laterKinds.get(0));
        }
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select u.kind from inbound_pending p "
                + "join inbound_update u on u.id = p.id where p.channel = ?1 and p.contact_hash = ?2 and u.status = 'PENDING' "
                + "and p.id <> ?3 and (p.sequence_no > ?4 or (p.sequence_no = ?4 and p.id > ?3)) order by p.sequence_no, p.id limit 1")
                .setParameter(1, update.channel.name()).setParameter(2, update.contactHash).setParameter(3, update.id)
                .setParameter(4, update.sequenceNo).getResultList().stream().anyMatch(kind -> kinds.contains(String.valueOf(kind))));
    }

    private boolean later(InboundUpdate update, Collection<String> kinds) {
        return !em.createNativeQuery("select 1 from inbound_pending p "
                + "join inbound_update u on u.id = p.id where p.channel = ?1 and p.contact_hash = ?2 and u.status = 'PENDING' "
                + "and p.id <> ?3 and (p.sequence_no > ?4 or (p.sequence_no = ?4 and p.id > ?3)) and u.kind in (?5) limit 1")
                .setParameter(1, update.channel.name()).setParameter(2, update.contactHash).setParameter(3, update.id)
                .setParameter(4, update.sequenceNo).setParameter(5, kinds)
                // in a round, no flush of the round's pending writes for it (they are batched at its end): the waiting
                // list is written by the webhooks' commits, never by the round before its end
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("inbound_pending")
                .getResultList().isEmpty();
    }
}
