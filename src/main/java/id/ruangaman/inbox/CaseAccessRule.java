package id.ruangaman.inbox;

import java.util.Optional;

import id.ruangaman.security.CurrentAccount;

/**
 * An extra condition for opening a case (for example a conflict of interest), contributed by another feature. A
 * refusal is audited and answered 403 by {@link CaseAccess}. A case a rule refuses an account is also left out of
 * everything that lists cases to that account ({@link CaseAccess#visibleTo}): the case list, its search, filters
 * and counts, the live events, the referral overview, the leadership list and the audit log.
 */
public interface CaseAccessRule {

    /** @return a refusal code for the audit row, or empty to allow */
    Optional<String> refusal(CaseFile file, CurrentAccount who);

    /**
     * The same rule as SQL, for lists: a condition that is true when the rule refuses the account the case.
     *
     * @param caseId the SQL expression of the case's {@code intake.id} (a column, such as {@code i.id})
     * @param accountId the SQL expression of the account's id (a parameter placeholder or a number)
     */
    String refusedWhere(String caseId, String accountId);
}
