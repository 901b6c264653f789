package id.ruangaman.inbox;

import java.util.Optional;

import id.ruangaman.security.CurrentAccount;

/**
 * An extra condition for opening a case (for example a conflict of interest), contributed by another feature. A
 * refusal is audited and answered 403 by {@link CaseAccess}.
 */
public interface CaseAccessRule {

    /** @return a refusal code for the audit row, or empty to allow */
    Optional<String> refusal(CaseFile file, CurrentAccount who);
}
