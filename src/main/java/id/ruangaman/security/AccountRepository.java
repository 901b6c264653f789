package id.ruangaman.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

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
     * How many accounts are active coordinators, their rows locked until the transaction ends, so two coordinators who
     * change each other's role at the same moment cannot both pass the last-coordinator check. In the caller's transaction.
     */
    public int lockActiveCoordinators() {
        return find("active = true and role = ?1", Role.COORDINATOR).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list().size();
    }

    /** How many cases not closed have the account as their assignee. */
    public long openCasesAssigned(long accountId) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from intake where assignee_id = ?1 and status <> 'closed'")
                .setParameter(1, accountId).getSingleResult()).longValue();
    }
}
