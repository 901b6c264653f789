package id.ruangaman.intake;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * The pelapor's correction of an answer of their submitted report (V265): an edit (Telegram {@code edited_message},
 * WhatsApp {@code edit}), sent after the report, of a line typed during the intake that made an answer. The report's
 * answers ({@link Intake#answers}) are left as they were handed over and verified; the case page and the intake form
 * print show the correction with them (before verification as the answer, the words it replaced kept; after, beside the
 * verified text). Deleted with the pelapor's erasure ({@link ReporterErasure}).
 */
@Entity
@Table(name = "answer_correction")
public class AnswerCorrection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "intake_id", nullable = false)
    public Long intakeId;

    /** The flow's answer key of the corrected answer (a code). */
    @Column(name = "answer_key", nullable = false)
    public String answerKey;

    /** For an answer made of parts: the line's first part (0-based); null for a whole {@code text} answer. */
    @Column(name = "answer_part")
    public Integer answerPart;

    /** How many parts the line was in the report (1 for a text answer). */
    @Column(name = "answer_parts", nullable = false)
    public int answerParts;

    /** The new words, as the pelapor wrote them (stripped). */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The edit's own transcript line (kind {@code edit}), to link the correction to the chat. */
    @Column(name = "message_id", nullable = false)
    public Long messageId;
}
