package id.ruangaman.inbox;

import java.util.ArrayList;
import java.util.List;

import id.ruangaman.conversation.Answer;

/**
 * One answer of the structured intake for the case view, print pages and referral letter. {@code key} is the
 * flow's answer key (a code: show it through {@code inject:labels.key}); the text a person reads is
 * {@code inject:labels.answer(line)}, which turns option ids into their labels.
 */
public record AnswerLine(String key, Answer answer, boolean skipped, List<String> mediaIds) {

    static AnswerLine of(String key, Answer answer) {
        if (answer == null) {
            return new AnswerLine(key, null, true, List.of());
        }
        return new AnswerLine(key, answer, answer.skipped(), answer.skipped() ? List.of() : answer.mediaIds());
    }

    /**
     * The answer as stored: option ids as codes, texts as typed, one part a line. For checks that an answer's content
     * does not leak somewhere (a summons, a log); never for display, which goes through {@code Labels.answer}.
     */
    public String text() {
        if (answer == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (answer.value() != null) {
            parts.add(answer.value());
        }
        parts.addAll(answer.values());
        if (answer.raw() != null) {
            parts.add(answer.raw());
        }
        parts.addAll(answer.parts());
        return String.join("\n", parts);
    }
}
