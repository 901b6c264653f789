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
 * The end of the victim's recovery, stated by the task force (SOP Investigasi dan Pendampingan 2.1 and 3): when, and
 * why ({@link Vocabulary#RECOVERY_END_REASONS}: finished, consent withdrawn, consent never given, other with a note).
 * Recovery that runs for the period leadership's decision set ends by itself on its last day; one without a set period,
 * or one ended early, ends only with this record. {@link SopStepGuards} asks for it before closing as resolved.
 */
@Entity
@Table(name = "case_recovery_end")
public class RecoveryEnd {

    @Id
    @Column(name = "intake_id")
    public Long intakeId;

    @Column(name = "ended_on", nullable = false)
    public LocalDate endedOn;

    @Column(name = "reason", nullable = false)
    public String reason;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "note")
    public String note;

    /** The account that recorded the end of recovery, by id (V205); null for a username that named no account. */
    @Column(name = "recorded_by_account_id")
    public Long recordedById;

    /** The readable fallback: the username as stored before V205 when it named no account; else null. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
