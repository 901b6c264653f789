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
 * Surat tugas (SOP Pemeriksaan/Verifikasi 11.2): leadership assigns the team to establish the facts.
 */
@Entity
@Table(name = "case_assignment_letter")
public class AssignmentLetter {

    @Id
    @Column(name = "intake_id")
    public Long intakeId;

    @Column(name = "letter_number", nullable = false)
    public String letterNumber;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "signatory_name")
    public String signatoryName;

    @Column(name = "signatory_title")
    public String signatoryTitle;

    /** The team: account ids, comma-separated, in the order chosen ("12,7"); shown by name ({@code People}). */
    @Column(name = "team_account_ids", nullable = false)
    public String teamAccountIds;

    /** The account that recorded the surat tugas, by id (V205); null for a username that named no account. */
    @Column(name = "recorded_by_account_id")
    public Long recordedById;

    /** The readable fallback: the username as stored before V205 when it named no account; else null. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
