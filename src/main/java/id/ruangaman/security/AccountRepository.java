package id.ruangaman.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class AccountRepository implements PanacheRepository<Account> {

    public Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public List<Account> allByName() {
        return list("order by username");
    }

    public List<Account> activeByName() {
        return list("active = true order by username");
    }

    /** Active accounts that work cases ({@link Role#worksCases}), by name: the choices for assigning a case. */
    public List<Account> caseworkersByName() {
        return list("active = true and role in ?1 order by username", List.of(Role.COUNSELLOR, Role.COORDINATOR));
    }

    /**
     * How many accounts are active coordinators, their rows locked ({@code FOR UPDATE}, in id order) until the transaction
     * ends, so two coordinators who deactivate or demote each other at the same moment cannot both pass the
     * last-coordinator check: the second waits for the first and then counts what the first left. Call it before any
     * other account row is locked or loaded in the transaction ({@link #lockForChange}), so every account change takes
     * its locks in the same order. In the caller's transaction.
     */
    public int lockActiveCoordinators() {
        return find("active = true and role = ?1 order by id", Role.COORDINATOR).withLock(LockModeType.PESSIMISTIC_WRITE).list().size();
    }

    /**
     * The account, read again from the database and its row locked ({@code FOR UPDATE}) until the transaction ends, for a
     * change whose check reads other rows (its role, its active state, its open cases): a case assigned to it at the same
     * moment ({@link #lockAssignee}) waits for the change, or the change waits for the assignment and then counts it.
     * Read again, so what an earlier read of the same transaction saw is not written back over a change that came in
     * between. Null when there is no such account.
     */
    public Account lockForChange(long id) {
        Account account = findById(id);
        if (account != null) {
            getEntityManager().refresh(account, LockModeType.PESSIMISTIC_WRITE);
        }
        return account;
    }

    /** An account's state as a case assignment checks it: whether it is active, and its {@link Role}. */
    public record AssigneeState(boolean active, String role) {
    }

    /**
     * The account's active state and role for giving it a case, read with its row share-locked ({@code FOR SHARE}) until
     * the transaction ends, so it cannot be deactivated or made Pimpinan between this check and the assignment's commit:
     * that change waits for the commit and then sees the case ({@link #lockForChange}), or is done first and read here.
     * Null when there is no such account. In the caller's transaction.
     */
    public AssigneeState lockAssignee(long id) {
        List<?> rows = getEntityManager().createNativeQuery("select active, role from account where id = ?1 for share")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new AssigneeState((Boolean) row[0], (String) row[1]);
    }

    /** How many cases not closed have the account as their assignee. */
    public long openCasesAssigned(long accountId) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from intake where assignee_id = ?1 and status <> 'closed'")
                .setParameter(1, accountId).getSingleResult()).longValue();
    }

    /**
     * The account's open cases (every status but closed) back to the unassigned queue, each marked as returned from it
     * ({@code intake.returned_from}), for its deactivation; closed cases keep their assignee. The cases' rows are locked
     * ({@code FOR UPDATE}, in id order) first. Returns their ids, in id order. In the caller's transaction, after
     * {@link #lockForChange} of the same account, so an assignment to it at the same moment has either committed (and its
     * case is returned here) or waits and is refused.
     */
    @SuppressWarnings("unchecked")
    public List<Long> returnOpenCases(long accountId) {
        List<Number> rows = getEntityManager().createNativeQuery(
                "select id from intake where assignee_id = ?1 and status <> 'closed' order by id for update")
                .setParameter(1, accountId).getResultList();
        List<Long> ids = rows.stream().map(Number::longValue).toList();
        if (!ids.isEmpty()) {
            getEntityManager().createNativeQuery("update intake set assignee_id = null, returned_from = ?1 where id in (?2)")
                    .setParameter(1, accountId).setParameter(2, ids).executeUpdate();
        }
        return ids;
    }

    /**
     * Per account id, how many of the open cases its deactivation returned still wait unassigned; accounts with none are
     * absent.
     */
    @SuppressWarnings("unchecked")
    public java.util.Map<Long, Long> returnedCasesWaiting() {
        java.util.Map<Long, Long> waiting = new java.util.HashMap<>();
        for (Object[] row : (List<Object[]>) getEntityManager().createNativeQuery("select returned_from, count(*) from intake "
                + "where returned_from is not null and assignee_id is null and status <> 'closed' group by returned_from").getResultList()) {
            waiting.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return waiting;
    }
}
