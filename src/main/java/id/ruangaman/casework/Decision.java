package id.ruangaman.casework;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * Keputusan Pemimpin Perguruan Tinggi (SOP Pengenaan Sanksi 2 and 8): the decision on the recommendation, which
 * may be heavier than recommended; for not proven, whether the good name is restored.
 */
@Entity
@Table(name = "case_decision")
public class Decision {

    @Id
    @Column(name = "intake_id")
    public Long intakeId;

    @Column(name = "decision_number", nullable = false)
    public String decisionNumber;

    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;

    @Column(name = "sanction_tier")
    public String sanctionTier;

    @Column(name = "sanction_measure")
    public String sanctionMeasure;

    @Column(name = "good_name_restored", nullable = false)
    public boolean goodNameRestored;

    @Column(name = "recovery_until")
    public LocalDate recoveryUntil;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "text")
    public String text;

    /** Why the sanction is heavier than the one recommended (SOP Pengenaan Sanksi 8-9); null when it is not heavier. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "heavier_reason")
    public String heavierReason;

    /** The account that recorded the decision, by id (V205); null for a username that named no account. */
    @Column(name = "recorded_by_account_id")
    public Long recordedById;

    /** The readable fallback: the username as stored before V205 when it named no account; else null. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
