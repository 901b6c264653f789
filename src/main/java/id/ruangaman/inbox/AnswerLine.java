package id.ruangaman.inbox;

import java.util.ArrayList;
import java.util.List;

import id.ruangaman.conversation.Answer;

/** One answer of the structured intake, as text for the case view and print pages. */
public record AnswerLine(String key, String text, boolean skipped, List<String> mediaIds) {

    static AnswerLine of(String key, Answer answer) {
        if (answer == null || answer.skipped()) {
            return new AnswerLine(key, answer == null || answer.raw() == null ? "" : answer.raw(), true, List.of());
        }
        List<String> parts = new ArrayList<>();
        if (answer.value() != null) {
            parts.add(answer.value());
        }
        if (!answer.values().isEmpty()) {
            parts.add(String.join(", ", answer.values()));
        }
        if (answer.date() != null) {
            parts.add(answer.date() + (answer.precision() == null ? "" : " (" + answer.precision().name().toLowerCase() + ")")
                    + (answer.raw() == null ? "" : " — \u201c" + answer.raw() + "\u201d"));
        } else if (answer.raw() != null && answer.value() == null) {
            parts.add(answer.raw());
        }
        parts.addAll(answer.parts());
        return new AnswerLine(key, String.join("\n", parts), false, answer.mediaIds());
    }
}
