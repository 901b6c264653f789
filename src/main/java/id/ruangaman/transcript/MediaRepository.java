package id.ruangaman.transcript;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Uploaded evidence. */
@ApplicationScoped
public class MediaRepository implements PanacheRepository<Media> {

    /** Marks uploads as kept evidence of a case (a file sent to the case's thread with consent). */
    public void claimFor(long contactId, long intakeId, Collection<Long> mediaIds) {
        if (!mediaIds.isEmpty()) {
            update("claimed = true, intakeId = ?3 where contactId = ?1 and id in ?2", contactId, mediaIds, intakeId);
        }
    }

    /** Files the kept uploads of a contact's submitted intake under its case. */
    public int attachUnfiled(long contactId, long intakeId) {
        return update("intakeId = ?1 where contactId = ?2 and claimed = true and intakeId is null", intakeId, contactId);
    }

    /** Marks uploads as taken by an answer, so they are kept. */
    public void claim(long contactId, Collection<Long> mediaIds) {
        if (!mediaIds.isEmpty()) {
            update("claimed = true where contactId = ?1 and id in ?2", contactId, mediaIds);
        }
    }

    /** Deletes staged uploads of a contact that are neither claimed nor still being collected. */
    public long discardStaged(long contactId, Collection<Long> stillCollecting) {
        return stillCollecting.isEmpty()
                ? delete("contactId = ?1 and claimed = false", contactId)
                : delete("contactId = ?1 and claimed = false and id not in ?2", contactId, stillCollecting);
    }

    /** One kept evidence file of a case, without its content: kind ({@code photo}, {@code document}...), size, when it came. */
    public record KeptFile(String kind, long sizeBytes, Instant receivedAt) {
    }

    /**
     * The evidence files kept for a case (in the intake or sent to its thread afterwards) that arrived up to
     * {@code until}, oldest first. Reads no file content.
     */
    public List<KeptFile> keptFor(long intakeId, Instant until) {
        return getEntityManager().createQuery("select m.kind, m.sizeBytes, m.createdAt from Media m where m.intakeId = ?1"
                + " and m.claimed = true and m.createdAt <= ?2 order by m.createdAt, m.id", Object[].class)
                .setParameter(1, intakeId).setParameter(2, until).getResultList().stream()
                .map(row -> new KeptFile((String) row[0], (Long) row[1], (Instant) row[2])).toList();
    }

    public long deleteAllOf(long contactId) {
        return delete("contactId", contactId);
    }
}
