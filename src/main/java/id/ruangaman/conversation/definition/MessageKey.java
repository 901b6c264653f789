package id.ruangaman.conversation.definition;

import java.util.Locale;

/**
 * System texts every flow must define under {@code messages:}. Placeholders in braces are filled by the engine.
 */
public enum MessageKey {
    /** "Langkah {n} dari {total}" above a question that has a {@code step}. */
    PROGRESS,
    /** The default re-prompt after an answer the engine could not use. */
    REPROMPT,
    /**
     * The default re-prompt where the messenger shows the question's choices as numbered text, with no buttons to tap
     * (WhatsApp: more than ten choices, or a label too long for a list row; {@link id.ruangaman.conversation.ChoiceOrder#numbered}).
     */
    REPROMPT_NUMBERED,
    /** Said before taking a question's {@code on_invalid} exit. */
    FALLBACK,
    /** Said instead of FALLBACK when the question is shown in the summary and was recorded as skipped. */
    FALLBACK_SKIPPED,
    STALE_BUTTON,
    /**
     * A typed reply that quotes an earlier question (a reply to an older message of the service's): not kept as an
     * answer to the question asked now; earlier answers can be changed in the summary. Said before that question again.
     */
    QUOTED_EARLIER,
    /** A sticker: "only text and buttons here". */
    UNSUPPORTED_INPUT,
    /**
     * Something the service cannot read at all ({@link id.ruangaman.conversation.Input.Unsupported}: a poll, a dice, a
     * story, a view-once item, a type newer than the platform's API): that kind cannot be read here, and what can
     * (text, a photo, a voice note, a document). During an intake, and after the report instead of the acknowledgement.
     */
    UNREADABLE_INPUT,
    MEDIA_NOT_EXPECTED,
    /**
     * A contact card, or a location, at a question that does not ask for one ({@code shared:} of the node): not kept,
     * and the answer can be typed instead; said before the question again.
     */
    CONTACT_NOT_EXPECTED, LOCATION_NOT_EXPECTED,
    /**
     * A message the person forwarded from another chat ({@link id.ruangaman.conversation.Input#asForwarded()}: the
     * terlapor's words passed on, say) at a question that asks for the person's own answer: kept in the chat, never taken
     * as the answer; said before the question again.
     */
    FORWARDED_NOT_ANSWER,
    UNKNOWN_COMMAND,
    HELP,
    REMINDER,
    /** Prefix when a paused or exited session gets an input that is not a command. */
    WELCOME_BACK,
    RESUME_QUESTION, RESUME_CONTINUE, RESUME_RESTART,
    CHOOSE_LANGUAGE,
    /** The name of each language in itself: {@code {id: "Bahasa Indonesia", en: "English"}}. */
    LANGUAGE_NAME,
    /** "{reference_code}" and "{status}". */
    STATUS, STATUS_NONE,
    /** /status as the first message of a chat that keeps nothing (new, or erased with /hapus). */
    STATUS_NOTHING_KEPT,
    /** After the answer to a command typed as a chat's first message, when nothing has started: how to begin. */
    NOT_STARTED,
    STATUS_NEW, STATUS_IN_VERIFICATION, STATUS_VERIFIED, STATUS_REFERRED, STATUS_CLOSED, STATUS_DELETED, STATUS_UNKNOWN,
    QUICK_EXIT,
    DELETE_CONFIRM, DELETE_DONE, DELETE_CANCELLED,
    /** /hapus as a chat's first message: no answers or files to erase; the messages sent were erased. */
    DELETE_NOTHING,
    /** Reply to input after a conversation that ended without a report (declined, deleted). */
    FINISHED,
    /**
     * After the report, danger said again while the emergency numbers were given a short while ago
     * ({@code CaseThreads#DANGER_NOTICE_EVERY}): a short line that the message arrived and is seen as urgent, with the
     * emergency numbers in one line, so a person in danger is never left without an answer.
     */
    DANGER_AGAIN,
    /** After the report: "your message reached the task force", once per quiet period. */
    THREAD_RECEIVED,
    /** The button under THREAD_RECEIVED that starts a new report. */
    THREAD_NEW_REPORT,
    /** After the report, to a case the task force closed: "{reference_code}". */
    CASE_CLOSED,
    /** /mulai after a report: "{reference_code}". */
    NEW_OR_ADD, NEW_OR_ADD_NEW, NEW_OR_ADD_ADD, NEW_OR_ADD_WHICH, NEW_OR_ADD_TO,
    /** "Addition" chosen: "{reference_code}". */
    THREAD_CONTINUE,
    /** A file after the report without evidence consent: "{reference_code}". */
    EVIDENCE_KEEP_QUESTION, EVIDENCE_KEPT, EVIDENCE_NOT_KEPT,
    FLOW_UPDATED,
    YES, NO, SKIP, DONE,
    /** Multi-choice acknowledgement: "{selected}". */
    SELECTED,
    /** Multi-choice: every choice un-ticked, or Done with none at a question that must be answered. */
    NOTHING_SELECTED,
    MULTI_TEXT_SAVED,
    /** A typed answer longer than its question takes: "{max}" characters at most. */
    TEXT_TOO_LONG,
    /** "{count}" uploads so far. */
    MEDIA_SAVED,
    SUMMARY_CONFIRM, SUMMARY_EDIT, SUMMARY_EDIT_WHICH, SUMMARY_BACK, SUMMARY_SKIPPED,
    /** "{count}" files. */
    SUMMARY_FILES,
    /**
     * A line of the story, or a file's note, that the person forwarded from another chat, as the summary shows it:
     * "{line}" marked, so the terlapor's words passed on are not read back as the person's own
     * ({@link id.ruangaman.conversation.Answer#forwarded(int)}).
     */
    SUMMARY_FORWARDED;

    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
