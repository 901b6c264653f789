package id.ruangaman.transcript;

import java.util.Collection;

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

    public long deleteAllOf(long contactId) {
        return delete("contactId", contactId);
    }
}
