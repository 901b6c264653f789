package id.ruangaman.conversation;

import java.time.Duration;
import java.time.ZoneId;

/**
 * @param maxRetries  failed answers to one question before its {@code on_invalid} exit is taken
 * @param remindAfter idle time before the single gentle reminder
 * @param pauseAfter  idle time before the session is paused
 * @param zone        time zone used to read rough dates ("kemarin")
  * @param threadQuietPeriod after the report, messages within this period of the last acknowledgement get none
 * @param words       yes/no words typed instead of tapping a button
 */
public record EngineSettings(int maxRetries, Duration remindAfter, Duration pauseAfter, ZoneId zone, Duration threadQuietPeriod,
        AnswerWords words) {

    public static final Duration DEFAULT_THREAD_QUIET_PERIOD = Duration.ofHours(6);

    public EngineSettings(int maxRetries, Duration remindAfter, Duration pauseAfter, ZoneId zone) {
        this(maxRetries, remindAfter, pauseAfter, zone, DEFAULT_THREAD_QUIET_PERIOD);
    }

    /** With the built-in yes/no words. */
    public EngineSettings(int maxRetries, Duration remindAfter, Duration pauseAfter, ZoneId zone, Duration threadQuietPeriod) {
        this(maxRetries, remindAfter, pauseAfter, zone, threadQuietPeriod, AnswerWords.builtIn());
    }

    public static EngineSettings defaults() {
        return new EngineSettings(2, Duration.ofMinutes(30), Duration.ofHours(24), ZoneId.of("Asia/Jakarta"), DEFAULT_THREAD_QUIET_PERIOD);
    }
}
