package id.ruangaman.inbox;

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
}
