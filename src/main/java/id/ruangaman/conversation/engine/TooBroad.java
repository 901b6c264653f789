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
        return whole(node, typed) || read(node, typed).map(said -> said.ids().contains(BROAD)).orElse(false);
    }

    /**
     * Whether a typed reply at a single choice names a broad phrase and no option outside it: "aku udah di tempat aman"
     * at "Apakah aman chat di HP ini?" names a safe place, not a safe phone, though "aman" alone is "Ya, aman". Read
     * beside the options, so the longer phrase wins over the option's word inside it ("tempat aman" over "aman"), and an
     * option named elsewhere in the reply ("hp sendiri, aku di rumah") is still the answer, unless the node's broad
     * words win over options ({@code over_options}: "belum siap lanjut" is a wait). The reply then picks nothing and
     * gets {@link #askToChoose}; a broad phrase under a negation ("aku tidak di tempat aman") picks nothing either, and
     * gets the question's usual re-prompt (where the question's {@code on_unclear} then assumes the safer answer). A
     * broad word marked {@code "="} ("=gak" at the question after the emergency numbers) counts only as the whole reply.
     */
    static boolean onlyBroad(NodeDefinition node, String typed) {
        if (whole(node, typed)) {
            return true;
        }
        // Read without chat's particles around words (ya, sih, dong ...): beside a broad word they name nothing, though
        // "ya" alone may be an option's yes ("tunggu ya" is a wait, "ya" alone goes on). Address words stay: "kakak" may
        // be an answer ("hp ini punya kakak").
        String words = PARTICLES.matcher(typed).replaceAll(" ");
        String read = words.isBlank() ? typed : words;
        boolean wins = node.tooBroad() != null && node.tooBroad().overOptions();
        // "aku tidak di tempat aman": the phrase denied is still no option's word (not "aman"); unclear, asked again
        return read(node, read).map(said -> wins && said.ids().contains(BROAD) || said.ids().equals(List.of(BROAD))
                || said.ids().isEmpty() && said.negatedIds().contains(BROAD)).orElse(false);
    }

    /** Chat's particles, which carry no meaning of their own beside a word (not the address words: "kakak" is a person). */
    private static final java.util.regex.Pattern PARTICLES = java.util.regex.Pattern.compile(
            "(?iu)(?<![\\p{L}\\p{N}])(?:ya|yaa|dong|aja|saja|sih|deh|nih|tuh|lho|loh)(?![\\p{L}\\p{N}])");

    /** Whether the whole reply is one of the node's broad words, a whole-answer one ({@code "=gak"}) included. */
    private static boolean whole(NodeDefinition node, String typed) {
        BroadWords broad = node.tooBroad();
        // a bare number is a button's place, never a broad word (match would read it as the one choice's place)
        if (broad == null || broad.words().isEmpty() || typed.strip().chars().allMatch(Character::isDigit)) {
            return false;
        }
        return ChoiceMatcher.match(typed, List.of(SystemChoices.option(
                new OptionDefinition(BROAD, new LocalizedText(Map.of()), broad.words(), null, null), false))).isPresent();
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
