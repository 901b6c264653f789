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
}
