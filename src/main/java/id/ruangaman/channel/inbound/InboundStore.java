package id.ruangaman.channel.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ProviderIds;
import id.ruangaman.security.crypto.FieldCipher;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The webhooks' only database work: one insert of the encrypted raw update, committed before the
 * platform is acknowledged. A platform retry hits the unique key and changes nothing.
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
    private final InboundSignal signal;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final ProviderIds providerIds;

    InboundStore(EntityManager em, FieldCipher cipher, InboundSignal signal, MeterRegistry metrics, Clock clock,
            ProviderIds providerIds) {
        this.providerIds = providerIds;
        this.em = em;
        this.cipher = cipher;
        this.signal = signal;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Stores and commits the arrivals of one request; returns how many were new. */
    public int store(Iterable<Arrival> arrivals) {
        int inserted = QuarkusTransaction.requiringNew().call(() -> {
            int count = 0;
            for (Arrival arrival : arrivals) {
                count += insert(arrival);
            }
            return count;
        });
        for (Arrival arrival : arrivals) {
            metrics.counter("ruangaman.inbound.received", "channel", arrival.channel().name().toLowerCase(),
                    "kind", arrival.kind()).increment();
        }
        if (inserted > 0) {
            signal.wake();
        }
        return inserted;
    }

    /**
     * Whether the same sender has a later update of one of these kinds still waiting: the current one is then part
     * of a burst (an album, several files at once) and the last of them answers for all.
     */
    public boolean laterPending(InboundUpdate update, Collection<String> kinds) {
        if (update.contactHash == null || kinds.isEmpty()) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("select 1 from inbound_update "
                + "where channel = ?1 and contact_hash = ?2 and status = 'PENDING' "
                + "and id <> ?3 and (sequence_no > ?4 or (sequence_no = ?4 and id > ?3)) and kind in (?5) limit 1")
                .setParameter(1, update.channel.name()).setParameter(2, update.contactHash).setParameter(3, update.id)
                .setParameter(4, update.sequenceNo).setParameter(5, kinds).getResultList().isEmpty());
    }

    private int insert(Arrival arrival) {
        int rows = em.createNativeQuery("insert into inbound_update (id, channel, provider_id, sequence_no, contact_hash, "
                + "kind, payload, status, received_at, next_attempt_at, subject_hash) "
                + "values (nextval('inbound_update_seq'), ?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', ?7, ?8, ?9) "
                + "on conflict (channel, provider_id) do nothing")
                .setParameter(1, arrival.channel().name())
                .setParameter(2, providerIds.key(arrival.channel(), arrival.providerId()))
                .setParameter(3, arrival.sequenceNo())
                .setParameter(4, arrival.contactHash())
                .setParameter(5, arrival.kind())
                .setParameter(6, cipher.encrypt(arrival.rawPayload()))
                .setParameter(7, Instant.now(clock))
                .setParameter(8, arrival.settle().isZero() ? null : Instant.now(clock).plus(arrival.settle()))
                .setParameter(9, arrival.subjectHash())
                .executeUpdate();
        if (rows == 0) {
            metrics.counter("ruangaman.inbound.duplicates", "channel", arrival.channel().name().toLowerCase()).increment();
        }
        return rows;
    }
}
