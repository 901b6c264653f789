package id.ruangaman.inbox;

import java.util.List;
import java.util.Optional;

/**
 * A rule a status change must pass beyond the workflow table, contributed by a later stage's feature (so the inbox
 * never depends on it). Called inside the status change's transaction.
 */
public interface CaseStepGuard {

    /**
     * @param file   the case, before the change
     * @param to     the status asked for (a {@link CaseStatus} value)
     * @param reason the closing reason, or null
     * @return a refusal code (lower-case, shown as a label and written to the audit row), or empty to allow
     */
    Optional<String> refusal(CaseFile file, String to, String reason);

    /**
     * Every refusal code this guard has for the change, in the order the work is done (a step that needs a meeting
     * and a letter names both); empty to allow. The default is {@link #refusal}'s one code.
     */
    default List<String> refusals(CaseFile file, String to, String reason) {
        return refusal(file, to, reason).map(List::of).orElse(List.of());
    }
}
