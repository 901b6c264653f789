package id.ruangaman.referral;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import id.ruangaman.inbox.AuditNames;

/**
 * Providers and referrals in the audit log by name (walkthrough 9, finding 17): {@code provider:4} is the provider's
 * name, {@code referral:1} and {@code referral_letter:1} the name of the provider it goes to.
 */
@ApplicationScoped
class ReferralAuditNames implements AuditNames {

    private final EntityManager em;

    ReferralAuditNames(EntityManager em) {
        this.em = em;
    }

    @Override
    public Map<String, String> names(Map<String, Set<Long>> ids) {
        Map<String, String> names = new HashMap<>();
        Set<Long> referrals = new TreeSet<>();
        referrals.addAll(ids.getOrDefault("referral", Set.of()));
        referrals.addAll(ids.getOrDefault("referral_letter", Set.of()));
        if (!referrals.isEmpty()) {
            for (Object[] row : rows("select r.id, p.name from Referral r, Provider p where p.id = r.providerId and r.id in :ids", referrals)) {
                names.put("referral:" + row[0], (String) row[1]);
                names.put("referral_letter:" + row[0], (String) row[1]);
            }
        }
        if (ids.containsKey("provider")) {
            for (Object[] row : rows("select p.id, p.name from Provider p where p.id in :ids", ids.get("provider"))) {
                names.put("provider:" + row[0], (String) row[1]);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String jpql, Set<Long> ids) {
        return em.createQuery(jpql).setParameter("ids", ids).getResultList();
    }
}
