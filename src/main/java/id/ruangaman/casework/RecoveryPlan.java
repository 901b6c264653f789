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
 * Pemulihan (SOP Investigasi dan Pendampingan 1-3): the recovery plan, only with the victim's consent (or a
 * parent's or guardian's when the victim cannot give it), with providers from the referral directory.
 */
@Entity
@Table(name = "case_recovery_plan")
public class RecoveryPlan {

    @Id
    @Column(name = "intake_id")
    public Long intakeId;

    @Column(name = "consent_by", nullable = false)
    public String consentBy;

    @Column(name = "consent_on", nullable = false)
    public LocalDate consentOn;

    @Column(name = "victim_status", nullable = false)
    public String victimStatus;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "plan")
    public String plan;

    @Column(name = "provider_ids", nullable = false)
    public String providerIds;

    /** The account that recorded the recovery plan, by id (V205); null for a username that named no account. */
    @Column(name = "recorded_by_account_id")
    public Long recordedById;

    /** The readable fallback: the username as stored before V205 when it named no account; else null. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /**
     * When leadership corrected the decision in a way that changes the recovery period after this was recorded (V220): the page asks
     * to check and save it again, and the case cannot close as resolved until then; null when it fits the decision.
     */
    @Column(name = "review_since")
    public Instant reviewSince;
}
