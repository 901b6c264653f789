package id.ruangaman.inbox;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The counsellor inbox. Override with RUANGAMAN_INBOX_*. */
@ConfigMapping(prefix = "ruangaman.inbox")
public interface InboxConfig {

    /** Time zone in which times are shown and working days are counted. */
    @WithDefault("Asia/Jakarta")
    ZoneId zone();

    /** Working days (Mon-Fri, minus holidays) the examination may take once verification starts. */
    @WithDefault("30")
    int examinationWorkingDays();

    /** Public holidays that are not working days, ISO dates, comma-separated (RUANGAMAN_INBOX_HOLIDAYS). */
    Optional<List<LocalDate>> holidays();

    /** Cases per page of the case list. */
    @WithDefault("50")
    int pageSize();

    /** How often an open inbox page checks the event table for news. */
    @WithDefault("1S")
    Duration livePollInterval();

    /**
     * How long the live-update events ({@code inbox_event}: which case changed and how, never content) are kept. A page
     * replays only the events after it was rendered, and its stream ends with the login session (idle timeout,
     * {@code quarkus.http.auth.form.timeout}), so a day is far more than any open page needs; older rows only grow the
     * table. Must be longer than that timeout.
     */
    @WithDefault("P1D")
    Duration liveEventRetention();
}
