package id.ruangaman.intake;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How conversations run. Every value has a default; override with RUANGAMAN_CONVERSATION_*. */
@ConfigMapping(prefix = "ruangaman.conversation")
public interface ConversationConfig {

    /** The flow a new contact starts on. */
    @WithDefault("intake")
    String defaultFlow();

    /** Failed answers to one question before the gentle fallback. */
    @WithDefault("2")
    int maxRetries();

    /**
     * A second press of the button just accepted (same data) within this time is a double tap: answered, changes
     * nothing. A press on an older question still gets the "button no longer active" note.
     */
    @WithDefault("5S")
    Duration doubleTapWindow();

    /** Idle time before one gentle reminder. */
    @WithDefault("30M")
    Duration remindAfter();

    /** Idle time before the session pauses; the person may later continue or start over. */
    @WithDefault("24H")
    Duration pauseAfter();

    /** How often idle sessions are looked at. */
    @WithDefault("1M")
    Duration idleCheckEvery();

    /** Time zone for reading rough dates such as "kemarin". */
    @WithDefault("Asia/Jakarta")
    ZoneId zone();

    /**
     * RUANGAMAN_CONVERSATION_THREAD_QUIET_PERIOD: after the report, the survivor's messages are acknowledged in the
     * chat, and the team is told (without content), at most once per this period per case.
     */
    @WithDefault("6H")
    Duration threadQuietPeriod();

    /**
     * RUANGAMAN_CONVERSATION_UNREADABLE_NOTE_EVERY: what the service cannot read ({@code Input.Unsupported}: a poll, a
     * story, a view-once item ...) gets one note saying what to send instead; more from the same person within this
     * time are recorded without another note, so a burst of them gets one answer, not a flood.
     */
    @WithDefault("2M")
    Duration unreadableNoteEvery();

    /**
     * RUANGAMAN_CONVERSATION_STORY_ACK_DELAY: at a story question ({@code multi_text}) or the notes beside the evidence,
     * the first line is acknowledged at once ("Tersimpan. Tulis lagi atau tekan Selesai"); a later line's acknowledgement
     * waits this long and is withdrawn if the person's next line comes first, so a story typed in lines a few seconds
     * apart gets one "Tersimpan" when the person pauses, not one per line. The chat's other messages wait for it at
     * most this long (a counsellor's reply sends it at once). Zero: every line is acknowledged at once.
     */
    @WithDefault("10S")
    Duration storyAckDelay();

    /** The SOP's first-response deadline after an intake arrives. */
    @WithDefault("72H")
    Duration firstResponseWithin();
}
