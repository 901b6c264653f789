package id.ruangaman.inbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * What the counsellor's verification of one part of the verified report found (SOP Pemeriksaan/Verifikasi: the six
 * components of {@link VerificationComponent}): a short note, and for part 3 ({@code evidence}) the documents or
 * evidence examined. Free text, encrypted; emptied by the reporter's erasure (the row with who and when stays).
 * Recorded on the case's SOP page (casework), shown on the case page and in the printed verified report.
 */
@Entity
@Table(name = "case_verification_finding")
@IdClass(CaseCheck.Key.class) // the same key as a checklist tick: case and component
public class VerificationFinding {

    /** The part whose finding names what was examined. */
    public static final String EVIDENCE = "evidence";

    @Id
    @Column(name = "intake_id")
    public Long intakeId;

    @Id
    public String component;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "note")
    public String note;

    /** Part 3 only: the documents/evidence the reporter gave that were examined, and how. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "examined")
    public String examined;

    /** The account that recorded the finding, by id (V187); null for a system actor or a username that named no account. */
    @Column(name = "recorded_by_account_id")
    public Long recordedById;

    /** The readable fallback: the username as stored before V187 when it named no account, or a system actor; else null. */
    @Column(name = "recorded_by")
    public String recordedBy;

    /**
     * The name written for that account when the finding was last recorded (V253), so a print says who recorded it as they were named then, not after
     * a later rename; null when no name was written then, or for a row from before V253 (printed as the account is named now).
     */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "recorded_name")
    public String recordedName;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Whether nothing is written (never recorded, or erased). */
    public boolean isEmpty() {
        return (note == null || note.isBlank()) && (examined == null || examined.isBlank());
    }
}
