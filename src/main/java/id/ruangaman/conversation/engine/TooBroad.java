package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.definition.BroadWords;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.OptionDefinition;
import id.ruangaman.conversation.text.WholeAnswer;
import java.util.List;
import java.util.Map;

/**
 * A choice question's {@code too_broad} ({@link BroadWords}): a typed reply that picks no option but names a word the
 * flow knows is too broad ("pelecehan", "aku dilecehin", "harassed") gets one message that thanks and asks to choose,
 * with the question's buttons. It is not a failed answer (no retry is counted, so the question is never skipped for
 * it) and no option is ticked. At a multi choice the survivor's own words are kept (the draft's parts, the answer's
 * {@code raw}), so the counsellor reads "pelecehan" beside what was chosen. A reply that names options and a broad word
 * ("pelecehan dan dipukul") ticks the options and asks about the rest in the same one message
 * ({@link MultiChoiceHandler}).
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
        return read(node, typed).map(said -> said.ids().contains(BROAD)).orElse(false);
    }

    /**
     * Whether a typed reply at a single choice names a broad phrase and no option outside it: "aku udah di tempat aman"
     * at "Apakah aman chat di HP ini?" names a safe place, not a safe phone, though "aman" alone is "Ya, aman". Read
     * beside the options, so the longer phrase wins over the option's word inside it ("tempat aman" over "aman"), and an
     * option named elsewhere in the reply ("hp sendiri, aku di rumah") is still the answer. The reply then picks nothing
     * and gets {@link #askToChoose}; a broad phrase under a negation ("aku tidak di tempat aman") picks nothing either,
     * and gets the question's usual re-prompt (where the question's {@code on_unclear} then assumes the safer answer).
     */
    static boolean onlyBroad(NodeDefinition node, String typed) {
        // Read without the address words and particles chat puts around words (kak, ya, sih ...): beside a broad word they
        // name nothing, though "ya" alone may be an option's yes ("tunggu ya" is a wait, "ya" alone goes on).
        String words = WholeAnswer.core(typed);
        // "aku tidak di tempat aman": the phrase denied is still no option's word (not "aman"); unclear, asked again
        return read(node, words.isEmpty() ? typed : words)
                .map(said -> said.ids().equals(List.of(BROAD)) || said.ids().isEmpty() && said.negatedIds().contains(BROAD))
                .orElse(false);
    }

    /**
     * The reply read beside the options, with the node's broad words as one more option ({@value #BROAD}), so a broad
     * word inside an option's longer words ("dipaksa" in "dipaksa menikah", "kekerasan" in "kekerasan fisik") is that
     * option, and an option's word inside a longer broad phrase ("aman" in "tempat aman") is that phrase. Empty where the
     * node has no broad words.
     */
    private static java.util.Optional<ChoiceMatcher.Mentions> read(NodeDefinition node, String typed) {
        BroadWords broad = node.tooBroad();
        if (broad == null || broad.words().isEmpty()) {
            return java.util.Optional.empty();
        }
        List<ChoiceSpec> choices = new java.util.ArrayList<>();
        node.options().forEach(option -> choices.add(SystemChoices.option(option, false)));
        choices.add(SystemChoices.option(new OptionDefinition(BROAD, new LocalizedText(Map.of()), broad.words(), null, null), false));
        return java.util.Optional.of(ChoiceMatcher.mentions(typed, choices));
    }

    /**
     * One message: the flow's {@code too_broad.text} with the question's buttons; the retry count is left as it was. At a
     * multi choice what was typed is kept as the survivor's own words (the answer's {@code raw} once it is given).
     */
    static void askToChoose(Turn turn, NodeDefinition node, String typed) {
        if (node.kind() == id.ruangaman.conversation.definition.NodeKind.MULTI_CHOICE) {
            turn.update(state -> state.withDraft(state.draft().plusPart(typed.strip())));
        }
        Prompter.sayWithButtons(turn, turn.text(node.tooBroad().text()));
    }

    /** The flow's {@code too_broad.text}, for a reply that also ticked options: said after the acknowledgement. */
    static String question(Turn turn, NodeDefinition node) {
        return turn.text(node.tooBroad().text());
    }
}
