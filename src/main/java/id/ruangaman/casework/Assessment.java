package id.ruangaman.casework;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * Assessment awal (SOP Pemeriksaan/Verifikasi 3-4; verification component 6): the victim's condition, the
 * emergency services needed, the risks and the plan to mitigate them. Part of the verified report.
 */
@Entity
@Table(name = "case_assessment")
public class Assessment {

    @Id
    @Column(name = "intake_id")
    public Long intakeId;

    @Column(name = "condition", nullable = false)
    public String condition;

    @Column(name = "emergency_services", nullable = false)
    public String emergencyServices;

    @Column(name = "risk_level", nullable = false)
    public String riskLevel;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "condition_notes")
    public String conditionNotes;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "risks")
    public String risks;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "mitigation")
    public String mitigation;

    /** The account that recorded the assessment, by id (V187); null for a system actor or a username that named no account. */
    @Column(name = "recorded_by_account_id")
    public Long recordedById;

    /** The readable fallback: the username as stored before V187 when it named no account, or a system actor; else null. */
    @Column(name = "recorded_by")
    public String recordedBy;

    /**
     * The name written for that account when the assessment was last recorded (V253), so a print says who recorded it as they were named then, not after
     * a later rename; null when no name was written then, or for a row from before V253 (printed as the account is named now).
     */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "recorded_name")
    public String recordedName;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The emergency services' codes, in the order chosen; empty when none (show each through {@code sop:emergency_of}). */
    public java.util.List<String> emergencyServiceList() {
        return emergencyServices == null || emergencyServices.isBlank() ? java.util.List.of()
                : java.util.List.of(emergencyServices.split(","));
    }
}
