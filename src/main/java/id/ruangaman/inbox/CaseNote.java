package id.ruangaman.inbox;

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

/** A private note of the team on a case. Never sent to the person; encrypted at rest. */
@Entity
@Table(name = "case_note")
public class CaseNote {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_note_seq")
    @SequenceGenerator(name = "case_note_seq", sequenceName = "case_note_seq", allocationSize = 50)
    public Long id;

    @Column(name = "intake_id", nullable = false)
    public Long intakeId;

    /** The account that wrote the note, by id (V188); null for a username that named no account. */
    @Column(name = "author_account_id")
    public Long authorId;

    /** The readable fallback: the username as stored before V188 when it named no account; else null. */
    @Column(name = "author")
    public String author;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
