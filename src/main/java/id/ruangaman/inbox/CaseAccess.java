package id.ruangaman.inbox;

import id.ruangaman.web.Refused;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.security.CurrentAccount;

/**
 * Every case lookup goes through here: not found → 404; a counsellor on a case assigned to someone
 * else → 403, audited. Coordinators see every case. Every {@link CaseAccessRule} (a conflict of interest) may
 * refuse anyone, coordinators too: 403, audited with the rule's code.
 */
@ApplicationScoped
public class CaseAccess {

    private final CaseFileRepository cases;
    private final AuditLog audit;
    @Inject
    Instance<CaseAccessRule> rules;

    CaseAccess(CaseFileRepository cases, AuditLog audit) {
        this.cases = cases;
        this.audit = audit;
    }

    public CaseFile open(String referenceCode, CurrentAccount who) {
        CaseFile file = cases.findByReference(referenceCode).orElseThrow(() -> Refused.notFound("no such case"));
        if (!mayOpen(file, who)) {
            audit.recordRefusal(who.getUsername(), AuditAction.ACCESS_DENIED, file.id, "case");
            throw Refused.forbidden("not your case");
        }
        for (CaseAccessRule rule : rules) {
            Optional<String> refusal = rule.refusal(file, who);
            if (refusal.isPresent()) {
                audit.recordRefusal(who.getUsername(), AuditAction.ACCESS_DENIED, file.id, refusal.get());
                throw Refused.forbidden(refusal.get());
            }
        }
        return file;
    }

    static boolean mayOpen(CaseFile file, CurrentAccount who) {
        return who.isCoordinator() || file.assigneeId == null || file.assigneeId == who.id();
    }
}
