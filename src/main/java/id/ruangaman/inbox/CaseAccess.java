package id.ruangaman.inbox;

import id.ruangaman.web.Refused;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.security.CurrentAccount;

/**
 * Every case lookup goes through here: not found → 404; a counsellor on a case assigned to someone
 * else → 403, audited. Coordinators see every case. Every {@link CaseAccessRule} (a conflict of interest) may
 * refuse anyone, coordinators too: 403, audited with the rule's code; and lists leave such cases out
 * ({@link #visibleTo}, {@link #hiddenFrom}).
 */
@ApplicationScoped
public class CaseAccess {

    private final CaseFileRepository cases;
    private final AuditLog audit;
    @Inject
    Instance<CaseAccessRule> rules;

    private final EntityManager em;

    CaseAccess(CaseFileRepository cases, AuditLog audit, EntityManager em) {
        this.cases = cases;
        this.audit = audit;
        this.em = em;
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

    /**
     * The SQL condition, true when the account may see the case in a list: every {@link CaseAccessRule} as SQL
     * (a conflicted account sees nothing of the case). The assignment rule stays with each list's own filter.
     *
     * @param caseId the SQL expression of the case's {@code intake.id}
     * @param accountId the SQL expression of the viewer's account id (a placeholder, or a number)
     */
    public String visibleTo(String caseId, String accountId) {
        StringBuilder where = new StringBuilder("true");
        for (CaseAccessRule rule : rules) {
            where.append(" and not ").append(rule.refusedWhere(caseId, accountId));
        }
        return where.toString();
    }

    /** Of these cases, the ones the account may not see in a list (one statement); for lists built in Java. */
    @SuppressWarnings("unchecked")
    public Set<Long> hiddenFrom(Collection<Long> caseIds, long accountId) {
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        List<Number> hidden = em.createNativeQuery("select i.id from intake i where i.id in (:ids) and not ("
                + visibleTo("i.id", ":account") + ")").setParameter("ids", caseIds).setParameter("account", accountId)
                .getResultList();
        return hidden.stream().map(Number::longValue).collect(Collectors.toSet());
    }

    static boolean mayOpen(CaseFile file, CurrentAccount who) {
        return who.isCoordinator() || file.assigneeId == null || file.assigneeId == who.id();
    }
}
