package id.ruangaman.conversation;

import java.time.Duration;
import java.time.ZoneId;

/**
 * @param maxRetries  failed answers to one question before its {@code on_invalid} exit is taken
 * @param remindAfter idle time before the single gentle reminder
 * @param pauseAfter  idle time before the session is paused
 * @param zone        time zone used to read rough dates ("kemarin")
 * @param words       yes/no words typed instead of tapping a button
 */
public record EngineSettings(int maxRetries, Duration remindAfter, Duration pauseAfter, ZoneId zone, AnswerWords words) {

    /** With the built-in yes/no words. */
    public EngineSettings(int maxRetries, Duration remindAfter, Duration pauseAfter, ZoneId zone) {
        this(maxRetries, remindAfter, pauseAfter, zone, AnswerWords.builtIn());
    }

    public static EngineSettings defaults() {
        return new EngineSettings(2, Duration.ofMinutes(30), Duration.ofHours(24), ZoneId.of("Asia/Jakarta"));
    }
}
