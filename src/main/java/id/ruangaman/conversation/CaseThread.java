package id.ruangaman.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record CaseThread(Instant acknowledgedAt, boolean evidenceConsent, boolean chatUnsafe) {

    public CaseThread withAcknowledgedAt(Instant value) {
        return new CaseThread(value, evidenceConsent, chatUnsafe);
    }

    public CaseThread withEvidenceConsent(boolean value) {
        return new CaseThread(acknowledgedAt, value, chatUnsafe);
    }
}
