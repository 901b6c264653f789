package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.UnclearAnswer;

/**
 * A question's {@code on_unclear} ({@link UnclearAnswer}): a typed reply that names a sign of the assumed answer
 * ("kadang ada teman kos yang pinjam hp") is that answer at once, and after the allowed failed attempts the answer is
 * assumed instead of skipping the question. The typed text is kept in {@code raw}; the answer can be changed in the
 * summary like any other.
 */
final class Unclear {

    private Unclear() {
    }

    /** Whether a reply no button matched contains one of the node's {@code on_unclear.words}. */
    static boolean signalled(NodeDefinition node, String typed) {
        UnclearAnswer unclear = node.onUnclear();
        if (unclear == null || typed == null) {
            return false;
        }
        String text = " " + words(typed) + " ";
        return unclear.words().stream().map(Unclear::words).filter(word -> !word.isBlank())
                .anyMatch(word -> text.contains(" " + word + " "));
    }

    /** Records the assumed answer, says what was assumed, and leaves through that answer's events and exit. */
    static void assume(Turn turn, NodeDefinition node, String raw) {
        UnclearAnswer unclear = node.onUnclear();
        turn.say(turn.text(unclear.text()));
        Navigator.answered(turn, node, Answer.choice(node.kind().fileName(), unclear.answer(), raw), unclear.answer());
    }

    /** Normalised like typed answers, then only letters and digits separated by single spaces. */
    private static String words(String text) {
        return ChoiceMatcher.normalize(text).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
