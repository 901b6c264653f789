package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.OptionDefinition;
import id.ruangaman.conversation.definition.UnclearAnswer;
import java.util.List;
import java.util.Map;

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

    /**
     * Whether a typed reply names one of {@code on_unclear.words} ("tolong", "aku takut" at "are you in danger?"), as a
     * whole word anywhere in it and not under a negation ("tidak takut"), whatever else it says ("lewati, aku takut",
     * "nggak, tolong"): read before the question's own answers, so a word of danger is never lost to a re-prompt or
     * to a "no" that came first. {@code on_unclear.harmless} does not count here: at the question itself a word of
     * danger is taken as said, also beside a harmless object ("nggak, cuma dikejar deadline" shows the numbers; the
     * answer can be changed in the summary).
     */
    static boolean saidAtOnce(Turn turn, NodeDefinition node, String typed) {
        UnclearAnswer unclear = node.onUnclear();
        if (unclear == null || unclear.words().isEmpty() && unclear.wordsAnywhere().isEmpty()) {
            return false;
        }
        return ChoiceMatcher.mentions(ChatShorthand.writtenOut(typed), filed(turn, node)).ids().contains(unclear.answer());
    }

    /**
     * At a yes/no question, the other answer when a typed reply names {@code on_unclear.words} only under a negation
     * ("tidak dalam bahaya", "I'm not in danger", "udah gak bahaya" at "are you in danger?": no). Read last, after the
     * question's own words and the general yes and no words, so it only answers a reply that nothing else answered;
     * a word of danger named anywhere without a negation is read first ({@link #saidAtOnce}).
     */
    static java.util.Optional<String> deniedOnly(Turn turn, NodeDefinition node, String typed) {
        UnclearAnswer unclear = node.onUnclear();
        if (unclear == null || unclear.words().isEmpty() && unclear.wordsAnywhere().isEmpty()) {
            return java.util.Optional.empty();
        }
        String other = ChoiceIds.YES.equals(unclear.answer()) ? ChoiceIds.NO : ChoiceIds.NO.equals(unclear.answer()) ? ChoiceIds.YES : null;
        if (other == null) {
            return java.util.Optional.empty();
        }
        ChoiceMatcher.Mentions mentions = ChoiceMatcher.mentions(ChatShorthand.writtenOut(typed), filed(turn, node));
        return mentions.ids().isEmpty() && mentions.negatedIds().contains(unclear.answer()) ? java.util.Optional.of(other)
                : java.util.Optional.empty();
    }

    /**
     * The question's {@code on_unclear.words} and {@code words_anywhere} as the phrases of one choice meaning its
     * {@code on_unclear.answer} ({@link PhraseIndex}), without its {@code harmless} phrases: filed once per flow and
     * question ({@link Flow#derived}), as the danger question's words are read at each of its replies and at every
     * quoted reply after it. A question not of the turn's flow is filed on the spot.
     */
    private static PhraseIndex filed(Turn turn, NodeDefinition node) {
        Filed filed = turn.flow().derived(Filed.class, flow -> new Filed(new java.util.concurrent.ConcurrentHashMap<>()));
        if (turn.flow().findNode(node.id()).filter(own -> own == node).isEmpty()) {
            return file(node.onUnclear());
        }
        return filed.byNode().computeIfAbsent(node.id(), id -> file(node.onUnclear()));
    }

    private static PhraseIndex file(UnclearAnswer unclear) {
        OptionDefinition meaning = new OptionDefinition(unclear.answer(), new LocalizedText(Map.of()), unclear.wordsHere(), null, null);
        // no harmless phrases here: at the danger question the person answers whether they are in danger, and a word
        // of danger there is taken as said ("di kerjaan aku dalam bahaya"); they count at every other question
        return PhraseIndex.of(List.of(SystemChoices.option(meaning, false)), List.of());
    }

    /** The questions' filed words, by node id, of one flow. */
    private record Filed(Map<String, PhraseIndex> byNode) {
    }

    /** The answer {@code on_unclear} names, taken as if chosen (its events and exit); the typed text kept in {@code raw}. */
    static void takeAtOnce(Turn turn, NodeDefinition node, String raw) {
        UnclearAnswer unclear = node.onUnclear();
        Navigator.answered(turn, node, Answer.choice(node.kind().fileName(), unclear.answer(), raw), unclear.answer());
    }
}
