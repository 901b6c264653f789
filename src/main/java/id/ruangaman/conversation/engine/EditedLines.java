package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Input;

/**
 * An earlier line the person changed (Telegram {@code edited_message}, WhatsApp {@code edit}): recorded by the host as an
 * edit of that line; the conversation does not go back and nothing else of it is answered. It is read for danger now, as
 * a new line is ({@link DangerAnywhere#said(Turn, String)}): "aku baik" changed into "dia di depan pintu, aku takut" is
 * heard. Said, and not said already by the line as it was before this change, it is answered as a line past the flood
 * limit is ({@link FloodedLines}): the danger answer's events ({@code danger_reported}: the host marks the case and tells
 * the team), the session's {@code dangerSaid}, and the emergency numbers as the one reply, at most once per
 * {@link CaseThreads#DANGER_NOTICE_EVERY}. A change of a line that said danger already ("dia di depan pintu" corrected
 * into "dia di depan pintu kos") sends nothing again; a change that says none gets nothing.
 */
public final class EditedLines {

    private EditedLines() {
    }

    /** {@code before}: the line's text as it was before this change (null: not known, or not text); see the class comment. */
    public static void read(Turn turn, String before, Input edited) {
        if (before != null && DangerAnywhere.said(turn, before)) {
            return;
        }
        FloodedLines.read(turn, edited);
    }
}
