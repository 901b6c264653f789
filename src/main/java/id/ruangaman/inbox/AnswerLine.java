package id.ruangaman.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import id.ruangaman.conversation.Answer;

/**
 * One answer of the structured intake for the case view, print pages and referral letter. {@code key} is the
 * flow's answer key (a code: show it through {@code inject:labels.key}); the text a person reads is
 * {@code inject:labels.answer(line)}, which turns option ids into their labels. {@code corrections}: what the pelapor
 * corrected of it after sending the report ({@link AnswerCorrections}); {@link Corrections#NONE} when nothing.
 */
public record AnswerLine(String key, Answer answer, boolean skipped, List<String> mediaIds, Corrections corrections) {

    public AnswerLine(String key, Answer answer, boolean skipped, List<String> mediaIds) {
        this(key, answer, skipped, mediaIds, Corrections.NONE);
    }

    static AnswerLine of(String key, Answer answer) {
        if (answer == null) {
            return new AnswerLine(key, null, true, List.of());
        }
        return new AnswerLine(key, answer, answer.skipped(), answer.skipped() ? List.of() : answer.mediaIds());
    }

    /**
     * The pelapor's corrections of an answer (V265).
     *
     * @param reported  the answer as the report holds it, when corrections made before its part of the report was
     *                  verified changed what {@link #answer} shows; null when none did
     * @param changedAt when the last of those was made; null when none
     * @param later     corrections made after verification, shown beside the verified text (never replacing it),
     *                  oldest place first
     */
    public record Corrections(Answer reported, Instant changedAt, List<Later> later) {
        public static final Corrections NONE = new Corrections(null, null, List.of());
    }

    /**
     * A correction made after the answer was verified.
     *
     * @param text      the pelapor's new words
     * @param replaced  the verified words it would replace (the line's part of the answer); null when not known
     * @param at        when it was made
     * @param messageId the edit's line in the transcript ({@code #msg-<id>})
     */
    public record Later(String text, String replaced, Instant at, long messageId) {
    }

    /**
     * Whether a file of this answer came with words of its own ({@link Answer#captions()}): a print then lists each file
     * on a line of its own, its caption beside it ({@code tags/evidenceFiles}), so no caption seems to sit beside another.
     */
    public boolean captioned() {
        return answer != null && !skipped && mediaIds.stream().anyMatch(id -> !answer.captionOf(id).isEmpty());
    }

    /** Whether corrections made before verification changed what this answer shows ({@link Corrections#reported}). */
    public boolean changed() {
        return corrections.reported() != null;
    }

    /** The answer as the report holds it, to show beside the corrected one; this line when nothing was changed. */
    public AnswerLine reportedLine() {
        return changed() ? new AnswerLine(key, corrections.reported(), skipped, mediaIds) : this;
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
