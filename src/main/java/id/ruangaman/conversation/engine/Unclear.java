package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.UnclearAnswer;

/**
 * A question's {@code on_unclear} ({@link UnclearAnswer}): after the allowed failed attempts the answer is assumed
 * instead of skipping the question. The last typed text is kept in {@code raw}; the answer can be changed in the
 * summary like any other.
 */
final class Unclear {

    private Unclear() {
    }

    /**
     * Records the assumed answer, says what was assumed, and leaves through that answer's events and its exit, or
     * {@code on_unclear.next} when given.
     */
    static void assume(Turn turn, NodeDefinition node, String raw) {
        UnclearAnswer unclear = node.onUnclear();
        turn.say(turn.text(unclear.text()));
        String target = unclear.next() != null ? unclear.next() : node.target(unclear.answer());
        Navigator.answered(turn, node, Answer.choice(node.kind().fileName(), unclear.answer(), raw), unclear.answer(), target);
    }
}
