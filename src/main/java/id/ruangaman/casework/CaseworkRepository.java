package id.ruangaman.casework;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Reads and writes the casework rows of a case. */
@ApplicationScoped
class CaseworkRepository {

    private final EntityManager em;

    CaseworkRepository(EntityManager em) {
        this.em = em;
    }

    public <T> Optional<T> one(Class<T> type, long intakeId) {
        return Optional.ofNullable(em.find(type, intakeId));
    }

    public <T> T find(Class<T> type, long id) {
        return em.find(type, id);
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public List<Party> parties(long intakeId) {
        return em.createQuery("from Party where intakeId = :id order by id", Party.class).setParameter("id", intakeId).getResultList();
    }

    public List<Interview> interviews(long intakeId) {
        return em.createQuery("from Interview where intakeId = :id order by heldAt, id", Interview.class).setParameter("id", intakeId)
                .getResultList();
    }

    public List<LimitedMeeting> meetings(long intakeId) {
        return em.createQuery("from LimitedMeeting where intakeId = :id order by heldOn, id", LimitedMeeting.class)
                .setParameter("id", intakeId).getResultList();
    }

    public List<RecoveryCheckin> checkins(long intakeId) {
        return em.createQuery("from RecoveryCheckin where intakeId = :id order by checkedOn, id", RecoveryCheckin.class)
                .setParameter("id", intakeId).getResultList();
    }

    public boolean isConflicted(long intakeId, long accountId) {
        return !em.createNativeQuery("select 1 from case_conflict where intake_id = ?1 and account_id = ?2")
                .setParameter(1, intakeId).setParameter(2, accountId).getResultList().isEmpty();
    }

    /** Marks the account conflicted for the case; false when it already was. */
    public boolean markConflict(long intakeId, long accountId, String source, String by, Instant at) {
        return em.createNativeQuery("insert into case_conflict (intake_id, account_id, source, marked_by, marked_at) "
                + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing").setParameter(1, intakeId).setParameter(2, accountId)
                .setParameter(3, source).setParameter(4, by).setParameter(5, at).executeUpdate() == 1;
    }

    /** Account ids conflicted for the case. */
    public List<Long> conflictedAccounts(long intakeId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select account_id from case_conflict where intake_id = ?1 order by account_id")
                .setParameter(1, intakeId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Removes everything written about the case's people (the reporter erased their data). */
    public int eraseContent(long intakeId) {
        int n = 0;
        for (String table : List.of("case_interview", "case_party", "case_assessment", "case_meeting", "case_assignment_letter",
                "case_conclusion", "case_recommendation", "case_decision", "case_sanction_execution", "case_recovery_checkin",
                "case_recovery_plan")) {
            n += em.createNativeQuery("delete from " + table + " where intake_id = ?1").setParameter(1, intakeId).executeUpdate();
        }
        return n;
    }
}
