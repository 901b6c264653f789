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

    /**
     * The team as the letter was issued (V245): one member a line, "account id, tab, role code, tab, name", in the team's
     * order, as they were when the letter was recorded; a reprint says this, not the accounts' names and roles now. The
     * name is the one a coordinator wrote; empty when none was written then (never the username: the letter then names
     * the account as it is named now). Null for a letter recorded before V245 (printed from the accounts).
     */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "team_as_issued")
    public String teamAsIssued;

    /**
     * One member of the team as issued: the account id ("12"), the name as written then (null: none was written) and the
     * role code ({@code id.ruangaman.security.Role}), null when none.
     */
    public record Member(String id, String name, String role) {
    }

    /** {@link #teamAsIssued} as members, in order; empty when not kept (a letter recorded before V245, or erased). */
    public java.util.List<Member> members() {
        if (teamAsIssued == null || teamAsIssued.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(teamAsIssued.split("\n")).map(line -> {
            String[] f = line.split("\t", 3);
            return new Member(f[0], f.length > 2 && !f[2].isBlank() ? f[2] : null, f.length > 1 && !f[1].isBlank() ? f[1] : null);
        }).toList();
    }

    /** The account that recorded the surat tugas, by id (V205); null for a username that named no account. */
    @Column(name = "recorded_by_account_id")
    public Long recordedById;

    /** The readable fallback: the username as stored before V205 when it named no account; else null. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
