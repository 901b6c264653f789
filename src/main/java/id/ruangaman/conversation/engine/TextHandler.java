package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.AnswerWords;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code text}: one typed answer, not blank, at most {@code max_length} characters; a longer one is told the limit
 * ({@code text_too_long}, or the question's own {@code reprompt}) each time, and the question stays: it is not a failed
 * try, so it never leads to the question being skipped.
 */
class TextHandler implements NodeHandler {

    private static final Pattern NON_WORD_KEEP_APOSTROPHE = Pattern.compile("[^\\p{L}\\p{N}']+");

    @Override
    public NodeKind kind() {
        return NodeKind.TEXT;
    }

    @Override
    public KindRules rules() {
        return KindRules.answer();
    }

    @Override
    public List<ChoiceSpec> choices(Turn turn, NodeDefinition node) {
        List<ChoiceSpec> choices = new ArrayList<>();
        SystemChoices.addSkip(choices, turn.flow(), node);
        return choices;
    }

    @Override
    public Outcome handle(Turn turn, NodeDefinition node, Reply reply) {
        Optional<String> button = TypedWords.button(reply, choices(turn, node));
        if (button.isPresent() && button.get().equals(ChoiceIds.SKIP)) {
            return Outcome.answered(Answer.skipped(node.kind().fileName(), null), ChoiceIds.SKIP);
        }
        if (reply instanceof Reply.Typed typed && node.isNoMeansSkip() && declines(turn, typed.text())) {
            return Outcome.answered(Answer.skipped(node.kind().fileName(), typed.text().strip()), ChoiceIds.SKIP);
        }
        if (reply instanceof Reply.Typed typed && putsOff(turn, typed.text())) {
            // "nanti aja", "skip dulu", "belum siap", "rahasia" was saved as the name, the faculty, the witnesses ...:
            // where the question may be skipped it is Lewati said in words (what was typed kept beside the skip); where
            // it may not, the question's one kind re-prompt, and it is never saved as the answer
            return node.isSkippable() ? Outcome.answered(Answer.skipped(node.kind().fileName(), typed.text().strip()), ChoiceIds.SKIP)
                    : Outcome.invalid(reply);
        }
        if (reply instanceof Reply.Typed typed && typed.text().strip().length() > node.maxLength()) {
            // Understood, only too long: what went wrong, with the limit, each time, and the question stays. Never a
            // failed try ("belum mengerti", which counts to a skip). A question with its own re-prompt says its limit
            // there ("paling banyak 100 huruf": the name, the code word).
            Prompter.sayWithButtons(turn, node.reprompt() != null ? turn.text(node.reprompt())
                    : turn.msg(MessageKey.TEXT_TOO_LONG, "max", String.valueOf(node.maxLength())));
            return Outcome.handled();
        }
        Optional<String> text = validText(node, reply);
        return text.map(value -> Outcome.answered(answer(turn, value), "next")).orElseGet(() -> Outcome.invalid(reply));
    }

    /**
     * Whether the whole reply only declines: a no word of {@code conversations/_answer_words.yaml} ("gak", "tidak",
     * "no") or a phrase of {@link Words#DECLINE} ("ga mau", "gak usah", "rather not"), compared as a whole after
     * normalising (case, full-width letters, repeated letters, punctuation and emoji around it) and leaving out the
     * particles around it ("ngga deh", "gak ah", "ga usah dong kak"). A name that merely holds such letters ("Ga Yeon",
     * "Nova", "Tidaka") is not one.
     */
    static boolean declines(Turn turn, String typed) {
        String text = withoutParticles(ChoiceMatcher.normalize(typed));
        return !text.isEmpty() && java.util.stream.Stream.concat(turn.context().settings().words().allNo().stream(), Words.DECLINE.stream())
                .map(word -> withoutParticles(ChoiceMatcher.normalize(word))).anyMatch(text::equals);
    }

    /**
     * The words of a normalised reply without the particles and address words spoken Indonesian puts around a "no"
     * ({@link Words#DECLINE_PARTICLES}: "ngga deh", "gak ah kak", "ga usah dong", "nope deh"), joined by one space.
     * Before, only the bare word declined and "ngga deh" at "Siapa namamu?" was kept as the name.
     */
    private static String withoutParticles(String normalized) {
        return java.util.Arrays.stream(NON_WORD_KEEP_APOSTROPHE.split(normalized))
                .filter(word -> !word.isEmpty() && !Words.DECLINE_PARTICLES.contains(word))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /**
     * Whether a typed reply to a free-text question only puts it off or declines to say: "later" or skip words with
     * small ones ({@link LaterWords#only}: "nanti aja", "nanti dulu kak", "skip", "lewati dulu ya", "belum siap", "gk
     * skrg") or a wish not to say ({@link LaterWords#ratherNotSay}: "rahasia", "gak mau bilang", "prefer not to say").
     * A text that says more is an answer: "nanti dia datang lagi ke kos" is kept.
     */
    static boolean putsOff(Turn turn, String typed) {
        AnswerWords words = turn.context().settings().words();
        return LaterWords.only(typed, words) || LaterWords.ratherNotSay(typed, words);
    }

    Answer answer(Turn turn, String text) {
        return Answer.text(text);
    }

    static Optional<String> validText(NodeDefinition node, Reply reply) {
        if (reply instanceof Reply.Typed typed) {
            String text = typed.text().strip();
            if (!text.isEmpty() && text.length() <= node.maxLength()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
