package id.ruangaman.casework;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * One correction of leadership's decision (V215): the decision as it stood before it was corrected, why it was
 * corrected ({@link #reason}), by which account and when. The case's {@link Decision} holds the corrected one; the
 * corrections, oldest first, are its history, shown on the leadership page, so no recorded decision is silently
 * overwritten (SOP Pengenaan Sanksi 2 and 8: the decision is the head of the institution's act).
 */
@Entity
@Table(name = "case_decision_correction")
public class DecisionCorrection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "intake_id", nullable = false)
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

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "heavier_reason")
    public String heavierReason;

    /** Who recorded the version corrected, by account (as {@link Decision#recordedById}), and when. */
    @Column(name = "recorded_by_account_id")
    public Long recordedById;

    /** The readable fallback of a version recorded by a username that named no account (as {@link Decision#recordedBy}). */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Why leadership corrected it; emptied on the reporter's erasure. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "reason")
    public String reason;

    @Column(name = "corrected_by_account_id")
    public Long correctedById;

    @Column(name = "corrected_at", nullable = false)
    public Instant correctedAt;

    /** The version before the correction, copied from {@code d}. */
    static DecisionCorrection of(Decision d) {
        DecisionCorrection c = new DecisionCorrection();
        c.intakeId = d.intakeId;
        c.decisionNumber = d.decisionNumber;
        c.decidedOn = d.decidedOn;
        c.sanctionTier = d.sanctionTier;
        c.sanctionMeasure = d.sanctionMeasure;
        c.goodNameRestored = d.goodNameRestored;
        c.recoveryUntil = d.recoveryUntil;
        c.text = d.text;
        c.heavierReason = d.heavierReason;
        c.recordedById = d.recordedById;
        c.recordedBy = d.recordedBy;
        c.recordedAt = d.recordedAt;
        return c;
    }
}
