package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code single_choice}: one option, tapped or typed, then leave through that option's exit. A typed answer that is not
 * the option's label is shown back ("✓ 3 hari terakhir") so a misreading can be corrected.
 */
final class SingleChoiceHandler implements NodeHandler {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Before the label of the option a typed answer was taken as; the tick of a chosen button, in any language. */
    static final String ECHO = "✓ ";

    @Override
    public NodeKind kind() {
        return NodeKind.SINGLE_CHOICE;
    }

    @Override
    public KindRules rules() {
        return KindRules.answer().withOptions().withExitPerAnswer().withLanguageChoice();
    }

    @Override
    public String summaryValue(Turn turn, NodeDefinition node, Answer answer) {
        return SummaryRenderer.optionLabel(turn, node, answer.value());
    }

    /**
     * A {@code sets_language} question reached in a chat whose language is already known (a new report after one, or
     * starting over, keeps the language: {@code Sessions.restart}) is answered with that language and not asked again;
     * /bahasa changes it any time. Asked as usual while no language is known (a new chat).
     */
    @Override
    public String enter(Turn turn, NodeDefinition node) {
        String known = turn.state().language();
        if (node.isLanguageChoice() && known != null && node.options().stream().anyMatch(option -> option.id().equals(known))) {
            Navigator.record(turn, node, Answer.choice(node.kind().fileName(), known, null), known);
            return node.target(known);
        }
        return NodeHandler.super.enter(turn, node);
    }

    @Override
    public List<ChoiceSpec> choices(Turn turn, NodeDefinition node) {
        List<ChoiceSpec> choices = new ArrayList<>();
        node.options().forEach(option -> choices.add(SystemChoices.option(option, false)));
        if (node.isSkippable()) {
            ChoiceSpec skip = SystemChoices.skip(turn.flow());
            List<String> words = new ArrayList<>(skip.words());
            words.addAll(Words.DONT_KNOW);
            choices.add(new ChoiceSpec(skip.id(), skip.label(), words));
        }
        return choices;
    }

    /**
     * A tapped button, or typed text in the person's own words: see {@link ChoiceMatcher#understand}; failing that, the
     * first words of exactly one option's label ({@link ChoiceMatcher#leadingLabelWords}: "saya" is "Saya sendiri");
     * failing that, at a question whose options are {@code yes} and {@code no} (with others), a yes or no in a few words
     * from the answer words ("iya", "gak", "ya kak"), as at a yes/no question. Walkthrough 9, finding 9: "ya" at "Apakah
     * aman chat di HP ini?" [Ya, aman | Aman, mode senyap | Belum aman] was not understood twice and became "not safe".
     */
    @Override
    public Optional<String> chosen(Turn turn, NodeDefinition node, Reply reply) {
        if (reply instanceof Reply.Typed typed) {
            List<ChoiceSpec> choices = choices(turn, node);
            if (ChoiceMatcher.match(typed.text(), choices).isEmpty() && TooBroad.onlyBroad(node, typed.text())) {
                return Optional.empty(); // "aku udah di tempat aman": a broad phrase only, the person chooses (TooBroad)
            }
            DayOfWeek today = turn.now().atZone(turn.context().settings().zone()).getDayOfWeek();
            return ChoiceMatcher.understand(typed.text(), choices, today)
                    .or(() -> ChoiceMatcher.leadingLabelWords(typed.text(), choices))
                    .or(() -> ratherNotSay(turn, node, typed.text()))
                    .or(() -> yesOrNo(turn, choices, typed.text()))
                    .or(() -> later(turn, node, typed.text()));
        }
        return NodeHandler.super.chosen(turn, node, reply);
    }

    /**
     * "nanti aja", "skip dulu", "not now" at a question that may be skipped: the skip, Lewati in words ({@link LaterWords});
     * read last, so an option's own words win. Elsewhere nothing (asked again).
     */
    private static Optional<String> later(Turn turn, NodeDefinition node, String typed) {
        return node.isSkippable() && laterOrSkip(turn, typed) ? Optional.of(ChoiceIds.SKIP) : Optional.empty();
    }

    /** "nanti dulu ya", or a reply of only "later" or skip words with small ones ("ok nanti ya", "skip for now"). */
    private static boolean laterOrSkip(Turn turn, String typed) {
        return LaterWords.said(typed, turn.context().settings().words()) || LaterWords.only(typed, turn.context().settings().words());
    }

    /**
     * "rahasia", "gak mau bilang", "prefer not to say" ({@link LaterWords#ratherNotSay}) at a question that may be
     * skipped: the skip (an option whose own words say it, "Tidak ingin menyebutkan", was read before). Never a real
     * value; where the question may not be skipped, asked again. Before, it was asked again everywhere (gender, age,
     * campus status, relation), and a survivor who wished to stay anonymous was pressed for an answer.
     */
    private static Optional<String> ratherNotSay(Turn turn, NodeDefinition node, String typed) {
        return node.isSkippable() && LaterWords.ratherNotSay(typed, turn.context().settings().words())
                ? Optional.of(ChoiceIds.SKIP) : Optional.empty();
    }

    private static Optional<String> yesOrNo(Turn turn, List<ChoiceSpec> choices, String typed) {
        List<ChoiceSpec> yesNo = new ArrayList<>();
        if (choices.stream().anyMatch(choice -> choice.id().equals(ChoiceIds.YES))) {
            yesNo.add(SystemChoices.yes(turn));
        }
        if (choices.stream().anyMatch(choice -> choice.id().equals(ChoiceIds.NO))) {
            yesNo.add(SystemChoices.no(turn));
        }
        // A yes or a no in one or two words ("iya", "gak kak"); a longer answer says more than yes or no ("tidak ada
        // yang pinjam" means safe) and is asked again instead.
        boolean fewWords = NON_WORD.split(ChoiceMatcher.normalize(typed)).length <= 2;
        if (yesNo.isEmpty() || !fewWords) {
            return Optional.empty();
        }
        // "ya nanti", "ok nanti": a yes put off is no yes (as at the consents, TypedYesNo); at "Apakah aman chat di HP
        // ini?" it was "Ya, aman". Asked again, and unclear there is the safer "not safe yet".
        return ChoiceMatcher.matchPhrase(typed, yesNo)
                .filter(id -> !id.equals(ChoiceIds.YES) || !LaterWords.postpones(typed, turn.context().settings().words()));
    }

    @Override
    public Outcome handle(Turn turn, NodeDefinition node, Reply reply) {
        Optional<String> chosen = chosen(turn, node, reply);
        if (chosen.isEmpty()) {
            return Outcome.invalid(reply);
        }
        String raw = reply instanceof Reply.Typed typed ? typed.text() : null;
        if (chosen.get().equals(ChoiceIds.SKIP)) {
            // "lupa" is kept as typed (the inbox shows it); a typed "lewati" is only the button.
            String said = raw != null && (Words.DONT_KNOW.stream().map(ChoiceMatcher::normalize).anyMatch(ChoiceMatcher.normalize(raw)::equals)
                    || laterOrSkip(turn, raw) && !Words.SKIP.contains(ChoiceMatcher.normalize(raw)) || LaterWords.ratherNotSay(raw, turn.context().settings().words())) ? raw : null;
            return Outcome.answered(Answer.skipped(node.kind().fileName(), said), ChoiceIds.SKIP);
        }
        if (raw != null) {
            echo(turn, node, raw, chosen.get());
        }
        return Outcome.answered(Answer.choice(node.kind().fileName(), chosen.get(), ownWords(turn, raw, choices(turn, node), chosen.get())), chosen.get());
    }

    /**
     * What the person typed, kept beside the answer, unless it only points at the option chosen ("8" from a WhatsApp
     * numbered list, the label typed out: {@link ChoiceMatcher#picks}); null for a tap.
     */
    static String ownWords(Turn turn, String raw, List<ChoiceSpec> choices, String chosen) {
        return raw == null || ChoiceMatcher.picks(raw, choices, () -> numbersShown(turn)).filter(List.of(chosen)::equals).isPresent() ? null : raw;
    }

    /** Whether the question now asked was shown as a numbered list, so a typed number is its place in it. */
    static boolean numbersShown(Turn turn) {
        return turn.context().choiceOrder().numbered(Prompter.question(turn));
    }

    /** Typed words that are not the option's label ("tadi malam", "20", "2"): say which option they were taken as. */
    private static void echo(Turn turn, NodeDefinition node, String raw, String optionId) {
        node.options().stream().filter(option -> option.id().equals(optionId)).findFirst()
                .map(option -> SystemChoices.option(option, false))
                .filter(choice -> !ChoiceMatcher.isLabel(raw, choice))
                .ifPresent(choice -> turn.say(ECHO + turn.text(choice.label())));
    }
}
