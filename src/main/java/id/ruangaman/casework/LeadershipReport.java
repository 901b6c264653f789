package id.ruangaman.casework;

import id.ruangaman.intake.IntakeRecord;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.database.DbTimes;
import id.ruangaman.inbox.InboxConfig;
import id.ruangaman.inbox.Labels;
import id.ruangaman.inbox.WorkingDays;
import id.ruangaman.security.crypto.FieldCipher;

/**
 * The period report for leadership and the ministry: counts only, never content or identities.
 * <p>
 * The cohort is the cases received in the period (in the inbox's time zone). Left out: cases whose survivor answered
 * "no" to the intake's optional statistics question ({@code stats_consent}), and cases the reporter erased (their
 * answer is gone with everything else). A missing answer (an intake from before the question existed, or a skipped
 * question) counts: the report holds only suppressed counts, and the question's text promises that the answer
 * changes nothing for the report. Every cell under {@value #MIN_CELL} is shown as "&lt;5"; when only one cell of a
 * group would be hidden, the next smallest is hidden too, so it cannot be worked out from the total.
 */
@ApplicationScoped
class LeadershipReport {

    static final int MIN_CELL = 5;
    static final int DEADLINE_DAYS = 30;
    /** The period: {@code month} (1-12), {@code semester} (1: January-June, 2: July-December) or {@code year}. */
    public record Period(String kind, int year, int part, LocalDate from, LocalDate until) {

        public static Period of(String kind, int year, int part) {
            return switch (kind) {
                case "month" -> new Period(kind, year, part, LocalDate.of(year, part, 1), LocalDate.of(year, part, 1).plusMonths(1));
                case "semester" -> new Period(kind, year, part, LocalDate.of(year, part == 1 ? 1 : 7, 1),
                        LocalDate.of(year, part == 1 ? 1 : 7, 1).plusMonths(6));
                default -> new Period("year", year, 0, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
            };
        }

        public LocalDate lastDay() {
            return until.minusDays(1);
        }
    }

    /** One count; {@code kind} says which label list {@code code} is from. */
    public record Cell(String kind, String code, long count, boolean hidden) {

        public String shown() {
            return hidden ? "<" + MIN_CELL : String.valueOf(count);
        }
    }

    public record Section(String code, List<Cell> cells) {

        /**
         * The staff classification whose terms name this section's rows, to be marked as such on the page as everywhere
         * in the inbox ({@code msg:term}): {@code sop} for reporter roles ({@link Labels#CLASSIFIED}); null for rows in
         * the flow's own words or the report's.
         */
        public String term() {
            return cells.stream().anyMatch(cell -> "role".equals(cell.kind())) ? Labels.CLASSIFIED.get("reporter_role") : null;
        }
    }

    public record Report(Period period, List<Section> sections) {
    }

    private final EntityManager em;
    private final FieldCipher cipher;
    private final InboxConfig config;
    private final Clock clock;

    LeadershipReport(EntityManager em, FieldCipher cipher, InboxConfig config, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.cipher = cipher;
        this.config = config;
    }

    @Transactional
    public Report of(Period period) {
        ZoneId zone = config.zone();
        WorkingDays days = new WorkingDays(config.holidays().orElse(List.of()));
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant until = period.until().atStartOfDay(zone).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select i.id, i.reporter_role, i.services, i.answers, i.first_response_at, "
                + "i.first_response_due_at, i.verification_started_at, s.verified_at, s.concluded_at, c.outcome, d.sanction_tier "
                + "from intake i left join case_stage s on s.intake_id = i.id left join case_conclusion c on c.intake_id = i.id "
                + "left join case_decision d on d.intake_id = i.id "
                + "where i.received_at >= ?1 and i.received_at < ?2 and i.deleted_by_reporter_at is null order by i.id")
                .setParameter(1, from).setParameter(2, until).getResultList();
        Map<String, Long> received = counter("total");
        Map<String, Long> roles = counter("victim", "witness", "proxy", "unknown");
        Map<String, Long> places = counter("campus", "online", "other", "unknown");
        Map<String, Long> services = counter("psychological", "legal", "social_reintegration", "follow_up_counselling", "medical",
                "spiritual", "not_sure");
        Map<String, Long> firstReply = counter("within_72h", "after_72h", "not_yet");
        Map<String, Long> verification = counter("within_30wd", "after_30wd", "ongoing");
        Map<String, Long> examination = counter("within_30wd", "after_30wd", "ongoing");
        Map<String, Long> conclusions = counter("proven", "not_proven");
        Map<String, Long> sanctions = counter("ringan", "sedang", "berat");
        Set<Long> included = new HashSet<>();
        Instant now = Instant.now(clock);
        for (Object[] r : rows) {
            Map<String, Answer> answers = answers((byte[]) r[3]);
            Answer consent = answers.get("stats_consent");
            if (consent != null && !consent.skipped() && "no".equals(consent.value())) {
                continue;
            }
            included.add(((Number) r[0]).longValue());
            add(received, "total");
            add(roles, r[1] == null || !roles.containsKey(r[1]) ? "unknown" : (String) r[1]);
            Answer place = answers.get("incident_place");
            add(places, place == null || place.skipped() || !places.containsKey(place.value()) ? "unknown" : place.value());
            if (r[2] != null) {
                for (String s : ((String) r[2]).split(",")) {
                    if (services.containsKey(s.trim())) {
                        add(services, s.trim());
                    }
                }
            }
            Instant replied = DbTimes.instant(r[4]);
            Instant due = DbTimes.instant(r[5]);
            add(firstReply, replied == null ? "not_yet" : replied.isAfter(due) ? "after_72h" : "within_72h");
            Instant started = DbTimes.instant(r[6]);
            Instant verified = DbTimes.instant(r[7]);
            if (started != null) {
                add(verification, timely(days, zone, started, verified, now));
            }
            if (verified != null) {
                add(examination, timely(days, zone, verified, DbTimes.instant(r[8]), now));
            }
            if (r[9] != null) {
                add(conclusions, (String) r[9]);
            }
            if (r[10] != null) {
                add(sanctions, (String) r[10]);
            }
        }
        Map<String, Long> referrals = counter("psychological", "legal", "social_reintegration", "follow_up_counselling", "medical",
                "spiritual");
        @SuppressWarnings("unchecked")
        List<Object[]> refs = em.createNativeQuery("select r.intake_id, r.service from referral r join intake i on i.id = r.intake_id "
                + "where i.received_at >= ?1 and i.received_at < ?2 and r.status in ('sent', 'accepted', 'declined_by_provider', "
                + "'completed')").setParameter(1, from).setParameter(2, until).getResultList();
        for (Object[] r : refs) {
            if (included.contains(((Number) r[0]).longValue()) && referrals.containsKey(r[1])) {
                add(referrals, (String) r[1]);
            }
        }
        List<Section> sections = List.of(section("received", "total", received), section("by_reporter_role", "role", roles),
                section("by_place", "place", places), section("by_service", "service", services),
                section("first_reply", "timing", firstReply), section("verification", "timing", verification),
                section("examination", "timing", examination), section("conclusions", "outcome", conclusions),
                section("sanctions", "tier", sanctions), section("referrals", "service", referrals));
        return new Report(period, sections);
    }

    private static String timely(WorkingDays days, ZoneId zone, Instant start, Instant end, Instant now) {
        LocalDate deadline = days.plus(LocalDate.ofInstant(start, zone), DEADLINE_DAYS);
        if (end == null) {
            return LocalDate.ofInstant(now, zone).isAfter(deadline) ? "after_30wd" : "ongoing";
        }
        return LocalDate.ofInstant(end, zone).isAfter(deadline) ? "after_30wd" : "within_30wd";
    }

    /** Hides cells under {@value #MIN_CELL}; a lone hidden cell takes the next smallest with it. */
    static Section section(String code, String kind, Map<String, Long> counts) {
        List<Cell> cells = new ArrayList<>();
        counts.forEach((k, v) -> cells.add(new Cell(kind, k, v, v < MIN_CELL)));
        long hidden = cells.stream().filter(Cell::hidden).count();
        if (hidden == 1 && cells.size() > 1) {
            cells.stream().filter(c -> !c.hidden()).min(Comparator.comparingLong(Cell::count)).ifPresent(smallest ->
                    cells.set(cells.indexOf(smallest), new Cell(kind, smallest.code(), smallest.count(), true)));
        }
        return new Section(code, cells);
    }

    private Map<String, Answer> answers(byte[] encrypted) {
        Map<String, Answer> flat = new LinkedHashMap<>();
        if (encrypted == null) {
            return flat;
        }
        IntakeRecord.read(cipher.decryptString(encrypted)).values().forEach(flat::putAll);
        return flat;
    }

    private static Map<String, Long> counter(String... keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (String k : keys) {
            map.put(k, 0L);
        }
        return map;
    }

    private static void add(Map<String, Long> map, String key) {
        map.merge(key, 1L, Long::sum);
    }
}
