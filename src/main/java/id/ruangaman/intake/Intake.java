package id.ruangaman.intake;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import id.ruangaman.transcript.Channel;
import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * A submitted report, ready for the inbox. The structured record ({@code answers}, encrypted JSON
 * grouped by the SOP's components) is what counsellors verify; the category columns are plain so
 * the case list can sort and filter without decrypting.
 */
@Entity
@Table(name = "intake")
public class Intake {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intake_seq")
    @SequenceGenerator(name = "intake_seq", sequenceName = "intake_seq", allocationSize = 50)
    public Long id;

    @Column(name = "reference_code", nullable = false, unique = true, length = 16)
    public String referenceCode;

    @Column(name = "contact_id", nullable = false)
    public Long contactId;

    /**
     * The contact's conversation this report took over when it was submitted (its unfiled transcript lines of that
     * number are the report's; {@code ChatMessage.intakeId}). Null for a report submitted before numbers existed.
     */
    @Column(updatable = false)
    public Integer conversation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Channel channel;

    @Column(name = "flow_id", nullable = false, length = 64)
    public String flowId;

    @Column(name = "flow_revision", nullable = false, length = 80)
    public String flowRevision;

    @Column(length = 8)
    public String language;

    @Column(name = "reporter_role", length = 32)
    public String reporterRole;

    @Column(name = "victim_minor", length = 16)
    public String victimMinor;

    @Column(name = "in_danger", nullable = false)
    public boolean inDanger;

    /**
     * When the survivor last wrote danger now in the case's thread, after the report ("dia di depan pintu"); null when
     * never. The case is then {@link #inDanger} too ({@link IntakeService#markInDanger}).
     */
    @Column(name = "danger_said_at")
    public Instant dangerSaidAt;

    /**
     * The report itself made the case in danger: the danger question answered yes, or danger words written during the
     * intake ({@link IntakeService#submit}). Not changed by danger written in the thread later ({@link #dangerSaidAt}),
     * so the case page and the verified report can say both.
     */
    @Column(name = "in_danger_at_report", nullable = false)
    public boolean inDangerAtReport;

    /** Comma-separated service codes from the flow, e.g. {@code psychological,legal}. */
    @Column(length = 300)
    public String services;

    /** GBVIMS violence types the person chose, option ids comma separated (null when not asked or skipped). */
    @Column(name = "violence_types", length = 300)
    public String violenceTypes;

    /** Rape or sexual assault within 72 hours: emergency medical care (PEP, emergency contraception) is time-bound. */
    @Column(name = "urgent_medical", nullable = false)
    public boolean urgentMedical;

    /**
     * The victim is a child (under 18): {@code victim_minor} is yes, or a victim reporting for themselves chose
     * {@code under_18} as their age ({@link IntakeService#victimIsChild}). The inbox flags it ANAK and filters by it.
     */
    @Column(name = "victim_child", nullable = false)
    public boolean victimChild;

    /** A child harmed online: the evidence step took links and descriptions only, never images. */
    @Column(name = "child_online", nullable = false)
    public boolean childOnline;

    /** Separate, optional consent to count this case in anonymised statistics; false unless the answer was yes. */
    @Column(name = "stats_consent", nullable = false)
    public boolean statsConsent;

    @Column(nullable = false, length = 32)
    public String status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "first_response_due_at", nullable = false)
    public Instant firstResponseDueAt;

    /** When a counsellor first wrote in the case's thread; set by the inbox, read here for the survivor's /status. */
    @Column(name = "first_response_at", insertable = false, updatable = false)
    public Instant firstResponseAt;

    @Convert(converter = EncryptedStringConverter.class)
    public String answers;

    @Column(name = "deleted_by_reporter_at")
    public Instant deletedByReporterAt;

    @Column(name = "closed_reason", length = 32)
    public String closedReason;
}
