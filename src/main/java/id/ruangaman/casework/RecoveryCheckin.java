package id.ruangaman.casework;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * One monitoring check-in of the recovery, with the victim or with a provider (SOP Investigasi dan
 * Pendampingan 2.c).
 */
@Entity
@Table(name = "case_recovery_checkin")
public class RecoveryCheckin {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_recovery_checkin_seq")
    @SequenceGenerator(name = "case_recovery_checkin_seq", sequenceName = "case_recovery_checkin_seq", allocationSize = 50)
    public Long id;

    @Column(name = "intake_id", nullable = false)
    public Long intakeId;

    @Column(name = "checked_on", nullable = false)
    public LocalDate checkedOn;

    @Column(name = "with_whom", nullable = false)
    public String withWhom;

    @Column(name = "provider_id")
    public Long providerId;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "note")
    public String note;

    /** The account that recorded the check-in, by id (V205); null for a username that named no account. */
    @Column(name = "recorded_by_account_id")
    public Long recordedById;

    /** The readable fallback: the username as stored before V205 when it named no account; else null. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
