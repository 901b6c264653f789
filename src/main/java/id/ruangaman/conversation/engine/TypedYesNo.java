package id.ruangaman.conversation.engine;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import id.ruangaman.conversation.AnswerWords;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.ChoiceIds;

/**
 * A typed yes or no to a question asked outside the intake flow (a referral's consent question, for example), read
 * exactly as the flow's own yes/no questions read it: the answer words of {@code conversations/_answer_words.yaml} in
 * every language, the buttons' own labels, and short phrases where the first word decides ("iya boleh", "nggak mau",
 * "tidak usah", "jangan"); a later word meaning the opposite makes a yes unclear. "Tidak tahu", "ga tau", "gak yakin",
 * "I don't know" are unclear, not a no (as at the flow's questions: {@code YesNoHandler#dontKnow}); before, a survivor
 * unsure whether to be referred was recorded as refusing. A yes that also puts the answer off ("iya nanti", "ok nanti
 * dulu", "boleh tapi belum siap": {@link LaterWords#postpones}) is unclear too: before, the first word decided, and
 * "iya nanti" at "withdraw your consent?" withdrew it.
 */
public final class TypedYesNo {

    private static final Pattern SHOWN_NUMBER = Pattern.compile("\\d{1,3}");

    private TypedYesNo() {
    }

    /**
     * @param typed    what the person typed
     * @param words    the answer words
     * @param yesLabel the yes button's label, by language code
     * @param noLabel  the no button's label, by language code
     * @return true for yes, false for no, empty when unclear
     */
    public static Optional<Boolean> read(String typed, AnswerWords words, LocalizedText yesLabel, LocalizedText noLabel) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        List<ChoiceSpec> choices = List.of(new ChoiceSpec(ChoiceIds.YES, yesLabel, words.allYes()),
                new ChoiceSpec(ChoiceIds.NO, noLabel, words.allNo()));
        String text = ChoiceMatcher.normalize(typed);
        if (SHOWN_NUMBER.matcher(text).matches() || YesNoHandler.dontKnow(typed)) {
            return Optional.empty(); // "tidak tahu", "gak yakin": neither, although they begin with a no word
        }
        Optional<Boolean> answer = ChoiceMatcher.matchPhrase(typed, choices).map(ChoiceIds.YES::equals);
        if (answer.isPresent() && answer.get() && LaterWords.postpones(typed, words)) {
            return Optional.empty(); // "iya nanti", "ok nanti dulu": a yes put off is no yes yet (as at the intake's consent)
        }
        return answer;
    }
}
