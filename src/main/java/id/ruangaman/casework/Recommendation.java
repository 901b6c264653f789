package id.ruangaman.casework;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * Rekomendasi (SOP Penyusunan Kesimpulan 4-8, Pengenaan Sanksi 3 and 9): for proven cases the victim's recovery,
 * the proposed sanction and its tier, prevention of recurrence; for not proven, restoring the terlapor's good name;
 * the aggravating factors present (comma-separated codes).
 */
@Entity
@Table(name = "case_recommendation")
public class Recommendation {

    @Id
    @Column(name = "intake_id")
    public Long intakeId;

    @Column(name = "sanction_tier")
    public String sanctionTier;

    @Column(name = "sanction_measure")
    public String sanctionMeasure;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "recovery")
    public String recovery;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "sanction_details")
    public String sanctionDetails;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "prevention")
    public String prevention;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "good_name")
    public String goodName;

    @Column(name = "aggravating", nullable = false)
    public String aggravating;

    /** The account that recorded the recommendation, by id (V188); null for a username that named no account. */
    @Column(name = "recorded_by_account_id")
    public Long recordedById;

    /** The readable fallback: the username as stored before V188 when it named no account; else null. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
