package id.ruangaman.casework;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import id.ruangaman.inbox.CaseFile;
import id.ruangaman.referral.Provider;
import id.ruangaman.security.Account;

/**
 * Everything the casework page shows, decrypted in one transaction. {@code values} holds each form field's current
 * value: what is stored, overlaid by what a refused form submitted (so nothing typed is lost).
 */
public record CaseworkView(CaseFile file, CaseStage stage, Integer examinationDaysLeft, Assessment assessment,
        List<LimitedMeeting> meetings, AssignmentLetter letter, List<Party> parties, List<Interview> interviews,
        Conclusion conclusion, Recommendation recommendation, Decision decision, SanctionExecution execution, RecoveryPlan recovery,
        RecoveryEnd recoveryEnd, List<Provider> recoveryProviders, List<RecoveryCheckin> checkins, List<Account> accounts, List<Account> conflicted,
        List<TimelineEntry> timeline, List<String> nextStatuses, List<Provider> directory, Map<String, String> values,
        String refusal, String refusedForm, Map<String, List<String>> blockedSteps, Map<String, String> closedForms,
        List<SummonsNumbers.Issued> summonses) {

    /** The summonses numbered for an examination, oldest first: the replaced ones (rescheduled) and the one in force. */
    public List<SummonsNumbers.Issued> summonsesOf(Long interviewId) {
        return summonses.stream().filter(s -> interviewId != null && s.interviewId() == interviewId).toList();
    }

    /**
     * Why the form {@code form} is not open yet (a refusal code: the step that must come first, {@link SopStepGuards#notOpen}),
     * or null when it is open. Said above the form, whose fields are disabled, before anyone types.
     */
    public String notOpen(String form) {
        return closedForms.get(form);
    }

    /**
     * Whether the form's fields are shown disabled: it is not open yet, and it is not the form just refused (a stale
     * page's post: what was typed stays editable, beside the refusal, so it can be copied or kept for later).
     */
    public boolean fieldsOff(String form) {
        return notOpen(form) != null && !refused(form);
    }

    /**
     * The rapat terbatas the examination rests on: the latest where the victim chose the examination (SOP
     * Pemeriksaan/Verifikasi 5; {@link SopStepGuards} opens the examination on it); null when none did.
     */
    public LimitedMeeting examinationMeeting() {
        LimitedMeeting found = null;
        for (LimitedMeeting m : meetings) {
            if ("examination".equals(m.victimChoice)) {
                found = m;
            }
        }
        return found;
    }

    /** The accounts offered for a meeting's attendees and the examination team: those that work cases, not leadership. */
    public List<Account> caseworkers() {
        return accounts.stream().filter(a -> id.ruangaman.security.Role.worksCases(a.role)).toList();
    }

    /** The campus statuses of the case's terlapor, each once; empty while none is recorded. */
    public List<String> terlaporStatuses() {
        return parties.stream().filter(p -> "terlapor".equals(p.role)).map(p -> p.campusStatus).distinct().toList();
    }

    /**
     * Whether the recommended sanction no longer fits the terlapor's campus status as recorded now (a party corrected
     * after the recommendation, SOP Pengenaan Sanksi 3): the pimpinan cannot decide it ({@link Vocabulary#fits}).
     */
    public boolean recommendationUnfit() {
        return recommendation != null && recommendation.sanctionMeasure != null
                && !Vocabulary.fits(recommendation.sanctionMeasure, terlaporStatuses());
    }

    /** The sanction measures of a tier that fit the terlapor's campus status (SOP Pengenaan Sanksi 3, {@link Vocabulary#measuresFor}). */
    public List<String> measures(String tier) {
        List<String> fitting = Vocabulary.measuresFor(terlaporStatuses());
        return Vocabulary.MEASURES.getOrDefault(tier, List.of()).stream().filter(fitting::contains).toList();
    }

    /**
     * The leadership (pimpinan) accounts, offered apart from the task force's members when a party is linked to their
     * account: the pimpinan may be a party, but is never shown as a task-force member.
     */
    public List<Account> leaders() {
        return accounts.stream().filter(a -> id.ruangaman.security.Role.PIMPINAN.equals(a.role)).toList();
    }

    /**
     * Why a next status would be refused now (the case page's hint): refusal codes, empty when the step is open. For
     * closing, {@code closed:<reason>} ({@code closed:resolved}): what closing with that reason needs.
     */
    public List<String> blockedBy(String next) {
        return blockedSteps.getOrDefault(next, List.of());
    }

    /**
     * One row of the case timeline: a workflow step or an SOP record, from the audit log (codes only); {@code actorAccount}
     * the actor's account (V206), null for a system actor or a username that named no account.
     */
    /**
     * One line of the case's history. {@code choice} and {@code consentBy}: a rapat terbatas's path chosen and who
     * consented to it (codes, from its audit detail), null for other lines and for a meeting recorded without them.
     */
    public record TimelineEntry(Instant at, String actor, Long actorAccount, String action, String from, String to, String choice,
            String consentBy) {
    }

    /** The current value of a form field, "" when none. */
    public String v(String key) {
        String value = values.get(key);
        return value == null ? "" : value;
    }

    /** Whether a multi-valued field (comma-separated) holds {@code code}. */
    public boolean has(String key, String code) {
        return Arrays.asList(v(key).split(",")).contains(code);
    }

    public boolean hasId(String key, Long id) {
        return id != null && has(key, id.toString());
    }

    /** Comma-separated account names as "a, b". */
    public String names(String csv) {
        return csv == null ? "" : csv.replace(",", ", ");
    }

    /** The SOP page's forms that say their own refusal beside them (an open case's page shows them all). */
    private static final java.util.Set<String> SAY_THEIR_REFUSAL = java.util.Set.of("assessment", "findings", "meeting", "letter",
            "party", "interview", "conclusion", "recommendation", "execution", "certificate", "recovery", "checkin", "recovery-end");

    /**
     * Whether the refusal is said at the top of the page: only when the refused form is not on the page to say it beside
     * (a closed or erased case, the status form's own refusal, an interview that is gone). A refusal is said once.
     */
    public boolean refusalAtTop() {
        if (refusal == null) {
            return false;
        }
        if ("conflict".equals(refusedForm)) {
            return file.isDeleted();
        }
        if (file.isDeleted() || id.ruangaman.inbox.CaseStatus.CLOSED.equals(file.status) || refusedForm == null) {
            return true;
        }
        if (refusedForm.startsWith("party-")) { // said in the party's row, unless the party is gone
            String id = refusedForm.substring(refusedForm.indexOf('-') + 1);
            return parties.stream().noneMatch(p -> String.valueOf(p.id).equals(id));
        }
        if (refusedForm.startsWith("minutes-") || refusedForm.startsWith("attachment-") || refusedForm.startsWith("reschedule-")) {
            String id = refusedForm.substring(refusedForm.indexOf('-') + 1);
            return interviews.stream().noneMatch(i -> String.valueOf(i.id).equals(id));
        }
        return !SAY_THEIR_REFUSAL.contains(refusedForm);
    }

    public boolean refusedAt(String form, Long id) {
        return refused(form + "-" + id);
    }

    public boolean refused(String form) {
        return refusal != null && form.equals(refusedForm);
    }

    /**
     * A party's field ({@code party_role}, {@code party_name}, {@code campus_status}) as its row's edit form shows it: what
     * was typed when that form was refused, else what is stored.
     */
    public String partyField(Party p, String field) {
        if (refused("party-" + p.id)) {
            return v(field + "_" + p.id);
        }
        return switch (field) {
            case "party_role" -> p.role;
            case "party_name" -> p.name;
            case "campus_status" -> p.campusStatus;
            default -> "";
        };
    }

    public Party party(Long id) {
        return parties.stream().filter(p -> p.id.equals(id)).findFirst().orElse(null);
    }

    public Provider provider(Long id) {
        return recoveryProviders.stream().filter(p -> p.id.equals(id)).findFirst().orElse(null);
    }

    public List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    public boolean heavier() {
        return decision != null && recommendation != null
                && Vocabulary.weight(decision.sanctionTier) > Vocabulary.weight(recommendation.sanctionTier);
    }

    /** The examination's forms are offered: the case is in its examination and the victim's latest path is still the examination. */
    public boolean mayExamine() {
        return "in_examination".equals(file.status) && !"victim_did_not_choose_examination".equals(notOpen("interview"));
    }
}
