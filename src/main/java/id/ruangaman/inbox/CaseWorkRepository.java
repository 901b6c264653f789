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

    /** Whether part 3's finding names the documents/evidence examined (what ticking part 3 needs). */
    public boolean evidenceExamined(long intakeId) {
        CaseCheck.Key key = new CaseCheck.Key();
        key.intakeId = intakeId;
        key.component = VerificationFinding.EVIDENCE;
        VerificationFinding f = em.find(VerificationFinding.class, key);
        return f != null && f.examined != null && !f.examined.isBlank();
    }

    public List<CaseNote> notes(long intakeId) {
        return em.createQuery("from CaseNote where intakeId = :id order by createdAt", CaseNote.class).setParameter("id", intakeId)
                .getResultList();
    }
}
