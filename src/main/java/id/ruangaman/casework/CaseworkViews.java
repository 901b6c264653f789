package id.ruangaman.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditEvent;
import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.CaseStatus;
import id.ruangaman.inbox.InboxConfig;
import id.ruangaman.inbox.VerificationFinding;
import id.ruangaman.inbox.WorkingDays;
import id.ruangaman.referral.Provider;
import id.ruangaman.referral.ProviderRepository;
import id.ruangaman.security.Account;
import id.ruangaman.security.AccountRepository;

/** Assembles the casework page of a case. */
@ApplicationScoped
class CaseworkViews {

    private static final java.util.regex.Pattern STEP_ARROW = java.util.regex.Pattern.compile("->", java.util.regex.Pattern.LITERAL);

    /** The audit actions shown on the case timeline. */
    static final List<String> TIMELINE = List.of(AuditAction.STATUS_CHANGE, AuditAction.ASSESSMENT, AuditAction.MEETING,
            AuditAction.ASSIGNMENT_LETTER, AuditAction.PARTY, AuditAction.INTERVIEW, AuditAction.CONCLUSION, AuditAction.RECOMMENDATION,
            AuditAction.DECISION, AuditAction.SANCTION_EXECUTION, AuditAction.RECOVERY, AuditAction.CONFLICT_MARK, AuditAction.ERASE).stream()
            .map(AuditAction::code).toList();

    private final CaseworkRepository repo;
    private final AccountRepository accounts;
    private final ProviderRepository providers;
    private final EntityManager em;
    private final InboxConfig config;
    private final Clock clock;

    CaseworkViews(CaseworkRepository repo, AccountRepository accounts, ProviderRepository providers, EntityManager em,
            InboxConfig config, Clock clock) {
        this.repo = repo;
        this.accounts = accounts;
        this.providers = providers;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @jakarta.inject.Inject
    id.ruangaman.inbox.StepBlocks stepBlocks;

    @jakarta.inject.Inject
    SopStepGuards guards;

    @jakarta.inject.Inject
    SummonsNumbers summonsNumbers;

    @Transactional
    CaseworkView of(CaseFile file, Map<String, String> submitted, String refusal, String refusedForm) {
        long id = file.id;
        Assessment assessment = repo.one(Assessment.class, id).orElse(null);
        AssignmentLetter letter = repo.one(AssignmentLetter.class, id).orElse(null);
        Conclusion conclusion = repo.one(Conclusion.class, id).orElse(null);
        Recommendation recommendation = repo.one(Recommendation.class, id).orElse(null);
        Decision decision = repo.one(Decision.class, id).orElse(null);
        SanctionExecution execution = repo.one(SanctionExecution.class, id).orElse(null);
        RecoveryPlan recovery = repo.one(RecoveryPlan.class, id).orElse(null);
        RecoveryEnd recoveryEnd = repo.one(RecoveryEnd.class, id).orElse(null);
        List<Provider> recoveryProviders = recovery == null ? List.of()
                : Arrays.stream(recovery.providerIds.split(",")).filter(s -> !s.isBlank()).map(s -> providers.findById(Long.parseLong(s)))
                        .filter(Objects::nonNull).toList();
        Integer daysLeft = file.examinationDueOn == null ? null
                : new WorkingDays(config.holidays().orElse(List.of())).between(LocalDate.now(clock.withZone(config.zone())),
                        file.examinationDueOn);
        List<Long> conflictedIds = repo.conflictedAccounts(id);
        List<Account> active = accounts.activeByName();
        Map<String, String> values = new HashMap<>();
        if (assessment != null) {
            values.put("condition", assessment.condition);
            values.put("emergency", assessment.emergencyServices);
            values.put("risk_level", assessment.riskLevel);
            values.put("condition_notes", assessment.conditionNotes);
            values.put("risks", assessment.risks);
            values.put("mitigation", assessment.mitigation);
        }
        for (VerificationFinding f : repo.findings(id)) {
            values.put("finding_" + f.component, f.note);
            if (VerificationFinding.EVIDENCE.equals(f.component)) {
                values.put("evidence_examined", f.examined);
            }
        }
        if (letter != null) {
            values.put("letter_number", letter.letterNumber);
            values.put("issued_on", letter.issuedOn.toString());
            values.put("signatory_name", letter.signatoryName);
            values.put("signatory_title", letter.signatoryTitle);
            values.put("team", ids(active, letter.teamAccountIds));
        }
        if (conclusion != null) {
            values.put("outcome", conclusion.outcome);
            values.put("party_identity", conclusion.partyIdentity);
            values.put("violence_form", conclusion.violenceForm);
            values.put("accompaniment", conclusion.accompaniment);
            values.put("protection", conclusion.protection);
            values.put("examination_summary", conclusion.examinationSummary);
            values.put("not_proven_statement", conclusion.notProvenStatement);
        }
        if (recommendation != null) {
            values.put("recovery", recommendation.recovery);
            values.put("sanction_measure", recommendation.sanctionMeasure);
            values.put("sanction_details", recommendation.sanctionDetails);
            values.put("prevention", recommendation.prevention);
            values.put("good_name", recommendation.goodName);
            values.put("aggravating", recommendation.aggravating);
        }
        if (execution != null) {
            values.put("programme", execution.programme);
            values.put("institution", execution.institution);
            values.put("state", execution.state);
            values.put("completion_report_on", execution.completionReportOn == null ? null : execution.completionReportOn.toString());
            values.put("execution_notes", execution.notes);
            values.put("certificate_number", execution.certificateNumber);
            values.put("certificate_on", execution.certificateOn == null ? null : execution.certificateOn.toString());
            values.put("certificate_issuer", execution.certificateIssuer);
        }
        if (recovery != null) {
            values.put("consent_by", recovery.consentBy);
            values.put("consent_on", recovery.consentOn.toString());
            values.put("victim_status", recovery.victimStatus);
            values.put("plan", recovery.plan);
            values.put("providers", recovery.providerIds);
        }
        if (recoveryEnd != null) {
            values.put("ended_on", recoveryEnd.endedOn.toString());
            values.put("recovery_end_reason", recoveryEnd.reason);
            values.put("recovery_end_note", recoveryEnd.note);
        }
        // which saved version of each one-record form this page shows (FormVersions): never overlaid by what was submitted
        values.put("seen_assessment", FormVersions.of(assessment == null ? null : assessment.recordedAt));
        values.put("seen_findings", FormVersions.ofFindings(repo.findings(id)));
        values.put("seen_conclusion", FormVersions.of(conclusion == null ? null : conclusion.recordedAt));
        values.put("seen_recommendation", FormVersions.of(recommendation == null ? null : recommendation.recordedAt));
        values.put("seen_execution", FormVersions.ofExecution(execution));
        values.put("seen_certificate", FormVersions.ofCertificate(execution));
        values.put("seen_recovery", FormVersions.of(recovery == null ? null : recovery.recordedAt));
        submitted.forEach((key, value) -> {
            if (!key.startsWith("seen_")) {
                values.put(key, value);
            }
        });
        return new CaseworkView(file, repo.one(CaseStage.class, id).orElse(null), daysLeft, assessment, repo.meetings(id), letter,
                repo.parties(id), repo.interviews(id), conclusion, recommendation, decision, execution, recovery, recoveryEnd, recoveryProviders,
                repo.checkins(id), active, active.stream().filter(a -> conflictedIds.contains(a.id)).toList(), timeline(id),
                CaseStatus.next(file.status), file.isDeleted() ? List.of() : providers.search(List.of(), null, null), values, refusal,
                refusedForm, stepBlocks.of(file), closedForms(file), summonsNumbers.issued(repo.interviews(id).stream().map(i -> i.id).toList()));
    }

    /** The forms not open yet and why ({@link SopStepGuards#notOpen}); none on a closed or erased case (read-only). */
    private Map<String, String> closedForms(CaseFile file) {
        Map<String, String> closed = new HashMap<>();
        if (file.isDeleted() || CaseStatus.CLOSED.equals(file.status)) {
            return closed;
        }
        for (String form : SopStepGuards.GATED_FORMS) {
            guards.notOpen(file, form).ifPresent(code -> closed.put(form, code));
        }
        return closed;
    }

    private List<CaseworkView.TimelineEntry> timeline(long intakeId) {
        return em.createQuery("from AuditEvent where intakeId = :id and action in :actions order by id", AuditEvent.class)
                .setParameter("id", intakeId).setParameter("actions", TIMELINE).setMaxResults(500).getResultList().stream()
                .map(CaseworkViews::entry).toList();
    }

    private static CaseworkView.TimelineEntry entry(AuditEvent e) {
        String from = null;
        String to = null;
        if (AuditAction.STATUS_CHANGE.code().equals(e.action) && e.detail != null && e.detail.contains("->")) {
            String[] steps = STEP_ARROW.split(e.detail.split(" ")[0]);
            from = steps[0];
            to = steps.length > 1 ? steps[1] : null;
        }
        // the sanction's statement has its own line (SOP Pengenaan Sanksi 6), not "execution updated"
        // A recovery plan, a check-in and the recovery's end, an examination scheduled, its minutes and an attachment, and a
        // party added, corrected and removed, are one audit action each; the timeline names which (the detail's first word, CaseworkService).
        String detail = e.detail == null ? "" : e.detail;
        String action = AuditAction.SANCTION_EXECUTION.code().equals(e.action) && "certificate".equals(detail) ? "sanction_certificate"
                : AuditAction.RECOVERY.code().equals(e.action) && detail.equals("recovery_end_cleared") ? "recovery_end_cleared"
                : AuditAction.RECOVERY.code().equals(e.action) && detail.startsWith("recovery_end ") ? "recovery_end"
                : AuditAction.RECOVERY.code().equals(e.action) && detail.startsWith("plan ") ? "recovery_plan"
                : AuditAction.RECOVERY.code().equals(e.action) && detail.startsWith("checkin ") ? "recovery_checkin"
                : AuditAction.PARTY.code().equals(e.action) && detail.startsWith("edit ") ? "party_edited"
                : AuditAction.PARTY.code().equals(e.action) && detail.startsWith("remove ") ? "party_removed"
                : AuditAction.CONFLICT_MARK.code().equals(e.action) && detail.startsWith("remove ") ? "conflict_cleared"
                : AuditAction.INTERVIEW.code().equals(e.action) && detail.startsWith("minutes ") ? "interview_minutes"
                : AuditAction.INTERVIEW.code().equals(e.action) && detail.startsWith("reschedule ") ? "interview_rescheduled"
                : AuditAction.INTERVIEW.code().equals(e.action) && detail.startsWith("attachment ") ? "interview_attachment"
                : e.action;
        String choice = null;
        String consentBy = null;
        if (AuditAction.MEETING.code().equals(e.action)) { // "choice:examination by:victim" (CaseworkService#recordMeeting)
            for (String word : detail.split(" ")) {
                String value = word.substring(word.indexOf(':') + 1);
                if (word.startsWith("choice:") && Vocabulary.VICTIM_CHOICES.contains(value)) {
                    choice = value;
                } else if (word.startsWith("by:") && Vocabulary.CONSENT_BY.contains(value)) {
                    consentBy = value;
                }
            }
        }
        return new CaseworkView.TimelineEntry(e.at, e.actor, e.actorAccount, action, from, to, choice, consentBy);
    }

    /** The ids of a record's accounts ({@code accountIds}, comma-separated) that are among {@code accounts}. */
    private static String ids(List<Account> accounts, String accountIds) {
        List<String> kept = List.of(accountIds.split(","));
        return String.join(",", accounts.stream().map(a -> String.valueOf(a.id)).filter(kept::contains).toList());
    }
}
