package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxConfig;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.inbox.TeamNotifications;
import id.ruangaman.inbox.WorkingDays;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The team hears of an examination deadline 5 and 1 working days before it, once each, with a code and a link only. */
@QuarkusTest
class ExaminationDeadlinesTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    TeamNotifications team;
    @Inject
    InboxConfig config;
    @Inject
    EntityManager em;

    private void set(String ref, String status, LocalDate due) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set status = ?1, examination_due_on = ?2 "
                + "where reference_code = ?3").setParameter(1, status).setParameter(2, due).setParameter(3, ref).executeUpdate());
    }

    private List<FakeTelegram.Call> notices(String ref) {
        return FakePlatforms.telegram().sentTo(FakePlatforms.TEAM_CHAT).stream()
                .filter(c -> c.text().contains(ref) && c.text().contains("Examination deadline")).toList();
    }

    @Test
    void shouldNoticeTheTeamFiveAndOneWorkingDaysBeforeTheExaminationDeadline() {
        WorkingDays days = new WorkingDays(config.holidays().orElse(List.of()));
        // The service counts the days left on a clock fixed at noon of the day the due dates are set from: on the
        // system clock a run crossing midnight in the inbox's zone (Asia/Jakarta: 17:00 UTC) counted 4 days, not 5.
        LocalDate today = LocalDate.now(config.zone());
        Clock noon = Clock.fixed(today.atTime(LocalTime.NOON).atZone(config.zone()).toInstant(), config.zone());
        ExaminationDeadlines deadlines = new ExaminationDeadlines(team, config, em, noon);
        String ref = fixtures.submittedCase(true);
        String later = fixtures.submittedCase(true);
        String concluded = fixtures.submittedCase(true);
        set(ref, "in_examination", days.plus(today, 5));
        set(later, "in_examination", days.plus(today, 6));
        set(concluded, "concluded", days.plus(today, 5));

        QuarkusTransaction.requiringNew().call(deadlines::noticeDue);
        QuarkusTransaction.requiringNew().call(deadlines::noticeDue);
        Eventually.await("5-day notice for " + ref, Duration.ofSeconds(60), () -> notices(ref).size() == 1);
        String text = notices(ref).get(0).text();
        assertTrue(text.contains("5 hari kerja") && text.contains("/inbox/cases/" + ref + "/sop"), text);
        assertFalse(text.contains("Kronologi sintetis"), "no content in a notice");

        set(ref, "in_examination", days.plus(today, 1));
        QuarkusTransaction.requiringNew().call(deadlines::noticeDue);
        QuarkusTransaction.requiringNew().call(deadlines::noticeDue);
        Eventually.await("1-day notice for " + ref, Duration.ofSeconds(60), () -> notices(ref).size() == 2);
        assertTrue(notices(ref).get(1).text().contains("1 hari kerja"));

        assertEquals(0, notices(later).size(), "6 working days left: not yet");
        assertEquals(0, notices(concluded).size(), "a concluded case has no examination deadline");
    }
}
