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
 * Follow-up of the sanction (SOP Pengenaan Sanksi 4-6): for ringan and sedang, the educational programme or
 * counselling the perpetrator must complete, and the date of its completion report.
 */
@Entity
@Table(name = "case_sanction_execution")
public class SanctionExecution {

    @Id
    @Column(name = "intake_id")
    public Long intakeId;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "programme")
    public String programme;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "institution")
    public String institution;

    @Column(name = "state", nullable = false)
    public String state;

    @Column(name = "completion_report_on")
    public LocalDate completionReportOn;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "notes")
    public String notes;

    /**
     * The statement (surat keterangan) the institution issues once the programme's report shows the sanction was carried
     * out (SOP Pengenaan Sanksi 6): its number, date and issuer; null until recorded.
     */
    @Column(name = "certificate_number")
    public String certificateNumber;

    @Column(name = "certificate_on")
    public LocalDate certificateOn;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "certificate_issuer")
    public String certificateIssuer;

    /** The account that last updated the sanction's execution, by id (V205); null for a username that named no account. */
    @Column(name = "updated_by_account_id")
    public Long updatedById;

    /** The readable fallback: the username as stored before V205 when it named no account; else null. */
    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * When leadership corrected the decision in a way that changes the sanction after this was recorded (V220): the page asks
     * to check and save it again, and the case cannot close as resolved until then; null when it fits the decision.
     */
    @Column(name = "review_since")
    public Instant reviewSince;
}
