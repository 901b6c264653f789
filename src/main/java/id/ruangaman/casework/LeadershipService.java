package id.ruangaman.casework;

import id.ruangaman.web.FormText;
import id.ruangaman.web.Refused;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.CaseAccess;
import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.CaseService;
import id.ruangaman.inbox.CaseStatus;
import id.ruangaman.security.CurrentAccount;

/**
 * Leadership's view (SOP Penyusunan Kesimpulan 9, Pengenaan Sanksi 2 and 8): concluded cases only, and of them only
 * the conclusion, the recommendation and the decision (with the date and reason the recovery ended). Never the intake,
 * transcript, chronology, evidence or notes: this service reads nothing else. A conflicted leader is refused like anyone (audited).
 */
@ApplicationScoped
class LeadershipService {

    static final List<String> VISIBLE = List.of(CaseStatus.CONCLUDED, CaseStatus.DECIDED, CaseStatus.CLOSED);

    /**
     * One concluded case as leadership sees it. {@code recoveryEnd}: the recovery's recorded end (V140, SOP Investigasi
     * dan Pendampingan 2.1 and 3), or null while none is recorded. {@code file}: the case itself, for where it stands
     * (its open page follows an erasure live).
     */
    public record Item(String referenceCode, String status, Conclusion conclusion, Recommendation recommendation,
            Decision decision, boolean erased, RecoveryEnded recoveryEnd, List<DecisionCorrection> corrections,
            List<String> terlaporStatuses, CaseFile file) {

        /** The sanction measures of a tier that fit the terlapor's campus status ({@link Vocabulary#measuresFor}). */
        public List<String> measures(String tier) {
            List<String> fitting = Vocabulary.measuresFor(terlaporStatuses);
            return Vocabulary.MEASURES.getOrDefault(tier, List.of()).stream().filter(fitting::contains).toList();
        }

        /**
         * Whether the recommended sanction no longer fits the terlapor's campus status as recorded now (changed after the
         * recommendation, SOP Pengenaan Sanksi 3): it cannot be decided, and the page says so where it shows it.
         */
        public boolean recommendationUnfit() {
            return recommendation != null && recommendation.sanctionMeasure != null
                    && !Vocabulary.fits(recommendation.sanctionMeasure, terlaporStatuses);
        }

        /** Whether the decision can be corrected now: recorded, the case decided (not closed) and not erased. */
        public boolean correctable() {
            return decision != null && !erased && CaseStatus.DECIDED.equals(status);
        }

        /**
         * The recorded decision's value of a decision-form field ({@code decision_number}, {@code decided_on} as yyyy-MM-dd,
         * {@code sanction_measure}, {@code good_name_restored} as "yes" or "", {@code recovery_until}, {@code decision_text},
         * {@code heavier_reason}): what the correction form starts with. "" when none.
         */
        public String current(String field) {
            if (decision == null) {
                return "";
            }
            Object value = switch (field) {
                case "decision_number" -> decision.decisionNumber;
                case "decided_on" -> decision.decidedOn;
                case "sanction_measure" -> decision.sanctionMeasure;
                case "good_name_restored" -> decision.goodNameRestored ? "yes" : null;
                case "recovery_until" -> decision.recoveryUntil;
                case "decision_text" -> decision.text;
                case "heavier_reason" -> decision.heavierReason;
                default -> null;
            };
            return value == null ? "" : value.toString();
        }

        /** The version of the decision this page shows, for the correction form ({@link FormVersions}). */
        public String decisionVersion() {
            return FormVersions.of(decision == null ? null : decision.recordedAt);
        }

        /** The decided sanction is heavier than the one recommended (SOP Pengenaan Sanksi 8). */
        public boolean heavier() {
            return decision != null && recommendation != null
                    && Vocabulary.weight(decision.sanctionTier) > Vocabulary.weight(recommendation.sanctionTier);
        }

        public boolean proven() {
            return "proven".equals(conclusion.outcome);
        }
    }

    /**
     * When the victim's recovery ended and why ({@link Vocabulary#RECOVERY_END_REASONS}, shown by its label). The task
     * force's note on it stays on the SOP page: leadership reads the decision's outcome, not the casework notes.
     */
    public record RecoveryEnded(LocalDate endedOn, String reason) {
    }

    private final CaseFileRepository cases;
    private final CaseworkRepository repo;
    private final CaseService caseService;
    private final AuditLog audit;
    private final EntityManager em;
    private final Clock clock;
    private final DateRules dates;
    private final CaseAccess access;

    LeadershipService(CaseFileRepository cases, CaseworkRepository repo, CaseService caseService, AuditLog audit, EntityManager em,
            Clock clock, DateRules dates, CaseAccess access) {
        this.dates = dates;
        this.access = access;
        this.cases = cases;
        this.repo = repo;
        this.caseService = caseService;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Concluded, decided and closed cases with a conclusion, newest first; codes and dates only. A case whose reporter
     * erased their data stays (closed), its conclusion and decision without their text.
     */
    @Transactional
    public List<Item> list(CurrentAccount who) {
        return list(who.id());
    }

    /**
     * {@link #list(CurrentAccount)} for the account {@code accountId}. The list's statements do not grow with its length:
     * the cases, the ones hidden from the account, then each case's conclusion, recommendation, decision and recovery end
     * fetched for the whole list at once (one statement each, not one per case).
     */
    @Transactional
    List<Item> list(long accountId) {
        List<CaseFile> files = em.createQuery("select f from CaseFile f where f.status in :statuses "
                + "and exists (select 1 from Conclusion c where c.intakeId = f.id) order by f.statusChangedAt desc", CaseFile.class)
                .setParameter("statuses", VISIBLE).setMaxResults(200).getResultList();
        java.util.Set<Long> hidden = access.hiddenFrom(files.stream().map(f -> f.id).toList(), accountId);
        List<CaseFile> shown = files.stream().filter(f -> !hidden.contains(f.id)).toList();
        List<Long> ids = shown.stream().map(f -> f.id).toList();
        Map<Long, Conclusion> conclusions = byCase(Conclusion.class, ids, c -> c.intakeId);
        Map<Long, Recommendation> recommendations = byCase(Recommendation.class, ids, r -> r.intakeId);
        Map<Long, Decision> decisions = byCase(Decision.class, ids, d -> d.intakeId);
        Map<Long, RecoveryEnd> ends = byCase(RecoveryEnd.class, ids, e -> e.intakeId);
        return shown.stream().filter(f -> conclusions.containsKey(f.id))
                .map(f -> item(f, conclusions.get(f.id), recommendations.get(f.id), decisions.get(f.id), ends.get(f.id))).toList();
    }

    /** The rows of {@code type} (keyed by the case's id) of these cases, in one statement. */
    private <T> Map<Long, T> byCase(Class<T> type, List<Long> ids, java.util.function.Function<T, Long> caseId) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select x from " + type.getSimpleName() + " x where x.intakeId in :ids", type).setParameter("ids", ids)
                .getResultStream().collect(java.util.stream.Collectors.toMap(caseId, x -> x));
    }

    /**
     * Where a case leadership's pages show stands, for the live check of its open leadership page (inbox.js,
     * refreshStanding): open, closed, or erased by the person. No content, so no audit row; refused as {@link #view}
     * is (403 audited, 404).
     */
    @Transactional
    public CaseFile standing(String ref, CurrentAccount who) {
        return open(ref, who);
    }

    /** One case's conclusion, recommendation and decision; audited. */
    @Transactional
    public Item view(String ref, CurrentAccount who) {
        CaseFile file = open(ref, who);
        audit.record(who.getUsername(), AuditAction.DECISION_VIEW, file.id, null);
        return item(file);
    }

    /**
     * Records leadership's decision and moves the case to decided, in one transaction (both audited). Refused (409) when
     * the case is not concluded, or a decision was recorded meanwhile ({@code changed_since_opened}: two leaders, or two
     * tabs, deciding at the same moment; the case's row lock makes the second wait for the first).
     */
    @Transactional
    public void decide(String ref, String number, String decidedOn, String measure, boolean goodName, String recoveryUntil,
            String text, String heavierReason, CurrentAccount who) {
        if (!who.isPimpinan()) {
            throw Refused.forbidden("leadership only");
        }
        CaseFile file = open(ref, who);
        if (file.isDeleted()) {
            // the erasure closed the case and emptied its conclusion: there is no one named to decide on
            throw FormRefused.notReady(repo.one(Decision.class, file.id).isPresent() ? "case_deleted" : "decision_after_erasure");
        }
        if (CaseStatus.CLOSED.equals(file.status)) {
            throw FormRefused.notReady("case_closed"); // closed before a decision (withdrawn, duplicate): read-only
        }
        if (!CaseStatus.CONCLUDED.equals(file.status)) {
            throw FormRefused.notReady("not_concluded");
        }
        // a rapat terbatas after the conclusion where the victim chose another path: no decision on an examination they left
        VictimPath.refusal(CaseStatus.DECIDED, VictimPath.latestChoice(repo.meetings(file.id))).ifPresent(code -> {
            throw FormRefused.notReady(code);
        });
        // The check and the write as one: a decision sent at the same moment by another leader (or another tab) waits
        // here, then finds the first one recorded and is refused beside its form, instead of failing on the decision's
        // key with an error page.
        repo.lockCase(file.id);
        if (repo.one(Decision.class, file.id).isPresent()) {
            throw FormRefused.notReady("changed_since_opened");
        }
        Decision d = new Decision();
        d.intakeId = file.id;
        boolean heavier = fill(d, file, number, decidedOn, measure, goodName, recoveryUntil, text, heavierReason);
        d.recordedById = who.id();
        d.recordedBy = null; // an upsert: the username fallback was only for a row converted without an account
        d.recordedAt = Instant.now(clock);
        repo.persist(d);
        audit.record(who.getUsername(), AuditAction.DECISION, file.id,
                "tier:" + (d.sanctionTier == null ? "none" : d.sanctionTier) + (heavier ? " heavier" : ""));
        caseService.move(file, CaseStatus.DECIDED, null, who);
    }

    /**
     * Corrects the recorded decision of a decided case (a wrong decree number or date, a sanction entered by mistake),
     * with the reason, never as a silent overwrite: the decision as it stood is kept as a {@link DecisionCorrection} with
     * the reason, the account and the time, then the decision holds the corrected values (checked as a new decision is,
     * {@link #decide}); audited ({@code decision}, {@code tier:<tier> corrected}; the tier before is in the correction). Refused: not leadership
     * (403); the case erased ({@code case_deleted}), closed ({@code case_closed}) or without a decision
     * ({@code decision_missing}), 409; no reason ({@code correction_reason}) or nothing changed
     * ({@code correction_unchanged}), 400; the decision corrected or recorded since the page showed it ({@code seen}, a
     * {@link FormVersions} version; blank: not compared), 409 {@code changed_since_opened}. A changed sanction or recovery
     * period flags the execution or recovery plan already recorded for review ({@link #flagPlansForReview}).
     */
    @Transactional
    public void correct(String ref, String number, String decidedOn, String measure, boolean goodName, String recoveryUntil,
            String text, String heavierReason, String reason, String seen, CurrentAccount who) {
        if (!who.isPimpinan()) {
            throw Refused.forbidden("leadership only");
        }
        CaseFile file = open(ref, who);
        if (file.isDeleted()) {
            throw FormRefused.notReady("case_deleted");
        }
        if (CaseStatus.CLOSED.equals(file.status)) {
            throw FormRefused.notReady("case_closed");
        }
        repo.lockCase(file.id); // the check and the write as one: a correction sent at the same moment waits, then sees this one
        Decision d = repo.one(Decision.class, file.id).orElseThrow(() -> FormRefused.notReady("decision_missing"));
        if (seen != null && !seen.isBlank() && !FormVersions.of(d.recordedAt).equals(seen.strip())) {
            throw FormRefused.notReady("changed_since_opened");
        }
        String why = CaseworkService.required(reason, "correction_reason");
        Decision corrected = new Decision();
        corrected.intakeId = file.id;
        boolean heavier = fill(corrected, file, number, decidedOn, measure, goodName, recoveryUntil, text, heavierReason);
        if (Objects.equals(d.decisionNumber, corrected.decisionNumber) && Objects.equals(d.decidedOn, corrected.decidedOn)
                && Objects.equals(d.sanctionMeasure, corrected.sanctionMeasure) && d.goodNameRestored == corrected.goodNameRestored
                && Objects.equals(d.recoveryUntil, corrected.recoveryUntil) && Objects.equals(d.text, corrected.text)
                && Objects.equals(d.heavierReason, corrected.heavierReason)) {
            throw FormRefused.invalid("correction_unchanged");
        }
        DecisionCorrection before = DecisionCorrection.of(d);
        before.reason = why;
        before.correctedById = who.id();
        before.correctedAt = Instant.now(clock);
        repo.persist(before);
        flagPlansForReview(file.id, !Objects.equals(d.sanctionMeasure, corrected.sanctionMeasure),
                !Objects.equals(d.recoveryUntil, corrected.recoveryUntil), before.correctedAt);
        d.decisionNumber = corrected.decisionNumber;
        d.decidedOn = corrected.decidedOn;
        d.sanctionTier = corrected.sanctionTier;
        d.sanctionMeasure = corrected.sanctionMeasure;
        d.goodNameRestored = corrected.goodNameRestored;
        d.recoveryUntil = corrected.recoveryUntil;
        d.text = corrected.text;
        d.heavierReason = corrected.heavierReason;
        d.recordedById = who.id();
        d.recordedBy = null;
        d.recordedAt = before.correctedAt;
        audit.record(who.getUsername(), AuditAction.DECISION, file.id,
                "tier:" + (d.sanctionTier == null ? "none" : d.sanctionTier) + (heavier ? " heavier" : "") + " corrected");
    }

    /**
     * A correction that changes the sanction flags the sanction's execution recorded under the old one (its programme,
     * institution, state and certificate may no longer fit), and one that changes the recovery period flags the recovery
     * plan: {@code reviewSince} set, shown on the SOP page beside the form, emptied when the counsellor saves the form
     * again; the case does not close as resolved meanwhile ({@link SopStepGuards}). Flagged rather than refused: the
     * decision is leadership's (SOP "Conclusion, recommendation, sanctions": sanctions are decided by the head of the
     * institution), so a wrong decree must stay correctable, and the plans follow it (SOP "Recovery": recovery runs for the
     * period the decision sets, with the victim's consent).
     */
    private void flagPlansForReview(long caseId, boolean sanctionChanged, boolean periodChanged, Instant at) {
        if (sanctionChanged) {
            repo.one(SanctionExecution.class, caseId).ifPresent(e -> e.reviewSince = at);
        }
        if (periodChanged) {
            repo.one(RecoveryPlan.class, caseId).ifPresent(p -> p.reviewSince = at);
        }
    }

    /** The decision's earlier versions, each with why it was corrected, oldest first; empty when never corrected. */
    public List<DecisionCorrection> corrections(long caseId) {
        return em.createQuery("from DecisionCorrection where intakeId = :id order by correctedAt, id", DecisionCorrection.class)
                .setParameter("id", caseId).getResultList();
    }

    /**
     * Fills {@code d} from the decision form, checked (SOP Pengenaan Sanksi 2 and 8-9): a number, readable dates not before
     * the report, the conclusion or the decision; a sanction only when proven; a heavier sanction than recommended only
     * with its reason. Returns whether it is heavier. 400 with the field's code otherwise.
     */
    private boolean fill(Decision d, CaseFile file, String number, String decidedOn, String measure, boolean goodName,
            String recoveryUntil, String text, String heavierReason) {
        Conclusion conclusion = repo.one(Conclusion.class, file.id).orElseThrow();
        if (number == null || number.isBlank() || FormText.limited(number, CaseworkService.MAX_SHORT) == null) {
            throw FormRefused.invalid("decision_number");
        }
        d.decisionNumber = number.strip();
        try {
            d.decidedOn = LocalDate.parse(decidedOn == null ? "" : decidedOn.trim());
            d.recoveryUntil = recoveryUntil == null || recoveryUntil.isBlank() ? null : LocalDate.parse(recoveryUntil.trim());
        } catch (DateTimeParseException e) {
            throw FormRefused.invalid("decided_on");
        }
        dates.notBeforeReceipt(dates.happened(d.decidedOn), file);
        DateRules.notBefore(d.decidedOn, dates.dayOf(conclusion.recordedAt), "conclusion");
        DateRules.notBefore(d.recoveryUntil, d.decidedOn, "decision");
        if ("proven".equals(conclusion.outcome)) {
            if (measure == null || !Vocabulary.ALL_MEASURES.contains(measure)) {
                throw FormRefused.invalid("sanction_measure");
            }
            if (!Vocabulary.fits(measure, repo.terlaporStatuses(file.id))) {
                throw FormRefused.invalid("sanction_not_for_status"); // SOP Pengenaan Sanksi 3: by who the terlapor is
            }
            d.sanctionMeasure = measure;
            d.sanctionTier = Vocabulary.tierOf(measure);
        } else {
            if (measure != null && !measure.isBlank()) {
                throw FormRefused.invalid("no_sanction_when_not_proven");
            }
            d.goodNameRestored = goodName;
        }
        d.text = CaseworkService.required(text, "decision_text");
        Optional<Recommendation> rec = repo.one(Recommendation.class, file.id);
        boolean heavier = rec.isPresent() && Vocabulary.weight(d.sanctionTier) > Vocabulary.weight(rec.get().sanctionTier);
        // SOP Pengenaan Sanksi 8-9: heavier than recommended only with the reason (e.g. the victim's disability, the impact,
        // the perpetrator's position), which the decision then shows
        d.heavierReason = heavier ? CaseworkService.required(heavierReason, "heavier_reason") : null;
        return heavier;
    }

    private CaseFile open(String ref, CurrentAccount who) {
        CaseFile file = cases.findByReference(ref).orElseThrow(() -> Refused.notFound("no such case"));
        if (!VISIBLE.contains(file.status) || repo.one(Conclusion.class, file.id).isEmpty()) {
            audit.recordRefusal(who.getUsername(), AuditAction.ACCESS_DENIED, file.id, "not_concluded");
            throw Refused.forbidden("not concluded");
        }
        if (repo.isConflicted(file.id, who.id())) {
            audit.recordRefusal(who.getUsername(), AuditAction.ACCESS_DENIED, file.id, ConflictOfInterest.CODE);
            throw Refused.forbidden(ConflictOfInterest.CODE);
        }
        return file;
    }

    private Item item(CaseFile file) {
        return item(file, repo.one(Conclusion.class, file.id).orElseThrow(), repo.one(Recommendation.class, file.id).orElse(null),
                repo.one(Decision.class, file.id).orElse(null), repo.one(RecoveryEnd.class, file.id).orElse(null), corrections(file.id),
                repo.terlaporStatuses(file.id));
    }

    private static Item item(CaseFile file, Conclusion conclusion, Recommendation recommendation, Decision decision, RecoveryEnd end) {
        return item(file, conclusion, recommendation, decision, end, List.of(), List.of());
    }

    private static Item item(CaseFile file, Conclusion conclusion, Recommendation recommendation, Decision decision, RecoveryEnd end,
            List<DecisionCorrection> corrections, List<String> terlaporStatuses) {
        return new Item(file.referenceCode, file.status, conclusion, recommendation, decision, file.isDeleted(),
                end == null ? null : new RecoveryEnded(end.endedOn, end.reason), corrections, terlaporStatuses, file);
    }
}
