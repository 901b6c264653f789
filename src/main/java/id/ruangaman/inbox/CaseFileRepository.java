package id.ruangaman.inbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CaseFileRepository implements PanacheRepository<CaseFile> {

    /**
     * The case {@code referenceCode} names, read as a person types it ({@link CaseReference#of}: any case, spaces around).
     *
     * @throws id.ruangaman.web.Refused 400 when it is not shaped like a reference, before any query
     */
    public Optional<CaseFile> findByReference(String referenceCode) {
        return find("referenceCode", CaseReference.of(referenceCode)).firstResultOptional();
    }
}
