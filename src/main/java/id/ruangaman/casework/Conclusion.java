package id.ruangaman.casework;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * Kesimpulan (SOP Penyusunan Kesimpulan 1-3): proven or not proven, with the parts each requires. For proven:
 * perpetrator identity, form of violence, accompaniment and protection of victim/witnesses. For not proven: the
 * reported party's identity, the alleged violence, the examination summary and the statement of not proven.
 */
@Entity
@Table(name = "case_conclusion")
public class Conclusion {

    @Id
    @Column(name = "intake_id")
    public Long intakeId;

    @Column(name = "outcome", nullable = false)
    public String outcome;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "party_identity")
    public String partyIdentity;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "violence_form")
    public String violenceForm;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "accompaniment")
    public String accompaniment;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "protection")
    public String protection;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "examination_summary")
    public String examinationSummary;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "not_proven_statement")
    public String notProvenStatement;

    /** The account that recorded the conclusion, by id (V188); null for a username that named no account. */
    @Column(name = "recorded_by_account_id")
    public Long recordedById;

    /** The readable fallback: the username as stored before V188 when it named no account; else null. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
