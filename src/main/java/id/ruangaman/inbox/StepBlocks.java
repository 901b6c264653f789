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
 * SOP's {@link CaseStepGuard}s), the same checks as a move; closing (which needs a reason) and open steps are left out.
 * The case page and the SOP page show these beside their stage buttons.
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
                continue;
            }
            List<String> codes = new ArrayList<>();
            if (CaseStatus.VERIFIED.equals(next) && !ticked.containsAll(VerificationComponent.ALL)) {
                codes.add("checklist_incomplete");
            }
            for (CaseStepGuard guard : guards) {
                guard.refusal(file, next, null).ifPresent(codes::add);
            }
            if (!codes.isEmpty()) {
                blocked.put(next, List.copyOf(codes));
            }
        }
        return blocked;
    }
}
