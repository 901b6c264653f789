package id.ruangaman.channel.inbound;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.ruangaman.transcript.Channel;

/** A platform update as it arrived. The payload stays ciphertext here; handlers decrypt it. */
@Entity
@Table(name = "inbound_update")
public class InboundUpdate {

    public enum Status { PENDING, DONE, IGNORED, FAILED }

    @Id
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Channel channel;

    /** The platform's id as a lookup key ({@code ProviderIds.key}: a blind index for WhatsApp). */
    @Column(name = "provider_id", nullable = false, length = 160)
    public String providerId;

    @Column(name = "sequence_no", nullable = false)
    public long sequenceNo;

    @Column(name = "contact_hash")
    public byte[] contactHash;

    @Column(nullable = false, length = 32)
    public String kind;

    /**
     * Not stored. The kinds of the same sender's later updates the claim read with this one, in order (null: not claimed
     * with others); {@code moreBeyondClaim}: more were waiting than the claim read. Lets {@link InboundStore#nextPendingIs}
     * answer without a query.
     */
    @jakarta.persistence.Transient
    public java.util.List<String> laterKinds;
    @jakarta.persistence.Transient
    public boolean moreBeyondClaim;

    /** Null once purged after processing (retention) or erased with the person's data. */
    public byte[] payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "processed_at")
    public Instant processedAt;

    /** The conversation wants this update's file: the next preparation fetches it whatever it looks like then. */
    @Column(name = "fetch_file", nullable = false)
    public boolean fetchFile;

    @Column(name = "failure_reason", length = 200)
    public String failureReason;
}
