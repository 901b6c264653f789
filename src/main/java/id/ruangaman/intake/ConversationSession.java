package id.ruangaman.intake;

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
 * The engine state of one contact's conversation, pinned to a flow revision. {@code state} is the
 * encrypted JSON of the engine's SessionState; the other columns serve scheduling and lookups.
 */
@Entity
@Table(name = "conversation_session")
public class ConversationSession {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_session_seq")
    @SequenceGenerator(name = "conversation_session_seq", sequenceName = "conversation_session_seq", allocationSize = 50)
    public Long id;

    @Column(name = "contact_id", nullable = false, unique = true)
    public Long contactId;

    @Column(name = "flow_id", nullable = false, length = 64)
    public String flowId;

    @Column(name = "flow_revision", nullable = false, length = 80)
    public String flowRevision;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "reference_code", length = 16)
    public String referenceCode;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(nullable = false)
    public String state;

    @Column(name = "last_input_at", nullable = false)
    public Instant lastInputAt;

    @Column(nullable = false)
    public boolean reminded;

    /** The case thread holds files while asking whether to keep them (see IdleSessionJob). */
    @Column(name = "holding_files", nullable = false)
    public boolean holdingFiles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
