package id.ruangaman.intake;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Submitted intakes. */
@ApplicationScoped
public class IntakeRepository implements PanacheRepository<Intake> {

    public Optional<Intake> findByReferenceCode(String code) {
        return find("referenceCode", code).firstResultOptional();
    }
}
