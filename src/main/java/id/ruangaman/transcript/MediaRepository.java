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

    /**
     * Files the kept uploads of a contact's submitted intake under its case ({@code intakeId}), and deletes the others:
     * of the contact's uploads that an answer took and no case holds yet, those the report's answers name
     * ({@code named}) are filed; the rest are files whose answer was dropped on the way (an answer changed at the
     * summary took its path away: the consent to keep evidence changed to "no", an age under 18 typed after images were
     * sent, which leads to the child-safety step that takes no images), or left by a conversation started over. They are
     * not evidence the person consented to keep with this report, so they go. One statement (a data-modifying CTE; the
     * two sets are disjoint), in the submitting step's transaction, where the new case is not written yet (its reference
     * is checked at the commit, V224). SQL naming the one table it writes (an HQL update was translated again at every
     * submission), and sent without a flush of the transaction first: a flush there writes the round's other steps one
     * by one, and it has nothing to write here, since an upload is stored in a transaction of its own
     * ({@link MediaStaging}) and every later change of {@code media} in a round is a statement of its own like this
     * one, never a pending change of a loaded row. Returns how many were filed.
     */
    public int fileSubmitted(long contactId, long intakeId, Collection<Long> named) {
        return getEntityManager().createNativeQuery("with dropped as (delete from media where contact_id = ?2 and claimed "
                + "and intake_id is null and not (id = any(?3))) update media set intake_id = ?1 where contact_id = ?2 "
                + "and claimed and intake_id is null and id = any(?3)").setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("media")
                .setParameter(1, intakeId).setParameter(2, contactId).setParameter(3, named.toArray(Long[]::new)).executeUpdate();
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

    /**
     * One kept evidence file of a case, without its content: kind ({@code photo}, {@code document}...), size, when it came,
     * and its evidence number in the case ({@link #evidenceNumbers}: "Bukti 2" on the case page and every print);
     * {@code forwarded}: the survivor forwarded it from another chat ({@link Media#forwarded}).
     */
    public record KeptFile(String kind, long sizeBytes, Instant receivedAt, int number, boolean forwarded) {
    }

    /**
     * The evidence files kept for a case (in the intake or sent to its thread afterwards) that arrived up to
     * {@code until}, oldest first. Reads no file content.
     */
    public List<KeptFile> keptFor(long intakeId, Instant until) {
        java.util.Map<Long, Integer> numbers = evidenceNumbers(intakeId);
        return getEntityManager().createQuery("select m.kind, m.sizeBytes, m.createdAt, m.id, m.forwarded from Media m where m.intakeId = ?1"
                + " and m.claimed = true and m.createdAt <= ?2 order by m.createdAt, m.id", Object[].class)
                .setParameter(1, intakeId).setParameter(2, until).getResultList().stream()
                .map(row -> new KeptFile((String) row[0], (Long) row[1], (Instant) row[2], numbers.getOrDefault((Long) row[3], 0),
                        (Boolean) row[4])).toList();
    }

    /**
     * The case's evidence numbers: each file kept for the case (in the intake or sent to its thread afterwards) by id,
     * numbered 1, 2, ... in the order it arrived (as {@link #keptFor} lists them), so "Bukti 2" names the same file on
     * the case page, in the transcript and on every print. Reads no file content.
     */
    public java.util.Map<Long, Integer> evidenceNumbers(long intakeId) {
        java.util.Map<Long, Integer> numbers = new java.util.HashMap<>();
        getEntityManager().createQuery("select m.id from Media m where m.intakeId = ?1 and m.claimed = true order by m.createdAt, m.id",
                Long.class).setParameter(1, intakeId).getResultList().forEach(id -> numbers.put(id, numbers.size() + 1));
        return numbers;
    }

    /**
     * A file's number in {@code numbers} ({@link #evidenceNumbers}) as a reader sees it: "3" for "Bukti 3"; null for a file
     * the case does not keep (an upload that was not kept, or one filed under another case), which pages and prints name
     * as such ({@code tags/evidenceNo}), never "Bukti ?". {@code mediaId} is a file id as a template has it (a {@code Long},
     * or its text; not a number: null).
     */
    public static String evidenceNo(java.util.Map<Long, Integer> numbers, Object mediaId) {
        Integer n = idOf(mediaId).map(numbers::get).orElse(null);
        return n == null ? null : String.valueOf(n);
    }

    /** A file id as a template has it (a {@code Long}, or its text), as a number; empty for one that is not a number. */
    public static java.util.Optional<Long> idOf(Object mediaId) {
        try {
            return java.util.Optional.of(mediaId instanceof Long id ? id : Long.valueOf(String.valueOf(mediaId)));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    public long deleteAllOf(long contactId) {
        return delete("contactId", contactId);
    }
}
