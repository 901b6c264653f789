package id.ruangaman.inbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CaseFileRepository implements PanacheRepository<CaseFile> {

    public Optional<CaseFile> findByReference(String referenceCode) {
        if (referenceCode == null || referenceCode.length() > 16) {
            return Optional.empty();
        }
        return find("referenceCode", referenceCode).firstResultOptional();
    }
}
