package id.ruangaman.casework;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;

import id.ruangaman.inbox.AuditNames;
import id.ruangaman.inbox.InboxFormat;
import id.ruangaman.inbox.Labels;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The parties and interviews of a case in the audit log by what they are, never by id (inbox fixes, finding 3):
 * {@code party:12} is the party's role and when it was added ("Terlapor, 2026-12-01 07:50 WIB"), {@code interview:7}
 * the interviewee's role and when the interview was held. Roles in the reader's language (the SOP bundle's
 * {@code party_role_of}); never a party's name, which is the case's sensitive data.
 */
@RequestScoped
class CaseworkAuditNames implements AuditNames {

    private final EntityManager em;
    private final InboxFormat fmt;
    private final Labels labels;

    CaseworkAuditNames(EntityManager em, InboxFormat fmt, Labels labels) {
        this.em = em;
        this.fmt = fmt;
        this.labels = labels;
    }

    @Override
    public Map<String, String> names(Map<String, Set<Long>> ids) {
        Map<String, String> names = new HashMap<>();
        if (!ids.containsKey("party") && !ids.containsKey("interview")) {
            return names;
        }
        CaseworkMessages sop = "en".equals(labels.language()) ? MessageBundles.get(CaseworkMessages.class, Localized.Literal.of("en"))
                : MessageBundles.get(CaseworkMessages.class);
        if (ids.containsKey("party")) {
            for (Object[] row : rows("select p.id, p.role, p.createdAt from Party p where p.id in :ids", ids.get("party"))) {
                names.put("party:" + row[0], sop.party_role_of((String) row[1]) + ", " + fmt.at((Instant) row[2]));
            }
        }
        if (ids.containsKey("interview")) {
            for (Object[] row : rows("select i.id, p.role, i.heldAt from Interview i, Party p where p.id = i.partyId and i.id in :ids",
                    ids.get("interview"))) {
                names.put("interview:" + row[0], sop.party_role_of((String) row[1]) + ", " + fmt.at((Instant) row[2]));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String jpql, Set<Long> ids) {
        return em.createQuery(jpql).setParameter("ids", ids).getResultList();
    }
}
