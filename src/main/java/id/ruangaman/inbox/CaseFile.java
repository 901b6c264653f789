package id.ruangaman.inbox;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.ruangaman.transcript.Channel;
import id.ruangaman.security.crypto.EncryptedStringConverter;

/**
 * The inbox's view of an intake row: what the intake service wrote is read-only here; the inbox
 * owns assignment, workflow status, deadlines and the read marker.
 */
@Entity
@Table(name = "intake")
public class CaseFile {

    @Id
    public Long id;

    @Column(name = "reference_code", insertable = false, updatable = false)
    public String referenceCode;

    @Column(name = "contact_id", insertable = false, updatable = false)
    public Long contactId;

    /** The conversation whose unfiled transcript lines are this case's ({@code ChatMessageRepository.transcriptOfCase}). */
    @Column(insertable = false, updatable = false)
    public Integer conversation;

    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false)
    public Channel channel;

    @Column(name = "flow_id", insertable = false, updatable = false)
    public String flowId;

    @Column(name = "flow_revision", insertable = false, updatable = false)
    public String flowRevision;

    @Column(insertable = false, updatable = false)
    public String language;

    @Column(name = "reporter_role", insertable = false, updatable = false)
    public String reporterRole;

    @Column(name = "victim_minor", insertable = false, updatable = false)
    public String victimMinor;

    @Column(name = "in_danger", insertable = false, updatable = false)
    public boolean inDanger;

    /** When the survivor last wrote danger now in the thread after the report; null when never. */
    @Column(name = "danger_said_at", insertable = false, updatable = false)
    public java.time.Instant dangerSaidAt;

    /**
     * The report itself made the case in danger (the danger question answered yes, or danger words written during the
     * intake), whatever was written in the thread later ({@code intake.in_danger_at_report}).
     */
    @Column(name = "in_danger_at_report", insertable = false, updatable = false)
    public boolean inDangerAtReport;

    /**
     * Why the report itself made the case BAHAYA, for the note beside the flag on the case page, in its live refresh
     * ({@code CaseResource/danger}) and in the verified report, read from this row's {@link #answers} (decrypted when
     * the row was read: no query) and {@link #inDangerAtReport}: {@code answered} when the danger question
     * ({@code safety}/{@code in_danger}) was answered yes; {@code words} when it was not but the report flagged the case,
     * so danger words written during the intake did ({@code IntakeService#submit}); "" otherwise (not in danger, or only
     * the thread's danger is known). Danger written in the thread later ({@link #dangerSaidAt}) is shown beside it, not
     * instead of it.
     */
    public String intakeDangerReason() {
        if (!inDanger) {
            return "";
        }
        if ("yes".equals(IntakeSections.of(answers).choice("safety", "in_danger"))) {
            return "answered";
        }
        return inDangerAtReport ? "words" : "";
    }

    /** GBVIMS violence type option ids, comma separated (see {@link #violenceTypeList()}). */
    @Column(name = "violence_types", insertable = false, updatable = false)
    public String violenceTypes;

    @Column(name = "urgent_medical", insertable = false, updatable = false)
    public boolean urgentMedical;

    /** The victim is under 18 (from the intake's answers at submission; {@code intake.victim_child}). */
    @Column(name = "victim_child", insertable = false, updatable = false)
    public boolean victimChild;

    @Column(name = "child_online", insertable = false, updatable = false)
    public boolean childOnline;

    @Column(name = "stats_consent", insertable = false, updatable = false)
    public boolean statsConsent;

    public java.util.List<String> violenceTypeList() {
        return violenceTypes == null || violenceTypes.isBlank() ? java.util.List.of() : java.util.Arrays.asList(violenceTypes.split(","));
    }

    @Column(insertable = false, updatable = false)
    public String services;

    @Column(name = "received_at", insertable = false, updatable = false)
    public Instant receivedAt;

    @Column(name = "first_response_due_at", insertable = false, updatable = false)
    public Instant firstResponseDueAt;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(insertable = false, updatable = false)
    public String answers;

    @Column(name = "deleted_by_reporter_at", insertable = false, updatable = false)
    public Instant deletedByReporterAt;

    @Column(nullable = false)
    public String status;

    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "assignee_id")
    public Long assigneeId;

    /**
     * The account whose deactivation returned this open case to the unassigned queue; null once someone is assigned
     * (and for every case never returned). Set only by {@code AccountRepository#returnOpenCases}.
     */
    @Column(name = "returned_from")
    public Long returnedFrom;

    @Column(name = "first_response_at")
    public Instant firstResponseAt;

    @Column(name = "verification_started_at")
    public Instant verificationStartedAt;

    @Column(name = "examination_due_on")
    public LocalDate examinationDueOn;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "last_read_at")
    public Instant lastReadAt;

    /** Verified at some point: verified now or in a later SOP stage, or closed after verification began (its report exists). */
    public boolean isVerified() {
        return switch (status == null ? "" : status) {
            case CaseStatus.VERIFIED, CaseStatus.REFERRED, CaseStatus.IN_EXAMINATION, CaseStatus.CONCLUDED, CaseStatus.DECIDED -> true;
            case CaseStatus.CLOSED -> verificationStartedAt != null;
            default -> false;
        };
    }

    /**
     * Whether the verification checklist is kept as it is: past verification (SOP Pemeriksaan/Verifikasi, the report is
     * verified on a complete checklist and the verified report prints it), a ticked part is not unticked. The case page
     * offers no untick then ({@link CaseView#tickFixed}) and {@code CaseService.tick} refuses one.
     */
    public boolean checklistKept() {
        return !CaseStatus.NEW.equals(status) && !CaseStatus.IN_VERIFICATION.equals(status);
    }

    public boolean isDeleted() {
        return deletedByReporterAt != null;
    }

    public boolean isOverdue(Instant now) {
        return firstResponseAt == null && firstResponseDueAt.isBefore(now) && !CaseStatus.CLOSED.equals(status);
    }
}
