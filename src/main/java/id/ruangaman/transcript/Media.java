package id.ruangaman.transcript;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedBytesConverter;

/** Evidence a person uploaded after consenting. The content is encrypted; it is loaded only when asked for. */
@Entity
@Table(name = "media")
public class Media {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "media_seq")
    @SequenceGenerator(name = "media_seq", sequenceName = "media_seq", allocationSize = 50)
    public Long id;

    @Column(name = "contact_id", nullable = false)
    public Long contactId;

    /** The case this evidence belongs to; null while staged or while the intake that takes it is not submitted. */
    @Column(name = "intake_id")
    public Long intakeId;

    @Column(nullable = false, length = 16)
    public String kind;

    @Column(name = "mime_type", length = 100)
    public String mimeType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Basic(fetch = FetchType.LAZY)
    @Convert(converter = EncryptedBytesConverter.class)
    @Column(nullable = false)
    public byte[] content;

    /** False while staged; set once an answer takes the upload as evidence. */
    @Column(nullable = false)
    public boolean claimed;

    /** The platform update this upload came from, so a retried processing stores it once. */
    @Column(name = "source_ref", length = 160)
    public String sourceRef;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * Forwarded from another chat by the person (WhatsApp {@code context.forwarded}, Telegram {@code forward_origin}),
     * such as the terlapor's photo passed on: shown as such on the case page, the prints and the referral letter (V272).
     */
    @Column(nullable = false)
    public boolean forwarded;
}
