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

    /**
     * When the case was last returned to the queue from the account: its audit row's time (a deactivation,
     * {@code AccountService#setActive}, or V256 for accounts inactive before V250; detail
     * {@code assignee:none inactive account:<id>}). Null when no such row exists.
     */
    public java.time.Instant returnedAt(long intakeId, long accountId) {
        List<?> at = em.createNativeQuery("select max(at) from audit_event where intake_id = ?1 and action = 'assign' and detail = ?2")
                .setParameter(1, intakeId).setParameter(2, "assignee:none inactive account:" + accountId).getResultList();
        return at.isEmpty() ? null : id.ruangaman.database.DbTimes.instant(at.get(0));
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
