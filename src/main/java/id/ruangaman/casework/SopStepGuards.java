package id.ruangaman.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.CaseStatus;
import id.ruangaman.inbox.CaseStepGuard;
import id.ruangaman.inbox.VerificationFinding;

/**
 * What each step of the workflow needs before it, after the SOP (seed 001):
 * <ul>
 * <li>verified: the assessment awal (Pemeriksaan/Verifikasi 3-4; the checklist is checked by the inbox) and the documents or
 * evidence examined for part 3 of the verified report (Penerimaan Laporan, component 3);</li>
 * <li>in_examination: a rapat terbatas where the victim chose the examination (5), and the surat tugas (11.2);</li>
 * <li>concluded: at least one interview with its minutes (10), the conclusion with every required part, and the
 * recommendation (Penyusunan Kesimpulan 1-8);</li>
 * <li>decided: the leadership's decision (Penyusunan Kesimpulan 9);</li>
 * <li>closed: "resolved" only after a decision, and after a decided sanction was carried out (Pengenaan Sanksi 4-6);
 * and when the decision set a recovery period or a recovery plan was made, only once the recovery has ended
 * (Investigasi dan Pendampingan 2.1 and 3: recovery runs for the period leadership set, only with consent): a plan,
 * or the statement that consent was not given; at least one monitoring check-in of the plan (2.3), unless consent was
 * withdrawn; and the period over, or the end of the recovery stated with its reason ({@link RecoveryEnd}).
 * Withdrawn, duplicate and deleted cases may close at any time.</li>
 * </ul>
 */
@ApplicationScoped
class SopStepGuards implements CaseStepGuard {

    private final CaseworkRepository repo;
    private final DateRules dates;

    SopStepGuards(CaseworkRepository repo, DateRules dates) {
        this.repo = repo;
        this.dates = dates;
    }

    @Override
    public Optional<String> refusal(CaseFile file, String to, String reason) {
        return refusals(file, to, reason).stream().findFirst();
    }

    /** Everything the step still needs, in the order the work is done (the refusal line and the button's hint name all). */
    @Override
    public List<String> refusals(CaseFile file, String to, String reason) {
        long id = file.id;
        return switch (to) {
            case CaseStatus.VERIFIED -> toVerified(id);
            case CaseStatus.IN_EXAMINATION -> toExamination(id);
            case CaseStatus.CONCLUDED -> withPath(file, to, toConclusion(id));
            case CaseStatus.DECIDED -> withPath(file, to, repo.one(Decision.class, id).isEmpty() ? List.of("decision_missing") : List.of());
            case CaseStatus.CLOSED -> toClosed(file, reason);
            default -> List.of();
        };
    }

    /** {@code missing}, then the victim's latest path's refusal of {@code to} when it has one ({@link VictimPath}). */
    private List<String> withPath(CaseFile file, String to, List<String> missing) {
        Optional<String> path = pathRefusal(file, to);
        if (path.isEmpty()) {
            return missing;
        }
        List<String> all = new ArrayList<>(missing);
        all.add(path.get());
        return all;
    }

    /** The SOP page's forms that wait for an earlier step ({@link #notOpen}), in the page's order. */
    static final List<String> GATED_FORMS = List.of("findings", "meeting", "letter", "interview", "minutes", "conclusion", "recommendation",
            "execution", "certificate", "recovery", "checkin", "recovery-end");

    /**
     * Why an SOP form of an open case cannot be recorded yet: the step that must come first, as a refusal code worded by
     * {@code sop:refusal}; empty when the form is open. The one rule for both the page, which shows the reason above the
     * form's disabled fields before anyone types, and {@link CaseworkService}, which refuses a post (409) from a page
     * shown before the case moved. {@code form} is one of {@link #GATED_FORMS}; any other form waits for nothing.
     * <ul>
     * <li>findings: once verification has started ({@code not_in_verification}; Pemeriksaan/Verifikasi 1-4);</li>
     * <li>meeting, letter: once the report is verified ({@code not_verified_yet}; the rapat terbatas discusses the verified
     * report, 5; the surat tugas follows the victim's choice, 11.2);</li>
     * <li>interview, minutes, conclusion: during the examination ({@code not_in_examination}; 10); recommendation also after
     * the conclusion ({@code conclusion_first}; Penyusunan Kesimpulan 1-8);</li>
     * <li>execution: after a decision that imposes a sanction ({@code decision_first}, {@code no_sanction_decided}); the
     * certificate after a light or medium sanction's completed programme ({@code no_programme},
     * {@code programme_not_completed}; Pengenaan Sanksi 4-6);</li>
     * <li>recovery plan and the recovery's end: after the decision, which sets the period ({@code recovery_after_decision},
     * {@code decision_first}; Investigasi dan Pendampingan 2.1); a check-in after the plan ({@code recovery_plan_first}).</li>
     * </ul>
     * Then what the victim's latest path allows ({@link VictimPath}): the examination's forms only after the examination was
     * chosen, the recovery plan and its monitoring not after the victim chose not to proceed.
     */
    Optional<String> notOpen(CaseFile file, String form) {
        Optional<String> step = stepNotOpen(file, form);
        return step.isPresent() ? step : VictimPath.refusal(form, latestChoice(file.id));
    }

    /**
     * Why the victim's latest path ({@link VictimPath}) does not allow {@code action} on this case; empty when it does.
     */
    Optional<String> pathRefusal(CaseFile file, String action) {
        return VictimPath.refusal(action, latestChoice(file.id));
    }

    /** The path the victim chose at the latest rapat terbatas; null before any. */
    private String latestChoice(long id) {
        return VictimPath.latestChoice(repo.meetings(id));
    }

    private Optional<String> stepNotOpen(CaseFile file, String form) {
        long id = file.id;
        String status = file.status;
        return Optional.ofNullable(switch (form) {
            case "findings" -> CaseStatus.NEW.equals(status) ? "not_in_verification" : null;
            case "meeting", "letter" -> CaseworkService.isVerifiedOrLater(status) ? null : "not_verified_yet";
            case "interview", "minutes", "conclusion" -> CaseStatus.IN_EXAMINATION.equals(status) ? null : "not_in_examination";
            case "recommendation" -> !CaseStatus.IN_EXAMINATION.equals(status) ? "not_in_examination"
                    : repo.one(Conclusion.class, id).isEmpty() ? "conclusion_first" : null;
            case "execution" -> toExecution(id);
            case "certificate" -> toCertificate(id);
            case "recovery" -> repo.one(Decision.class, id).isEmpty() ? "recovery_after_decision" : null;
            case "recovery-end" -> repo.one(Decision.class, id).isEmpty() ? "decision_first" : null;
            case "checkin" -> repo.one(RecoveryPlan.class, id).isEmpty() ? "recovery_plan_first" : null;
            default -> null;
        });
    }

    private String toExecution(long id) {
        Decision d = repo.one(Decision.class, id).orElse(null);
        return d == null ? "decision_first" : d.sanctionTier == null ? "no_sanction_decided" : null;
    }

    private String toCertificate(long id) {
        Decision d = repo.one(Decision.class, id).orElse(null);
        if (d == null) {
            return "decision_first";
        }
        if (d.sanctionTier == null || !Vocabulary.hasProgramme(d.sanctionTier)) {
            return "no_programme";
        }
        SanctionExecution e = repo.one(SanctionExecution.class, id).orElse(null);
        return e == null || !"completed".equals(e.state) || e.completionReportOn == null ? "programme_not_completed" : null;
    }

    /** Refuses a post to a form that is not open yet ({@link #notOpen}): 409 with the reason. */
    void requireOpen(CaseFile file, String form) {
        Optional<String> why = notOpen(file, form);
        if (why.isPresent()) {
            throw FormRefused.notReady(why.get());
        }
    }

    /**
     * The assessment, and part 3's examined documents when part 3 is ticked without them (a tick made before they were
     * required; an unticked part 3 is named by the checklist, and its tick asks for them).
     */
    private List<String> toVerified(long id) {
        List<String> missing = new ArrayList<>();
        if (repo.one(Assessment.class, id).isEmpty()) {
            missing.add("assessment_missing");
        }
        VerificationFinding evidence = repo.finding(id, VerificationFinding.EVIDENCE);
        if (repo.isTicked(id, VerificationFinding.EVIDENCE) && (evidence == null || evidence.examined == null || evidence.examined.isBlank())) {
            missing.add("evidence_examined_missing");
        }
        return missing;
    }

    private List<String> toExamination(long id) {
        List<String> missing = new ArrayList<>();
        List<LimitedMeeting> meetings = repo.meetings(id);
        if (meetings.isEmpty()) {
            missing.add("meeting_missing");
        } else if (!"examination".equals(meetings.get(meetings.size() - 1).victimChoice)) {
            missing.add("victim_did_not_choose_examination");
        }
        if (repo.one(AssignmentLetter.class, id).isEmpty()) {
            missing.add("assignment_letter_missing");
        }
        return missing;
    }

    private List<String> toConclusion(long id) {
        List<String> missing = new ArrayList<>();
        if (repo.interviews(id).stream().noneMatch(i -> i.summary != null)) {
            missing.add("minutes_missing");
        }
        if (repo.one(Conclusion.class, id).isEmpty()) {
            missing.add("conclusion_missing");
        }
        if (repo.one(Recommendation.class, id).isEmpty()) {
            missing.add("recommendation_missing");
        }
        return missing;
    }

    private List<String> toClosed(CaseFile file, String reason) {
        if (!"resolved".equals(reason)) {
            return List.of();
        }
        if (List.of(CaseStatus.IN_EXAMINATION, CaseStatus.CONCLUDED).contains(file.status)) {
            return List.of("resolved_needs_decision");
        }
        List<String> missing = new ArrayList<>();
        Optional<Decision> decision = CaseStatus.DECIDED.equals(file.status) ? repo.one(Decision.class, file.id) : Optional.empty();
        if (decision.isPresent() && decision.get().sanctionTier != null) {
            Optional<SanctionExecution> execution = repo.one(SanctionExecution.class, file.id);
            if (execution.isPresent() && execution.get().reviewSince != null) {
                missing.add("execution_review"); // recorded under a decision corrected since: checked before it closes anything
            } else if (execution.isEmpty() || !"completed".equals(execution.get().state)) {
                missing.add("sanction_not_completed");
            } else if (Vocabulary.hasProgramme(decision.get().sanctionTier) && execution.get().certificateNumber == null) {
                missing.add("certificate_missing"); // Pengenaan Sanksi 6: the statement closes the sanction
            }
        }
        decision.ifPresent(d -> missing.addAll(recoveryOpen(d)));
        return missing;
    }

    /**
     * What keeps the victim's recovery open (Investigasi dan Pendampingan 2.1, 2.3, 3), in the order the work is done;
     * empty when the decision set no recovery period and no plan was made, or when the recovery has ended.
     */
    private List<String> recoveryOpen(Decision decision) {
        RecoveryPlan plan = repo.one(RecoveryPlan.class, decision.intakeId).orElse(null);
        if (decision.recoveryUntil == null && plan == null) {
            return List.of();
        }
        RecoveryEnd end = repo.one(RecoveryEnd.class, decision.intakeId)
                .filter(e -> plan == null || !"consent_not_given".equals(e.reason)).orElse(null);
        if (plan == null) {
            return end == null ? List.of("recovery_plan_missing") : List.of();
        }
        List<String> missing = new ArrayList<>();
        if (plan.reviewSince != null) {
            missing.add("recovery_review"); // made for a recovery period the corrected decision changed
        }
        if (repo.checkins(decision.intakeId).isEmpty() && (end == null || !"consent_withdrawn".equals(end.reason))) {
            missing.add("recovery_checkin_missing");
        }
        if (end == null) {
            if (decision.recoveryUntil == null) {
                missing.add("recovery_not_ended");
            } else if (!dates.today().isAfter(decision.recoveryUntil)) {
                missing.add("recovery_period_running");
            }
        }
        return missing;
    }
}
