package id.ruangaman.conversation.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Draft;
import id.ruangaman.conversation.SessionState;

/**
 * An earlier line the person changed while their report is still being written (Telegram {@code edited_message}): the
 * answer made of that line takes its new words, so the summary they confirm, and the report, say what they meant.
 * Typed text only: a {@code text} answer (a place, a time told in words, a description of the terlapor), a part of a
 * {@code multi_text} answer (a line of the story), a note beside the evidence ({@code media} parts), and the lines of
 * a story still being collected ({@link Draft#parts()}). A line is recognised by its words as stored (stripped), as the
 * handlers keep a typed line ({@code TextHandler}, {@code MultiTextHandler}, {@code MediaHandler}); every part holding
 * exactly those words takes the new ones. A choice typed as text is not changed by an edit: what was chosen was
 * chosen (and confirmed at the summary); the edit stays in the transcript for the counsellor. A date told in words is
 * not re-read either. A line too long for one part (split by the handler) is not found and stays as it was.
 */
public final class EditedAnswers {

    private EditedAnswers() {
    }

    /** {@code state} with every typed answer or draft part that reads {@code before} reading {@code after}; the same state when none does. */
    public static SessionState correct(SessionState state, String before, String after) {
        if (before == null || after == null || before.isBlank() || after.isBlank()) {
            return state;
        }
        String old = before.strip();
        String now = after.strip();
        if (old.equals(now)) {
            return state;
        }
        boolean changed = false;
        Map<String, Answer> answers = new LinkedHashMap<>(state.answers());
        for (Map.Entry<String, Answer> entry : state.answers().entrySet()) {
            Answer answer = entry.getValue();
            Answer corrected = switch (answer.kind() == null ? "" : answer.kind()) {
                case "text" -> answer.skipped() || !old.equals(answer.value()) ? answer
                        : new Answer(answer.kind(), now, answer.values(), answer.raw(), answer.date(), answer.precision(),
                                answer.mediaIds(), false, answer.parts());
                case "multi_text", "media" -> answer.parts().contains(old)
                        ? new Answer(answer.kind(), answer.value(), answer.values(), answer.raw(), answer.date(), answer.precision(),
                                answer.mediaIds(), answer.skipped(), replaced(answer.parts(), old, now))
                        : answer;
                default -> answer;
            };
            if (corrected != answer) {
                answers.put(entry.getKey(), corrected);
                changed = true;
            }
        }
        Draft draft = state.draft();
        if (draft.parts().contains(old) && draft.selected().isEmpty()) {
            draft = new Draft(draft.selected(), replaced(draft.parts(), old, now), draft.mediaIds(), draft.choosingEdit());
            changed = true;
        }
        return changed ? state.withAnswers(answers).withDraft(draft) : state;
    }

    private static List<String> replaced(List<String> parts, String old, String now) {
        return parts.stream().map(part -> part.equals(old) ? now : part).toList();
    }
}
