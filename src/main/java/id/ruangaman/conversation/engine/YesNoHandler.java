package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import id.ruangaman.conversation.definition.OptionDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code yes_no}: Ya / Tidak (also typed: the question's own {@code answer_words}, then the answer words of
 * {@code conversations/_answer_words.yaml}; with {@code age_below}, a typed age), exits {@code yes} and {@code no}.
 */
final class YesNoHandler implements NodeHandler {

    private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile(".*[\\p{L}\\p{N}].*");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** A number in a reply: at most three digits, not part of a longer one nor glued to a word ("pikir2", "aman2"). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d\\p{L}])\\d{1,3}(?!\\d)");
    private static final int MAX_AGE = 120;
    /** Where a clause ends: a comma, full stop and the like, or "tapi" / "but". */
    private static final Pattern CLAUSES = Pattern.compile("[,.;:!?\\n]+|\\b(?:tapi|tetapi|namun|but)\\b");
    /**
     * An English "no" that opens a reply ("no im ok", "nope i'm safe") answers the question on its own, as if a comma
     * followed it; it negates nothing after it (English says "not" for that). Before, "no im ok" at "are you in danger
     * right now?" held a negation in the clause of "im ok" and was asked again, and a second such reply was taken as
     * danger. Indonesian "gak", "tidak" are not read so: "gak aman" is "not safe".
     */
    private static final Pattern LEADING_NO_INTERJECTION = Pattern.compile("^(\\s*(?i:no|nope|nah))(?=\\s+\\p{L})");

    @Override
    public NodeKind kind() {
        return NodeKind.YES_NO;
    }

    @Override
    public KindRules rules() {
        return KindRules.answer().withValues(ChoiceIds.YES, ChoiceIds.NO).withExitPerAnswer();
    }

    @Override
    public String summaryValue(Turn turn, NodeDefinition node, Answer answer) {
        return turn.msg(ChoiceIds.YES.equals(answer.value()) ? MessageKey.YES : MessageKey.NO);
    }

    @Override
    public List<ChoiceSpec> choices(Turn turn, NodeDefinition node) {
        List<ChoiceSpec> choices = new ArrayList<>(List.of(SystemChoices.yes(turn), SystemChoices.no(turn)));
        SystemChoices.addSkip(choices, turn.flow(), node);
        return choices;
    }

    /** A tapped button, or typed words: "iya, setuju 🙏", "ya kak", "nggak" (see {@link ChoiceMatcher#matchPhrase}). */
    @Override
    public Optional<String> chosen(Turn turn, NodeDefinition node, Reply reply) {
        if (reply instanceof Reply.Typed typed && dontKnow(typed.text())) {
            return node.isSkippable() ? Optional.of(ChoiceIds.SKIP) : Optional.empty();
        }
        if (reply instanceof Reply.Typed typed && LaterWords.ratherNotSay(typed.text(), turn.context().settings().words())) {
            // "rahasia", "gak mau bilang" at "under 18?": never a real value ("gak ..." was a no: an adult). Where the
            // question may be skipped, the skip; at an offer, the no; else asked again (never a no to "in danger?")
            return later(node);
        }
        if (reply instanceof Reply.Typed typed && LaterWords.only(typed.text(), turn.context().settings().words(), false)) {
            // only "later" or skip words ("belum siap", "lewati dulu ya", "skip for now"): read before the question's own
            // words, where "belum siap" named "siap" under a negation and was asked again at "under 18?"
            return later(node);
        }
        if (reply instanceof Reply.Typed typed) {
            AnswerWordsSaid said = byAnswerWords(node, typed.text());
            if (said.negated()) {
                return Optional.empty(); // "tidak terlalu aman": not a plain yes or no, asked again
            }
            if (said.answer().isEmpty() && byAge(node, typed.text()).isEmpty() && later(turn, node, typed.text())) {
                return later(node);
            }
            return said.answer().or(() -> ChoiceMatcher.matchPhrase(typed.text(), choices(turn, node)))
                    .or(() -> byAge(node, typed.text())).or(() -> Unclear.deniedOnly(turn, node, typed.text()));
        }
        return NodeHandler.super.chosen(turn, node, reply);
    }

    /**
     * Whether a typed reply says "not now" ({@link LaterWords#said}: "nanti dulu ya", "belum siap", "not now"). At a
     * question with {@code on_later} (the intake's consent) a yes that also puts it off is no yes either ("ok nanti ya",
     * "iya nanti dulu", "boleh tapi nanti", "ya, tapi belum siap": {@link LaterWords#postpones}): consent is given when
     * the person is ready, and the first word no longer decides. Elsewhere the first word still decides a short phrase:
     * "iya, nanti dia datang lagi" at "are you in danger now?" stays a yes (danger is never weakened), and "iya, nanti
     * aku kirim" at "do you have evidence?" is a yes whose next question can be skipped.
     */
    private static boolean later(Turn turn, NodeDefinition node, String typed) {
        return node.onLater() != null ? LaterWords.postpones(typed, turn.context().settings().words())
                : LaterWords.said(typed, turn.context().settings().words());
    }

    /**
     * What "later" answers at this question. Never the consent's no, nor a danger question's no: a person not ready yet
     * has refused nothing. Where the question may be skipped, the skip (Lewati in words: "nanti aja" at "do you have
     * evidence?"); where declining is the way on, leading where an unclear reply leads too (an offer that "can be
     * skipped" in its text: "Mau mengisi data diri? Boleh dilewati."), the no; else nothing (asked again; with
     * {@code on_later}, the kind hold of {@link #handle}).
     */
    private static Optional<String> later(NodeDefinition node) {
        if (node.isSkippable()) {
            return Optional.of(ChoiceIds.SKIP);
        }
        String no = node.exits().get(ChoiceIds.NO);
        return no != null && no.equals(node.onInvalid()) ? Optional.of(ChoiceIds.NO) : Optional.empty();
    }

    /** What a reply says through the question's own {@code answer_words}: the one answer named, or a word negated. */
    record AnswerWordsSaid(Optional<String> answer, boolean negated) {
    }

    /**
     * The question's own {@code answer_words} in a typed reply ("aku sudah aman", "aman kok", "I'm safe now" = no at
     * "are you in danger now?"): whole words anywhere in the reply, a longer phrase winning over one inside it. One
     * answer named: that answer. Only words of {@value #UNCLEAR} named ("ok", "oke" at "are you in danger now?"):
     * asked again. Both named, or none: nothing (the general yes and no words decide, or the reply is
     * asked again). A word under a negation ("tidak terlalu aman", "not really safe") is not taken for its answer,
     * nor for the other one, and neither is a word whose clause holds any negation ("tidak terlalu aman"; not "nggak
     * kok, aman"): the reply is asked again rather than guessed.
     */
    /**
     * The {@code answer_words} key of words that answer nothing at this question although they are general yes or no
     * words elsewhere ("ok" at "are you in danger now?"): the reply is asked again unless it also names an answer.
     */
    static final String UNCLEAR = "unclear";

    static AnswerWordsSaid byAnswerWords(NodeDefinition node, String raw) {
        if (node.answerWords().isEmpty()) {
            return new AnswerWordsSaid(Optional.empty(), false);
        }
        String typed = LEADING_NO_INTERJECTION.matcher(raw).replaceFirst("$1,");
        List<ChoiceSpec> meanings = new ArrayList<>();
        node.answerWords().forEach((answer, words) -> meanings.add(SystemChoices.option(
                new OptionDefinition(answer, new LocalizedText(java.util.Map.of()), words, null, null), false)));
        ChoiceMatcher.Mentions mentions = ChoiceMatcher.mentions(typed, meanings);
        if (mentions.ids().isEmpty() && !mentions.negated() && !HAS_LETTER_OR_DIGIT.matcher(ChoiceMatcher.normalize(typed)).matches()) {
            // A word of no letters ("👍") is no whole word inside a reply: it counts as the whole reply, as the general
            // yes and no words do. Before, "👍" at "are you in danger?" fell through to the general yes: danger.
            Optional<String> whole = ChoiceMatcher.match(typed, meanings);
            if (whole.isPresent()) {
                return UNCLEAR.equals(whole.get()) ? new AnswerWordsSaid(Optional.empty(), true)
                        : new AnswerWordsSaid(whole, false);
            }
        }
        // Stricter than at a choice: a negation anywhere in the clause of the word ("tidak terlalu aman") leaves it unread,
        // since a safety answer is never guessed from words that may say its opposite; another clause does not ("nggak
        // kok, aman").
        boolean negation = java.util.Arrays.stream(CLAUSES.split(NegationScope.expandContractions(ChoiceMatcher.normalize(typed))))
                .anyMatch(clause -> !ChoiceMatcher.mentions(clause, meanings).ids().isEmpty()
                        && java.util.Arrays.stream(NON_WORD.split(clause)).anyMatch(NegationScope::isNegation));
        if (mentions.negated() || negation) {
            return new AnswerWordsSaid(Optional.empty(), true);
        }
        List<String> named = mentions.ids().stream().distinct().filter(id -> !UNCLEAR.equals(id)).toList();
        if (named.isEmpty() && mentions.ids().contains(UNCLEAR)) {
            return new AnswerWordsSaid(Optional.empty(), true); // "ok" at "are you in danger?": asked again, never guessed
        }
        return new AnswerWordsSaid(named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty(), false);
    }

    /**
     * At "under {@code age_below} years?": the one age typed ("15", "umurku 16 tahun", "dia 19"), in years from 1 to 120:
     * below the limit is yes, else no. A bound says which side of it the age is: "belum 18", "di bawah 18", "kurang dari
     * 18", "under 18" are below it (yes when the bound is at most the limit: "belum 18" is under 18), "di atas 20", "lebih
     * dari 17", "over 18" above it (no when the bound is at least the limit less one). Before, "belum 18" and "di bawah
     * 18" were read as the age 18: an adult. No age, two different answers, a bound that does not decide ("di bawah 20")
     * or an age beyond 120: empty (asked again).
     */
    static Optional<String> byAge(NodeDefinition node, String typed) {
        if (node.ageBelow() == null) {
            return Optional.empty();
        }
        String text = ChoiceMatcher.normalize(typed);
        java.util.Set<String> answers = new java.util.HashSet<>();
        Matcher numbers = NUMBER.matcher(text);
        while (numbers.find()) {
            int age = Integer.parseInt(numbers.group());
            if (age < 1 || age > MAX_AGE) {
                return Optional.empty();
            }
            String before = text.substring(0, numbers.start());
            if (BELOW.matcher(before).find()) {
                answers.add(age <= node.ageBelow() ? ChoiceIds.YES : "?");
            } else if (ABOVE.matcher(before).find()) {
                answers.add(age >= node.ageBelow() - 1 ? ChoiceIds.NO : "?");
            } else {
                answers.add(age < node.ageBelow() ? ChoiceIds.YES : ChoiceIds.NO);
            }
        }
        return answers.size() == 1 && !answers.contains("?") ? Optional.of(answers.iterator().next()) : Optional.empty();
    }

    /** Words just before a number that put the age below it: "belum 18", "di bawah 18", "kurang dari 18", "under 18". */
    private static final Pattern BELOW = Pattern.compile(
            "(?:\\bbelum|\\bblm|\\bdi ?bawah|\\bkurang dari|\\bkrg dari|\\bunder|\\bbelow|\\bless than|\\byounger than|\\bnot yet)\\s*$");
    /** Words just before a number that put the age above it: "di atas 20", "lebih dari 17", "over 18". */
    private static final Pattern ABOVE = Pattern.compile(
            "(?:\\bdi ?atas|\\blebih dari|\\blbh dari|\\bover|\\babove|\\bmore than|\\bolder than)\\s*$");

    /**
     * "tidak tahu", "nggak yakin", "don't know", also with words that add nothing ("gak tau kak", "ga yakin sih"): not a
     * "no", although it begins with a no word (the first word decides
     * a short phrase). At "are you in danger?", at consent or "is the person under 18?" it read as "no". It is the
     * answer Lewati gives where the question may be skipped, else unclear (the one re-prompt, then {@code on_unclear}
     * or {@code on_invalid}).
     */
    static boolean dontKnow(String typed) {
        String text = withoutFiller(ChoiceMatcher.normalize(typed));
        return Words.DONT_KNOW.stream().map(ChoiceMatcher::normalize).anyMatch(text::equals)
                || Words.NOT_SURE.stream().map(ChoiceMatcher::normalize).anyMatch(text::equals);
    }

    /** Words said after an answer that add nothing to it: "gak tau kak", "nggak yakin sih", "ga tau juga deh". */
    private static final Pattern FILLER = Pattern.compile("(?:[\\s,.!?]+(?:kak|ka|kk|mas|mbak|mba|bang|sih|deh|dong|nih|juga|ya|yah|kok|sorry|maaf))+[\\s,.!?]*$");

    private static String withoutFiller(String text) {
        return FILLER.matcher(text).replaceFirst("");
    }

    @Override
    public Outcome handle(Turn turn, NodeDefinition node, Reply reply) {
        if (node.onLater() != null && reply instanceof Reply.Typed typed && later(turn, node, typed.text())
                && later(node).isEmpty() && byAnswerWords(node, typed.text()).answer().filter(ChoiceIds.YES::equals).isEmpty()) {
            // "nanti dulu ya" at consent: no hurry, the question stays open with its buttons; nothing recorded, no
            // attempt. A stop that is only for now ("berhenti dulu, nanti lanjut") is no refusal either.
            // From the second "later" in a row, on_later_again (how to leave and come back), not the same text.
            int holds = turn.state().laterHolds();
            boolean again = holds > 0 && node.onLaterAgain() != null;
            Prompter.sayWithButtons(turn, turn.text(again ? node.onLaterAgain() : node.onLater()));
            turn.update(state -> state.withLaterHolds(holds + 1));
            return Outcome.handled();
        }
        Optional<String> chosen = chosen(turn, node, reply);
        if (chosen.isEmpty()) {
            return Outcome.invalid(reply);
        }
        if (chosen.get().equals(ChoiceIds.SKIP)) {
            String said = reply instanceof Reply.Typed typed && (dontKnow(typed.text()) || later(turn, node, typed.text())
                    || LaterWords.only(typed.text(), turn.context().settings().words(), false) && !Words.SKIP.contains(ChoiceMatcher.normalize(typed.text()))
                    || LaterWords.ratherNotSay(typed.text(), turn.context().settings().words())) ? typed.text() : null;
            return Outcome.answered(Answer.skipped(node.kind().fileName(), said), ChoiceIds.SKIP);
        }
        String raw = reply instanceof Reply.Typed typed ? typed.text() : null;
        return Outcome.answered(Answer.choice(node.kind().fileName(), chosen.get(), SingleChoiceHandler.ownWords(turn, raw, choices(turn, node), chosen.get())),
                chosen.get());
    }
}
