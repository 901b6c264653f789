package id.ruangaman.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The numbers of the surat pemanggilan: their own series, one per year, "007/PGL/SATGAS/2026" (the 7th summons numbered
 * in 2026), never an internal id. An examination's summons is numbered the first time it is printed and keeps its number
 * when printed again (table {@code case_summons}, V235); two prints at once never share a number, because the year's
 * counter ({@code case_summons_counter}) is taken under its row lock and the examination's row is locked first.
 */
@ApplicationScoped
class SummonsNumbers {

    private final EntityManager em;

    SummonsNumbers(EntityManager em) {
        this.em = em;
    }

    /** The summons number of an examination ({@link Interview} id), given on {@code today} when it has none yet. */
    @Transactional
    public String of(long interviewId, LocalDate today, Instant now) {
        em.createNativeQuery("select id from case_interview where id = ?1 for update").setParameter(1, interviewId).getResultList();
        List<?> kept = em.createNativeQuery("select year, seq from case_summons where interview_id = ?1").setParameter(1, interviewId)
                .getResultList();
        if (!kept.isEmpty()) {
            Object[] row = (Object[]) kept.get(0);
            return format(((Number) row[1]).intValue(), ((Number) row[0]).intValue());
        }
        int year = today.getYear();
        int seq = ((Number) em.createNativeQuery("insert into case_summons_counter (year, last_seq) values (?1, 1) on conflict (year)"
                + " do update set last_seq = case_summons_counter.last_seq + 1 returning last_seq").setParameter(1, year)
                .getSingleResult()).intValue();
        em.createNativeQuery("insert into case_summons (interview_id, year, seq, numbered_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, interviewId).setParameter(2, year).setParameter(3, seq).setParameter(4, now).executeUpdate();
        return format(seq, year);
    }

    /** "007/PGL/SATGAS/2026": the number in its year's series, three digits at least, then the year. */
    static String format(int seq, int year) {
        return String.format("%03d/PGL/SATGAS/%d", seq, year);
    }
}
