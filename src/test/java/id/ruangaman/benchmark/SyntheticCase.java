package id.ruangaman.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import id.ruangaman.inbox.CaseStatus;

/**
 * One synthetic case: categories, times and workflow state drawn from a seeded random source so a run
 * can be repeated. Cases spread over a year; recent ones are mostly open, old ones mostly closed.
 */
record SyntheticCase(int index, String channel, String language, String reporterRole, String victimMinor, boolean inDanger,
        String services, String status, Instant receivedAt, Instant firstResponseAt, Integer assignee, boolean deleted,
        String closedReason, int unread) {

    static final List<String> SERVICES = List.of("psychological", "legal", "social_reintegration", "follow_up_counselling", "medical",
            "spiritual", "not_sure");
    private static final List<String> CLOSE_REASONS = List.of("resolved", "not_proven", "withdrawn_by_reporter", "duplicate");
    private static final Duration SPAN = Duration.ofDays(365);
    private static final Duration FIRST_RESPONSE_WINDOW = Duration.ofHours(72);

    /** Case {@code index} of {@code total}; index 0 is the newest. {@code counsellors} is how many accounts cases are assigned to. */
    static SyntheticCase draw(Random random, int index, int total, Instant now, int counsellors) {
        long ageSeconds = SPAN.toSeconds() * index / Math.max(1, total) + random.nextInt(600);
        Instant received = now.minusSeconds(ageSeconds);
        String channel = random.nextInt(10) < 6 ? "TELEGRAM" : "WHATSAPP";
        int roll = random.nextInt(100);
        String role = roll < 65 ? "victim" : roll < 85 ? "witness" : "proxy";
        boolean deleted = random.nextInt(200) == 0;
        String status = deleted ? CaseStatus.CLOSED : status(random, Duration.ofSeconds(ageSeconds));
        boolean replied = !CaseStatus.NEW.equals(status) || random.nextInt(5) == 0;
        Instant firstResponse = replied ? received.plus(Duration.ofMinutes(30 + random.nextInt(60 * 60))) : null;
        if (firstResponse != null && firstResponse.isAfter(now)) {
            firstResponse = now.minusSeconds(60);
        }
        Integer assignee = CaseStatus.NEW.equals(status) && random.nextInt(5) != 0 ? null : random.nextInt(counsellors);
        boolean open = !CaseStatus.CLOSED.equals(status);
        int unread = open && random.nextInt(10) < 3 ? 1 + random.nextInt(3) : 0;
        return new SyntheticCase(index, channel, random.nextInt(100) < 85 ? "id" : "en", role,
                random.nextInt(20) == 0 ? null : random.nextInt(10) == 0 ? "yes" : "no", open && random.nextInt(50) == 0,
                services(random), status, received, firstResponse, assignee, deleted,
                deleted ? "deleted_by_reporter" : open ? null : CLOSE_REASONS.get(random.nextInt(CLOSE_REASONS.size())), unread);
    }

    private static String status(Random random, Duration age) {
        int r = random.nextInt(100);
        if (age.compareTo(FIRST_RESPONSE_WINDOW) < 0) {
            return r < 70 ? CaseStatus.NEW : CaseStatus.IN_VERIFICATION;
        } else if (age.toDays() < 60) {
            return r < 5 ? CaseStatus.NEW : r < 40 ? CaseStatus.IN_VERIFICATION : r < 65 ? CaseStatus.VERIFIED
                    : r < 85 ? CaseStatus.REFERRED : CaseStatus.CLOSED;
        }
        return r < 2 ? CaseStatus.IN_VERIFICATION : r < 4 ? CaseStatus.VERIFIED : r < 8 ? CaseStatus.REFERRED : CaseStatus.CLOSED;
    }

    private static String services(Random random) {
        List<String> chosen = new ArrayList<>();
        for (String service : SERVICES) {
            if (random.nextInt(SERVICES.size()) < 2) {
                chosen.add(service);
            }
        }
        return chosen.isEmpty() ? SERVICES.get(random.nextInt(SERVICES.size())) : String.join(",", chosen);
    }

    Instant firstResponseDueAt() {
        return receivedAt.plus(FIRST_RESPONSE_WINDOW);
    }

    boolean open() {
        return !CaseStatus.CLOSED.equals(status);
    }

    /** When the team last opened the case: at its first reply, if any. */
    Instant lastReadAt() {
        return firstResponseAt;
    }

    /** Times of the messages the person sent after the team last read the case, strictly between then and {@code now}. */
    List<Instant> unreadTimes(Instant now) {
        Instant base = lastReadAt() == null ? receivedAt : lastReadAt();
        long span = Duration.between(base, now).toMillis();
        List<Instant> times = new ArrayList<>();
        for (int k = 1; k <= unread; k++) {
            times.add(base.plusMillis(span * k / (unread + 1)));
        }
        return times;
    }

    Instant verificationStartedAt() {
        return CaseStatus.NEW.equals(status) || firstResponseAt == null ? null : firstResponseAt.plusSeconds(600);
    }
}
