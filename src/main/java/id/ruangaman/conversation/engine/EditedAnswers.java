package id.ruangaman.conversation.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Draft;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;

/**
 * An earlier line the person changed while their report is still being written (Telegram {@code edited_message},
 * WhatsApp {@code edit}): the answer made of that line takes its new words, so the summary they confirm, and the
 * report, say what they meant.
 *
 * <p>A line is found by where it went, not by its words: when a typed line is taken, the host keeps its {@link Place}
 * ({@link #placeOf}) beside the platform's id of the line, and an edit, which names the original by that id (Telegram
 * {@code message_id}, WhatsApp {@code edit.original_message_id}), changes that place only ({@link #correct}). So of two
 * identical lines only the one edited changes, and a line too long for one part (split by the handler) is found and
 * replaced whole. Typed text only: a {@code text} answer (a place, a time told in words, a description of the
 * terlapor), the parts of a {@code multi_text} answer (lines of the story, also those told early at a question before
 * it: {@link StoryToldEarly}), a note beside the evidence ({@code media} parts), and the lines of a story still being
 * collected ({@link Draft#parts()}). A choice typed as text is not changed
 * by an edit: what was chosen was chosen (and confirmed at the summary); the edit stays in the transcript for the
 * counsellor. A date told in words is not re-read either.
 */
public final class EditedAnswers {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private EditedAnswers() {
    }

    /**
     * Where one typed line was kept.
     *
     * @param key   the flow's answer key
     * @param part  for an answer made of parts: the line's first part (0-based); null for a whole {@code text} answer
     * @param count how many parts the line became (1 for a text answer)
     */
    public record Place(String key, Integer part, int count) {
    }

    /**
     * Where the line that moved the conversation from {@code before} to {@code after} was kept: the parts it added to the
     * draft of {@code node} (the question {@code before} was at), or the {@code text} answer it set. Empty when it was
     * kept as nothing editable (a choice, a date, the "done" of a story, a command) or {@code node} has no key.
     */
    public static Optional<Place> placeOf(SessionState before, SessionState after, NodeDefinition node) {
        if (node == null || node.key() == null) {
            return Optional.empty();
        }
        List<String> was = before.draft().parts();
        List<String> now = after.draft().parts();
        if (Objects.equals(before.nodeId(), after.nodeId()) && after.draft().selected().isEmpty() && now.size() > was.size()
                && now.subList(0, was.size()).equals(was)) {
            return Optional.of(new Place(node.key(), was.size(), now.size() - was.size()));
        }
        Answer answer = after.answers().get(node.key());
        if (answer != null && "text".equals(answer.kind()) && !answer.skipped() && answer.value() != null
                && !answer.equals(before.answers().get(node.key()))) {
            return Optional.of(new Place(node.key(), null, 1));
        }
        return grownStory(before, after);
    }

    /**
     * The parts a line added at the end of another question's story ({@code multi_text}) answer: the story told early
     * at a question before it ({@link StoryToldEarly}), so an edit of that line reaches the story too. Empty when no
     * such answer grew.
     */
    private static Optional<Place> grownStory(SessionState before, SessionState after) {
        for (Map.Entry<String, Answer> entry : after.answers().entrySet()) {
            Answer now = entry.getValue();
            Answer was = before.answers().get(entry.getKey());
            List<String> had = was == null || was.skipped() ? List.of() : was.parts();
            if ("multi_text".equals(now.kind()) && !now.skipped() && now.parts().size() > had.size()
                    && now.parts().subList(0, had.size()).equals(had)) {
                return Optional.of(new Place(entry.getKey(), had.size(), now.parts().size() - had.size()));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code state} with the line kept at {@code place} reading {@code after} instead of {@code before} (its words as
     * last known: the original, or its last edit); the new words are split as the question splits a line
     * ({@code node}: the question of {@code place.key}). Empty when nothing changed: the place no longer holds those
     * words (the answer was given again since, e.g. from the summary), the words are the same, or either is blank.
     */
    public static Optional<Corrected> correct(SessionState state, Place place, NodeDefinition node, String before, String after) {
        if (place == null || node == null || before == null || after == null || before.isBlank() || after.isBlank()
                || before.strip().equals(after.strip())) {
            return Optional.empty();
        }
        String now = after.strip();
        if (place.part() == null) {
            Answer answer = state.answers().get(place.key());
            if (answer == null || !"text".equals(answer.kind()) || answer.skipped() || !before.strip().equals(answer.value())) {
                return Optional.empty();
            }
            Map<String, Answer> answers = new LinkedHashMap<>(state.answers());
            answers.put(place.key(), new Answer(answer.kind(), now, answer.values(), answer.raw(), answer.date(), answer.precision(),
                    answer.mediaIds(), false, answer.parts()));
            return Optional.of(new Corrected(state.withAnswers(answers), place));
        }
        List<String> pieces = node.kind() == NodeKind.MULTI_TEXT || node.kind() == NodeKind.MEDIA
                ? MultiTextHandler.parts(node, new Reply.Typed(now)) : List.of(now);
        SessionState corrected = state;
        Answer answer = state.answers().get(place.key());
        if (answer != null && ("multi_text".equals(answer.kind()) || "media".equals(answer.kind()))
                && holds(answer.parts(), place, before)) {
            Map<String, Answer> answers = new LinkedHashMap<>(state.answers());
            answers.put(place.key(), answer.replacingParts(place.part(), place.count(), pieces));
            corrected = corrected.withAnswers(answers);
        }
        Draft draft = state.draft();
        if (node.id().equals(state.nodeId()) && draft.selected().isEmpty() && holds(draft.parts(), place, before)) {
            corrected = corrected.withDraft(draft.replacingParts(place.part(), place.count(), pieces));
        }
        return corrected == state ? Optional.empty()
                : Optional.of(new Corrected(corrected, new Place(place.key(), place.part(), pieces.size())));
    }

    /**
     * {@code state} without the line kept at {@code place}, which the person deleted for everyone while the report was
     * still being written (WhatsApp {@code revoke}): a {@code text} answer made of it is taken away (the question reads as
     * not answered), and its parts leave a story ({@code multi_text}: the answer, and the draft of the story being
     * written); an answer left without a line is taken away. {@code words}: the line as last known. Empty when nothing
     * changed (the place no longer holds those words, or another kind of answer). Notes beside the evidence are not
     * touched: a note's place may be a file's caption.
     */
    public static Optional<Corrected> withdrawn(SessionState state, Place place, NodeDefinition node, String words) {
        if (place == null || node == null || words == null || words.isBlank()) {
            return Optional.empty();
        }
        Answer answer = state.answers().get(place.key());
        Map<String, Answer> answers = new LinkedHashMap<>(state.answers());
        if (place.part() == null) {
            if (answer == null || !"text".equals(answer.kind()) || answer.skipped() || !words.strip().equals(answer.value())) {
                return Optional.empty();
            }
            answers.remove(place.key());
            return Optional.of(new Corrected(state.withAnswers(answers), new Place(place.key(), null, 0)));
        }
        SessionState corrected = state;
        if (answer != null && "multi_text".equals(answer.kind()) && holds(answer.parts(), place, words)) {
            Answer without = answer.replacingParts(place.part(), place.count(), List.of());
            if (without.parts().isEmpty()) {
                answers.remove(place.key());
            } else {
                answers.put(place.key(), without);
            }
            corrected = corrected.withAnswers(answers);
        }
        Draft draft = state.draft();
        if (node.kind() == NodeKind.MULTI_TEXT && node.id().equals(state.nodeId()) && holds(draft.parts(), place, words)) {
            corrected = corrected.withDraft(draft.replacingParts(place.part(), place.count(), List.of()));
        }
        return corrected == state ? Optional.empty() : Optional.of(new Corrected(corrected, new Place(place.key(), place.part(), 0)));
    }

    /**
     * A correction made: the new state, and the line's place now ({@code count} may differ from before when the new words
     * take more or fewer parts; the lines kept after it in the same answer move by the difference).
     */
    public record Corrected(SessionState state, Place place) {
    }

    /**
     * Whether {@code answer} (a submitted report's) still holds {@code words} at {@code place}: a {@code text} answer reads
     * them, or the parts of a {@code multi_text} or {@code media} answer at the place do (white space aside). False for a
     * skipped answer, another kind, or a place the answer no longer has (it was given again, e.g. from the summary).
     */
    public static boolean holdsIn(Answer answer, Place place, String words) {
        if (answer == null || place == null || words == null || words.isBlank() || answer.skipped()) {
            return false;
        }
        if (place.part() == null) {
            return "text".equals(answer.kind()) && words.strip().equals(answer.value());
        }
        return ("multi_text".equals(answer.kind()) || "media".equals(answer.kind())) && holds(answer.parts(), place, words);
    }

    /** Whether {@code parts} holds the line's words at its place (its parts, white space aside: a split cuts at white space). */
    private static boolean holds(List<String> parts, Place place, String words) {
        int from = place.part();
        int to = from + place.count();
        if (from < 0 || place.count() < 1 || to > parts.size()) {
            return false;
        }
        return squeezed(String.join("", parts.subList(from, to))).equals(squeezed(words));
    }

    private static String squeezed(String text) {
        return WHITE_SPACE.matcher(text).replaceAll("");
    }
}
