package id.ruangaman.casework;

import java.time.Instant;

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
 * A party to the case: victim, reporter, witness or terlapor, with name or alias and campus status. A party
 * who is a task-force member may be linked to their account, which then may not open the case.
 */
@Entity
@Table(name = "case_party")
public class Party {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_party_seq")
    @SequenceGenerator(name = "case_party_seq", sequenceName = "case_party_seq", allocationSize = 50)
    public Long id;

    @Column(name = "intake_id", nullable = false)
    public Long intakeId;

    @Column(name = "role", nullable = false)
    public String role;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "name")
    public String name;

    @Column(name = "campus_status", nullable = false)
    public String campusStatus;

    @Column(name = "account_id")
    public Long accountId;

    /** The account that added the party, by id (V205); null for a username that named no account. */
    @Column(name = "created_by_account_id")
    public Long createdById;

    /** The readable fallback: the username as stored before V205 when it named no account; else null. */
    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
