package id.ruangaman.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What the chat remembers once a report is in, when the conversation has become the case's thread
 * (see {@link id.ruangaman.conversation.engine.CaseThreads}). Carried across a second intake, so a person who
 * abandons a new report is back in the thread of their last one.
 *
 * @param acknowledgedAt  when the bot last said "your message reached the task force" (or the closed-case note);
 *                        null until the first message after the report
 * @param evidenceConsent files sent after the report are kept as evidence without asking (from the intake's
 *                        evidence consent, or a "yes" to the keep-this-file question)
 * @param chatUnsafe      the person said it is not safe for the task force to write first: no idle reminders
 * @param dangerToldAt    when the bot last gave the emergency numbers for danger said in the thread ("dia di depan
 *                        pintu"); null before. Given at most once per {@link id.ruangaman.conversation.engine.CaseThreads#DANGER_NOTICE_EVERY}
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record CaseThread(Instant acknowledgedAt, boolean evidenceConsent, boolean chatUnsafe, Instant dangerToldAt) {

    @JsonCreator
    public CaseThread(@JsonProperty("acknowledgedAt") Instant acknowledgedAt, @JsonProperty("evidenceConsent") boolean evidenceConsent,
            @JsonProperty("chatUnsafe") boolean chatUnsafe, @JsonProperty("dangerToldAt") Instant dangerToldAt) {
        this.acknowledgedAt = acknowledgedAt;
        this.evidenceConsent = evidenceConsent;
        this.chatUnsafe = chatUnsafe;
        this.dangerToldAt = dangerToldAt;
    }

    /** No emergency numbers given in the thread yet. */
    public CaseThread(Instant acknowledgedAt, boolean evidenceConsent, boolean chatUnsafe) {
        this(acknowledgedAt, evidenceConsent, chatUnsafe, null);
    }

    public CaseThread withAcknowledgedAt(Instant value) {
        return new CaseThread(value, evidenceConsent, chatUnsafe, dangerToldAt);
    }

    public CaseThread withEvidenceConsent(boolean value) {
        return new CaseThread(acknowledgedAt, value, chatUnsafe, dangerToldAt);
    }

    public CaseThread withDangerToldAt(Instant value) {
        return new CaseThread(acknowledgedAt, evidenceConsent, chatUnsafe, value);
    }
}
