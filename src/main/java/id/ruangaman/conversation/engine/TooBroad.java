package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.definition.BroadWords;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.OptionDefinition;
import java.util.List;
import java.util.Map;

/**
 * A choice question's {@code too_broad} ({@link BroadWords}): a typed reply that picks no option but names a word the
 * flow knows is too broad ("pelecehan", "aku dilecehin", "harassed") gets one message that thanks and asks to choose,
 * with the question's buttons. It is not a failed answer (no retry is counted, so the question is never skipped for
 * it) and nothing is stored.
 */
final class TooBroad {

    private static final String BROAD = "_broad";

    private TooBroad() {
    }

    /**
     * Whether the typed reply names one of the node's broad words, read as an option's typed words are
     * ({@link ChoiceMatcher#mentions}: normalised, whole words inside a longer reply, not under a negation).
     */
    static boolean said(NodeDefinition node, String typed) {
        BroadWords broad = node.tooBroad();
        if (broad == null || broad.words().isEmpty()) {
            return false;
        }
        OptionDefinition meaning = new OptionDefinition(BROAD, new LocalizedText(Map.of()), broad.words(), null, null);
        return ChoiceMatcher.mentions(typed, List.of(SystemChoices.option(meaning, false))).ids().contains(BROAD);
    }

    /** One message: the flow's {@code too_broad.text} with the question's buttons; the retry count is left as it was. */
    static void askToChoose(Turn turn, NodeDefinition node) {
        Prompter.sayWithButtons(turn, turn.text(node.tooBroad().text()));
    }
}
