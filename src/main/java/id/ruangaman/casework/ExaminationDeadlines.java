package id.ruangaman.casework;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import id.ruangaman.inbox.InboxConfig;
import id.ruangaman.inbox.TeamNotifications;
import id.ruangaman.inbox.WorkingDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Tells the team's chat when a case's examination deadline is 5 and then 1 working day away (SOP
 * Pemeriksaan/Verifikasi 9: at most 30 working days). Through {@link TeamNotifications}: the reference code and a
 * link only, never content. Each notice goes once per deadline; a notice missed while the service was down is sent
 * late rather than never (5 when 2-5 days are left, 1 when 1 or fewer are).
 */
@ApplicationScoped
class ExaminationDeadlines {

    private static final Logger LOG = Logger.getLogger(ExaminationDeadlines.class);
    static final List<Integer> NOTICE_DAYS = List.of(5, 1);

    private final TeamNotifications team;
    private final InboxConfig config;
    private final EntityManager em;
    private final Clock clock;

    ExaminationDeadlines(TeamNotifications team, InboxConfig config, EntityManager em, Clock clock) {
        this.team = team;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(every = "${ruangaman.team.check-every:15M}", delayed = "1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        int sent = QuarkusTransaction.requiringNew().call(this::noticeDue);
        if (sent > 0) {
            LOG.infof("Team told about %d nearing examination deadlines", sent);
        }
    }

    /** Queues the notices now due; returns how many. Open cases before their conclusion only. */
    int noticeDue() {
        if (!team.configured()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        WorkingDays days = new WorkingDays(config.holidays().orElse(List.of()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, reference_code, examination_due_on from intake "
                + "where status in ('in_verification', 'verified', 'referred', 'in_examination') and examination_due_on is not null "
                + "and deleted_by_reporter_at is null and examination_due_on <= ?1 order by examination_due_on limit 500 "
                + "for update skip locked").setParameter(1, days.plus(today, NOTICE_DAYS.get(0))).getResultList();
        int sent = 0;
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            LocalDate due = row[2] instanceof LocalDate d ? d : ((Date) row[2]).toLocalDate();
            int left = days.between(today, due);
            Integer notice = left <= 1 ? Integer.valueOf(1) : left <= 5 ? Integer.valueOf(5) : null;
            if (notice == null || left < 0) {
                continue;
            }
            int inserted = em.createNativeQuery("insert into case_deadline_notice (intake_id, due_on, days_before, sent_at) "
                    + "values (?1, ?2, ?3, ?4) on conflict do nothing").setParameter(1, id).setParameter(2, due)
                    .setParameter(3, notice).setParameter(4, Instant.now(clock)).executeUpdate();
            if (inserted == 1 && team.notice("Tenggat pemeriksaan / Examination deadline: " + left + " hari kerja / working days",
                    (String) row[1], "/sop")) {
                sent++;
            }
        }
        return sent;
    }
}
