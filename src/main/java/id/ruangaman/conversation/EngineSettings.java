package id.ruangaman.conversation;

import java.time.Duration;
import java.time.ZoneId;

/**
 * @param maxRetries  failed answers to one question before its {@code on_invalid} exit is taken
 * @param remindAfter idle time before the single gentle reminder
 * @param pauseAfter  idle time before the session is paused
 * @param zone        time zone used to read rough dates ("kemarin")
 * @param threadQuietPeriod after the report, messages within this period of the last acknowledgement get none
 */
public record EngineSettings(int maxRetries, Duration remindAfter, Duration pauseAfter, ZoneId zone, Duration threadQuietPeriod) {

    public static final Duration DEFAULT_THREAD_QUIET_PERIOD = Duration.ofHours(6);

    public EngineSettings(int maxRetries, Duration remindAfter, Duration pauseAfter, ZoneId zone) {
        this(maxRetries, remindAfter, pauseAfter, zone, DEFAULT_THREAD_QUIET_PERIOD);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(2, Duration.ofMinutes(30), Duration.ofHours(24), ZoneId.of("Asia/Jakarta"), DEFAULT_THREAD_QUIET_PERIOD);
    }
}
