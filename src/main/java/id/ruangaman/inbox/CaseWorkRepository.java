package id.ruangaman.inbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Checklist ticks and notes of a case. */
@ApplicationScoped
class CaseWorkRepository {

    private final EntityManager em;

    CaseWorkRepository(EntityManager em) {
        this.em = em;
    }

    public List<CaseCheck> checks(long intakeId) {
        return em.createQuery("from CaseCheck where intakeId = :id", CaseCheck.class).setParameter("id", intakeId).getResultList();
    }

    public CaseCheck check(long intakeId, String component) {
        CaseCheck.Key key = new CaseCheck.Key();
        key.intakeId = intakeId;
        key.component = component;
        return em.find(CaseCheck.class, key);
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    /** The verification findings of a case, one per part that has one. */
    public List<VerificationFinding> findings(long intakeId) {
        return em.createQuery("from VerificationFinding where intakeId = :id", VerificationFinding.class).setParameter("id", intakeId)
                .getResultList();
    }

    public List<CaseNote> notes(long intakeId) {
        return em.createQuery("from CaseNote where intakeId = :id order by createdAt", CaseNote.class).setParameter("id", intakeId)
                .getResultList();
    }
}
