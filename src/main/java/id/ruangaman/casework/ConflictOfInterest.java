package id.ruangaman.casework;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.inbox.CaseAccessRule;
import id.ruangaman.inbox.CaseFile;
import id.ruangaman.security.CurrentAccount;

/**
 * An account marked conflicted for a case (a party who is a task-force member, or marked by a coordinator) cannot
 * open it: every page, print, transcript and evidence of the case answer 403 (a browser sees the inbox's page
 * saying why, nothing about the case) and the attempt is audited ({@code access_denied}, detail
 * {@code conflict_of_interest}); no list shows the case to it ({@link #refusedWhere}). The SOP lists a perpetrator who is a task-force
 * member as a ground for a heavier sanction (Pengenaan Sanksi 9.c); the team must never handle its own case.
 */
@ApplicationScoped
class ConflictOfInterest implements CaseAccessRule {

    static final String CODE = "conflict_of_interest";
    private final CaseworkRepository repo;

    ConflictOfInterest(CaseworkRepository repo) {
        this.repo = repo;
    }

    @Override
    public Optional<String> refusal(CaseFile file, CurrentAccount who) {
        return who.isLoggedIn() && repo.isConflicted(file.id, who.id()) ? Optional.of(CODE) : Optional.empty();
    }

    @Override
    public String refusedWhere(String caseId, String accountId) {
        return "exists (select 1 from case_conflict cc where cc.intake_id = " + caseId + " and cc.account_id = " + accountId + ")";
    }
}
