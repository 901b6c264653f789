package id.ruangaman.intake;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Submitted intakes. */
@ApplicationScoped
public class IntakeRepository implements PanacheRepository<Intake> {

    public Optional<Intake> findByReferenceCode(String code) {
        return find("referenceCode", code).firstResultOptional();
    }

    /**
     * The id of the case {@code code} names while it can take a thread's messages: it exists, has a contact, and was not
     * erased by the reporter. Reads the id only (no answers to decrypt).
     */
    public Optional<Long> threadCaseId(String code) {
        return getEntityManager().createQuery("select i.id from Intake i where i.referenceCode = ?1 "
                + "and i.deletedByReporterAt is null and i.contactId is not null", Long.class)
                .setParameter(1, code).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * The case a transcript line belongs to, unless the reporter erased it: {@code intakeId} when the line was filed
     * under a case, else the report of {@code contactId} that took over the line's {@code conversation} number.
     */
    public Optional<Long> liveCaseOf(Long intakeId, long contactId, int conversation) {
        return caseOf(intakeId, contactId, conversation, "");
    }

    /**
     * The open case a quoted line belongs to ({@link #liveCaseOf}, and its status not {@code closed}): where a reply to
     * that line is filed. Reads the id only.
     */
    public Optional<Long> openCaseOf(Long intakeId, long contactId, int conversation) {
        return caseOf(intakeId, contactId, conversation, " and i.status <> 'closed'");
    }

    private Optional<Long> caseOf(Long intakeId, long contactId, int conversation, String andAlso) {
        var query = intakeId != null
                ? getEntityManager().createQuery("select i.id from Intake i where i.id = ?1 and i.deletedByReporterAt is null"
                        + andAlso, Long.class).setParameter(1, intakeId)
                : getEntityManager().createQuery("select i.id from Intake i where i.contactId = ?1 and i.conversation = ?2 "
                        + "and i.deletedByReporterAt is null" + andAlso, Long.class).setParameter(1, contactId).setParameter(2, conversation);
        return query.setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Reference codes of the open reports (status not {@code closed}, not erased by the reporter) made from the same
     * contact as the report {@code code}, newest first; empty if that report is unknown or erased.
     */
    public List<String> openReportsOfSameReporter(String code) {
        return findByReferenceCode(code).filter(intake -> intake.contactId != null)
                .map(intake -> find("contactId = ?1 and deletedByReporterAt is null and status <> 'closed' order by receivedAt desc, id desc",
                        intake.contactId).stream().map(open -> open.referenceCode).toList())
                .orElse(List.of());
    }
}
