package id.ruangaman.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * What would refuse each next stage of a case now: next status → refusal codes (the verification checklist, then the
 * SOP's {@link CaseStepGuard}s), the same checks as a move; closing, which needs a reason, as {@code closed:<reason>}
 * for each {@link CaseStatus#CLOSE_REASONS} a guard refuses now (e.g. {@code closed:resolved} → the sanction or the
 * recovery still open). Open steps are left out. The case page and the SOP page show these beside their stage buttons
 * and the close form, so a hint and a refusal come from one rule.
 */
@ApplicationScoped
public class StepBlocks {

    private final CaseWorkRepository work;
    private final Instance<CaseStepGuard> guards;

    StepBlocks(CaseWorkRepository work, Instance<CaseStepGuard> guards) {
        this.work = work;
        this.guards = guards;
    }

    /** For a case whose ticked checklist components are read from the database. */
    public Map<String, List<String>> of(CaseFile file) {
        return of(file, work.checks(file.id).stream().map(c -> c.component).collect(Collectors.toSet()));
    }

    Map<String, List<String>> of(CaseFile file, Set<String> ticked) {
        Map<String, List<String>> blocked = new LinkedHashMap<>();
        if (file.isDeleted()) {
            return blocked;
        }
        for (String next : CaseStatus.next(file.status)) {
            if (CaseStatus.CLOSED.equals(next)) {
                for (String reason : CaseStatus.CLOSE_REASONS) {
                    List<String> codes = refusals(file, next, reason, ticked);
                    if (!codes.isEmpty()) {
                        blocked.put(next + ":" + reason, codes);
                    }
                }
                continue;
            }
            List<String> codes = refusals(file, next, null, ticked);
            if (!codes.isEmpty()) {
                blocked.put(next, codes);
            }
        }
        return blocked;
    }

    /**
     * Everything that refuses moving {@code file} to {@code to} now (a move and the stage buttons' hints use this one
     * list): the verification checklist, then each {@link CaseStepGuard}'s codes; empty when the step is open.
     *
     * @param reason the closing reason, or null
     * @param ticked the checklist components ticked
     */
    List<String> refusals(CaseFile file, String to, String reason, Set<String> ticked) {
        List<String> codes = new ArrayList<>();
        if (CaseStatus.VERIFIED.equals(to) && !ticked.containsAll(VerificationComponent.ALL)) {
            codes.add("checklist_incomplete");
        }
        for (CaseStepGuard guard : guards) {
            codes.addAll(guard.refusals(file, to, reason));
        }
        return List.copyOf(codes);
    }

    /** {@link #refusals(CaseFile, String, String, Set)} with the ticked components read from the database. */
    List<String> refusals(CaseFile file, String to, String reason) {
        return refusals(file, to, reason, work.checks(file.id).stream().map(c -> c.component).collect(Collectors.toSet()));
    }
}
