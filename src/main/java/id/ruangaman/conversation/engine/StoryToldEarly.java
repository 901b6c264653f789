package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Draft;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.definition.Limits;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import id.ruangaman.conversation.definition.ToldEarly;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The story a person starts telling at an earlier question ({@link ToldEarly}, {@code told_early} of the story
 * question): kept as the beginning of the story's answer, never filed beside the question it was typed at, and never
 * asked for again as if it had not been told. Such a reply still counts as one attempt at the question it was typed at
 * (so a person who goes on telling is not held at that question: the second time it is given up on, as any unclear
 * reply would be, and recorded as skipped without the words), but it gets {@code kept} instead of "Maaf, saya belum
 * mengerti". The story question then opens with the kept lines in its draft and {@code carried} before it.
 */
final class StoryToldEarly {

    /** The kinds whose unclear replies may be a telling: choices and dates. Free text keeps what is typed anyway. */
    private static final Set<NodeKind> ASKS_SHORT = java.util.EnumSet.of(NodeKind.SINGLE_CHOICE, NodeKind.MULTI_CHOICE,
            NodeKind.YES_NO, NodeKind.DATE);

    private StoryToldEarly() {
    }

    /** The flow's story question ({@code told_early}), if it has one (the linter allows one). */
    static Optional<NodeDefinition> question(Flow flow) {
        return flow.nodes().stream().filter(node -> node.toldEarly() != null && node.key() != null).findFirst();
    }

    /**
     * When {@code reply} at {@code node} is the story told early (see {@link ToldEarly}: the person's own typed words,
     * {@link Limits#STORY_TOLD_EARLY_WORDS} words or more, not a question, at a choice or date question of the report other
     * than the story), adds its words to the story's answer after any kept before and returns the {@code kept} line to
     * say; else empty, and nothing changes. An answer of the story that was skipped is replaced; one already given
     * (a telling at a question after the story) is added to.
     */
    static Optional<String> keep(Turn turn, NodeDefinition node, Reply reply) {
        if (!(reply instanceof Reply.Typed typed) || typed.forwarded() || !ASKS_SHORT.contains(node.kind())
                || node.key() == null || node.label() == null || !telling(typed.text())) {
            return Optional.empty();
        }
        Optional<NodeDefinition> story = question(turn.flow()).filter(found -> !found.id().equals(node.id()));
        if (story.isEmpty()) {
            return Optional.empty();
        }
        NodeDefinition question = story.get();
        Answer before = turn.state().answers().get(question.key());
        List<String> parts = new ArrayList<>(before == null || before.skipped() ? List.of() : before.parts());
        parts.addAll(MultiTextHandler.parts(question, typed));
        Answer kept = Answer.texts(parts, before == null || before.skipped() ? List.of() : before.forwarded());
        turn.update(state -> state.withAnswer(question.key(), kept));
        turn.emit(new Output.AnswerRecorded(question.key(), kept));
        return Optional.of(turn.text(question.toldEarly().kept()));
    }

    /**
     * Entering the story question with words kept before it ({@link #keep}) and nothing collected yet: those words
     * become its draft, so more lines add to them and Done keeps them; returns the {@code carried} line to say before
     * the question. Else empty.
     */
    static Optional<String> opening(Turn turn, NodeDefinition node) {
        if (node.toldEarly() == null || node.key() == null || !turn.state().draft().isEmpty()) {
            return Optional.empty();
        }
        Answer kept = turn.state().answers().get(node.key());
        if (kept == null || kept.skipped() || kept.parts().isEmpty()) {
            return Optional.empty();
        }
        turn.update(state -> state.withDraft(Draft.collecting(kept)));
        return Optional.of(turn.text(node.toldEarly().carried()));
    }

    /**
     * After the turn moved on from a question where the story was told early: {@code kept} (null: nothing was) put into
     * the first message said since the mark {@code from}, the next question, so thanks and question come as one message.
     * Not where that question is the story itself: it opens with {@code carried}, which says it already.
     */
    static void thank(Turn turn, int from, String kept) {
        if (kept == null) {
            return;
        }
        boolean atStory = question(turn.flow()).map(story -> story.id().equals(turn.state().nodeId())).orElse(false);
        if (!atStory) {
            turn.joinNote(from, kept, "");
        }
    }

    /** Whether typed words read as a telling: enough words, and not a question back ("maksudnya gimana ya kak?"). */
    static boolean telling(String text) {
        String words = text.strip();
        if (words.endsWith("?")) {
            return false;
        }
        int count = 0;
        for (String word : words.split("\\s+")) {
            if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                count++;
            }
        }
        return count >= Limits.STORY_TOLD_EARLY_WORDS;
    }
}
