package id.ruangaman.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.InboxConfig;

/**
 * The one rule set for the dates typed into the casework forms (days in the task force's zone, {@code inbox.zone}):
 * <ul>
 * <li>nothing in a case's SOP file is dated before the day its report was received ({@code intake.received_at}, in
 * the task force's zone): a meeting, a letter, an examination, a decision, a completion report, a consent, a
 * check-in: {@code date_before_received}; an examination's time (a day and a time of day) is held against the moment
 * the report was received, to the minute the form offers, so a time earlier on the report's own day is refused too:
 * {@code time_before_received};</li>
 * <li>a thing that already happened (a meeting held, a letter issued, minutes of an examination, a decision, a
 * consent, a completion report, a check-in) may not be dated after today: {@code date_future};</li>
 * <li>a later SOP step may not be dated before the step it depends on (assignment letter after the limited meeting
 * where the victim chose an examination, an examination after the assignment letter, the decision after the
 * conclusion, the completion report after the decision, a check-in after the recovery consent, "recovery until"
 * after the decision): {@code date_before_<step>};</li>
 * <li>minutes are recorded only for an examination whose time has come: {@code minutes_before_interview}; a summons
 * invites only to a time that has not passed on the day it is made: {@code summons_past}.</li>
 * </ul>
 * Each refusal is a {@link FormRefused} (400), so the form is shown again with what was typed and the reason.
 */
@ApplicationScoped
class DateRules {

    private final Clock clock;
    private final InboxConfig config;

    DateRules(Clock clock, InboxConfig config) {
        this.clock = clock;
        this.config = config;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }

    /** The day an instant falls on in the task force's zone. */
    LocalDate dayOf(Instant instant) {
        return instant.atZone(config.zone()).toLocalDate();
    }

    /** {@code day} is of something that already happened: not after today. */
    LocalDate happened(LocalDate day) {
        if (day != null && day.isAfter(today())) {
            throw FormRefused.invalid("date_future");
        }
        return day;
    }

    /** A moment of something that already happened: not after now. */
    Instant happened(Instant at) {
        if (at != null && at.isAfter(Instant.now(clock))) {
            throw FormRefused.invalid("date_future");
        }
        return at;
    }

    /**
     * {@code day} is written into the SOP file of {@code file}: not before the day its report was received (SOP
     * Penerimaan Laporan: the casework starts from the report). Null day or unknown receipt: no rule.
     */
    LocalDate notBeforeReceipt(LocalDate day, CaseFile file) {
        if (day != null && file.receivedAt != null && day.isBefore(dayOf(file.receivedAt))) {
            throw FormRefused.invalid("date_before_received");
        }
        return day;
    }

    /**
     * {@code at} (an examination's time, typed to the minute in the task force's zone) is written into the SOP file of
     * {@code file}: not before the moment its report was received, read to the minute (an examination in the same
     * minute as the report is accepted). Null time or unknown receipt: no rule. Error: {@code time_before_received}.
     */
    Instant notBeforeReceipt(Instant at, CaseFile file) {
        if (at != null && file.receivedAt != null && at.isBefore(file.receivedAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            throw FormRefused.invalid("time_before_received");
        }
        return at;
    }

    /** {@code day} belongs to a step that depends on an earlier one dated {@code earliest} (none: no rule). */
    static LocalDate notBefore(LocalDate day, LocalDate earliest, String step) {
        if (day != null && earliest != null && day.isBefore(earliest)) {
            throw FormRefused.invalid("date_before_" + step);
        }
        return day;
    }

    /** Minutes only once the examination's time has come. */
    void minutesAllowed(Interview interview) {
        if (interview.heldAt.isAfter(Instant.now(clock))) {
            throw FormRefused.invalid("minutes_before_interview");
        }
    }

    /** A summons made today invites to a time that has not passed. */
    boolean invitable(Interview interview) {
        return !interview.heldAt.isBefore(Instant.now(clock));
    }
}
