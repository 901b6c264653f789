package id.ruangaman.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import id.ruangaman.database.DbTimes;

/**
 * The numbers of the surat pemanggilan: their own series, one per year, "007/PGL/SATGAS/2026" (the 7th summons numbered
 * in 2026), never an internal id. An examination's summons is numbered the first time it is printed and keeps its number
 * when printed again (table {@code case_summons}, V235); two prints at once never share a number, because the year's
 * counter ({@code case_summons_counter}) is taken under its row lock and the examination's row is locked first. A
 * summons names the examination's day, time and place: once the examination is rescheduled ({@link #replace}), the
 * summons in force is marked replaced (kept, never deleted, V244) and the next print is a new letter with a new number.
 */
@ApplicationScoped
class SummonsNumbers {

    /**
     * One summons numbered for an examination: its number ("007/PGL/SATGAS/2026"), the examination's time it summoned
     * to, when it was numbered, and when a rescheduling replaced it (null while it is in force).
     */
    public record Issued(long interviewId, String number, Instant heldAt, Instant numberedAt, Instant replacedAt) {

        public boolean replaced() {
            return replacedAt != null;
        }
    }

    private final EntityManager em;

    SummonsNumbers(EntityManager em) {
        this.em = em;
    }

    /**
     * The number of the summons in force for an examination ({@link Interview} id), given on {@code today} when it has
     * none (never printed, or its summons replaced by a rescheduling); {@code heldAt} is the examination's time the
     * letter summons to, kept with the number.
     */
    @Transactional
    public String of(long interviewId, Instant heldAt, LocalDate today, Instant now) {
        em.createNativeQuery("select id from case_interview where id = ?1 for update").setParameter(1, interviewId).getResultList();
        List<?> kept = em.createNativeQuery("select year, seq from case_summons where interview_id = ?1 and replaced_at is null")
                .setParameter(1, interviewId).getResultList();
        if (!kept.isEmpty()) {
            Object[] row = (Object[]) kept.get(0);
            return format(((Number) row[1]).intValue(), ((Number) row[0]).intValue());
        }
        int year = today.getYear();
        int seq = ((Number) em.createNativeQuery("insert into case_summons_counter (year, last_seq) values (?1, 1) on conflict (year)"
                + " do update set last_seq = case_summons_counter.last_seq + 1 returning last_seq").setParameter(1, year)
                .getSingleResult()).intValue();
        em.createNativeQuery("insert into case_summons (interview_id, year, seq, numbered_at, held_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, interviewId).setParameter(2, year).setParameter(3, seq).setParameter(4, now).setParameter(5, heldAt)
                .executeUpdate();
        return format(seq, year);
    }

    /**
     * Marks the examination's summons in force replaced at {@code at} (it was rescheduled: the letter no longer says when
     * or where); the row stays. False when none was numbered.
     */
    public boolean replace(long interviewId, Instant at) {
        return em.createNativeQuery("update case_summons set replaced_at = ?2 where interview_id = ?1 and replaced_at is null")
                .setParameter(1, interviewId).setParameter(2, at).executeUpdate() > 0;
    }

    /** Every summons numbered for these examinations, oldest first, replaced ones included. */
    public List<Issued> issued(Collection<Long> interviewIds) {
        if (interviewIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select interview_id, year, seq, held_at, numbered_at, replaced_at from case_summons"
                + " where interview_id in (:ids) order by numbered_at, id").setParameter("ids", interviewIds).getResultList();
        return rows.stream().map(r -> new Issued(((Number) r[0]).longValue(), format(((Number) r[2]).intValue(), ((Number) r[1]).intValue()),
                DbTimes.instant(r[3]), DbTimes.instant(r[4]), DbTimes.instant(r[5]))).toList();
    }

    /** "007/PGL/SATGAS/2026": the number in its year's series, three digits at least, then the year. */
    static String format(int seq, int year) {
        return String.format("%03d/PGL/SATGAS/%d", seq, year);
    }
}
