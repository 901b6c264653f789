package id.ruangaman.security;

import java.util.List;

/**
 * Fired in the transaction of a deactivation that returned open cases to the unassigned queue
 * ({@link AccountService#setActive}): the cases' ids, in id order, never empty. The inbox records a case event for each,
 * so open lists (the returned view) refresh when it commits.
 */
public record CasesReturned(List<Long> intakeIds) {
}
