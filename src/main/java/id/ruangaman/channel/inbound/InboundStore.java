package id.ruangaman.channel.inbound;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import id.ruangaman.channel.Channel;
import id.ruangaman.channel.ProviderIds;
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
     * What one webhook call hands over; {@code contactHash} orders processing per sender, {@code subjectHash}
     * (the blind index of the person the update is about: sender, or a status's recipient) lets erasure find
     * it. {@code providerId} is the platform's id as sent; it is stored as {@link ProviderIds#key}.
     */
    public record Arrival(Channel channel, String providerId, long sequenceNo, byte[] contactHash, String kind,
            byte[] rawPayload, byte[] subjectHash) {

        /** An update about its sender. */
        public Arrival(Channel channel, String providerId, long sequenceNo, byte[] contactHash, String kind, byte[] rawPayload) {
            this(channel, providerId, sequenceNo, contactHash, kind, rawPayload, contactHash);
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

    private int insert(Arrival arrival) {
        int rows = em.createNativeQuery("insert into inbound_update (id, channel, provider_id, sequence_no, contact_hash, "
                + "kind, payload, status, received_at, subject_hash) "
                + "values (nextval('inbound_update_seq'), ?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', ?7, ?8) "
                + "on conflict (channel, provider_id) do nothing")
                .setParameter(1, arrival.channel().name())
                .setParameter(2, providerIds.key(arrival.channel(), arrival.providerId()))
                .setParameter(3, arrival.sequenceNo())
                .setParameter(4, arrival.contactHash())
                .setParameter(5, arrival.kind())
                .setParameter(6, cipher.encrypt(arrival.rawPayload()))
                .setParameter(7, Instant.now(clock))
                .setParameter(8, arrival.subjectHash())
                .executeUpdate();
        if (rows == 0) {
            metrics.counter("ruangaman.inbound.duplicates", "channel", arrival.channel().name().toLowerCase()).increment();
        }
        return rows;
    }
}
