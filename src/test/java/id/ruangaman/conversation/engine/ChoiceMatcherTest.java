package id.ruangaman.conversation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ruangaman.conversation.AnswerWords;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.OptionDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceMatcherTest {

    private static final List<ChoiceSpec> CHOICES = List.of(
            new ChoiceSpec("victim", new LocalizedText(Map.of("id", "Saya yang mengalaminya", "en", "It happened to me")), List.of()),
            new ChoiceSpec("witness", new LocalizedText(Map.of("id", "Saya saksi", "en", "I witnessed it")), List.of()),
            new ChoiceSpec("skip", new LocalizedText(Map.of("id", "Lewati", "en", "Skip")), Words.SKIP));

    @ParameterizedTest
    @CsvSource({"1, victim", "2, witness", "3, skip", "witness, witness", "'  SAYA SAKSI. ', witness",
            "it happened to me, victim", "lewati, skip", "✓ Saya saksi, witness"})
    void shouldMatchNumberIdOrLabelInAnyLanguage(String typed, String expected) {
        assertEquals(Optional.of(expected), ChoiceMatcher.match(typed, CHOICES));
    }

    @ParameterizedTest
    @CsvSource({"25-34, 25_34", "25 - 34, 25_34", "25—34, 25_34", "'  25–34 ', 25_34"})
    void shouldTreatEveryDashAlike(String typed, String expected) {
        List<ChoiceSpec> ages = List.of(
                new ChoiceSpec("18_24", new LocalizedText(Map.of("id", "18–24", "en", "18–24")), List.of()),
                new ChoiceSpec("25_34", new LocalizedText(Map.of("id", "25–34", "en", "25–34")), List.of()));
        assertEquals(Optional.of(expected), ChoiceMatcher.match(typed, ages));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "saya", "0", "-1", "\u22121", "-2"})
    void shouldNotGuess(String typed) {
        assertEquals(Optional.empty(), ChoiceMatcher.match(typed, CHOICES));
    }

    @Test
    void shouldMatchSeveralChoicesInOneMessage() {
        assertEquals(Optional.of(List.of("victim", "witness")), ChoiceMatcher.matchAll("1, 2", CHOICES));
        assertEquals(Optional.of(List.of("witness", "victim")), ChoiceMatcher.matchAll("saya saksi dan it happened to me", CHOICES));
        assertEquals(Optional.empty(), ChoiceMatcher.matchAll("1, 9", CHOICES));
    }

    private static final List<ChoiceSpec> YES_NO = List.of(
            new ChoiceSpec("yes", new LocalizedText(Map.of("id", "Ya", "en", "Yes")), AnswerWords.builtIn().allYes()),
            new ChoiceSpec("no", new LocalizedText(Map.of("id", "Tidak", "en", "No")), AnswerWords.builtIn().allNo()));

    @ParameterizedTest
    @CsvSource({"ya, yes", "Y, yes", "yes, yes", "YA, yes", "tidak, no", "t, no", "no, no", "N, no"})
    void shouldAcceptYesAndNoWords(String typed, String expected) {
        assertEquals(Optional.of(expected), ChoiceMatcher.match(typed, YES_NO));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Iya, setuju 🙏|yes", "iyaa|yes", "ya kak|yes", "Boleh 👍|yes", "OKE!|yes", "👍|yes", "ＹＡ|yes", "yes please|yes",
            "tidak|no", "nggak kak|no", "Enggak.|no", "gak mau|no", "tidak setuju|no", "nope|no", "ga|no", "1️⃣|yes", "2|no",
            "iya tidak|-", "mungkin|-", "ya tapi tidak sekarang|-",
            // more of the kind of cases/13-wa-natural-yes: other wording, typos, stretched letters, emoji, the other language
            "Ya. Saya setuju.|yes", "iyaa kak, lanjut aja|yes", "iyaa setujuu🙏🏻|yes", "sure, go ahead 👍|yes", "ok siap|yes",
            "yup|yes", "no thanks|no"})
    void shouldReadYesAndNoInEverydayWords(String typed, String expected) {
        assertEquals("-".equals(expected) ? Optional.empty() : Optional.of(expected), ChoiceMatcher.matchPhrase(typed, YES_NO));
    }

    /** A phrase marked {@value ChoiceMatcher#CLAUSE_END} counts only where it ends a clause, particles aside. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dia di sini|true", "ga aman, dia di sini|true", "dia di sini kak|true", "dia disini kak 🙏|true",
            "dia di sini. tolong|true", "dia di sini dan aku takut|true", "dia di sini tapi aku diam|true",
            "dia di sini ya kak, gimana|true", "dia di sini juga kuliah|false", "dia di sini dulu sekolah|false",
            "dia di sini ngajar dari 2015|false", "dia tidak di sini|false"})
    void shouldCountAPhraseMarkedClauseEndOnlyWhereItEndsAClause(String typed, boolean said) {
        OptionDefinition yes = new OptionDefinition("yes", new LocalizedText(Map.of("id", "Ya")),
                Map.of("id", List.of("dia di sini$", "dia disini$")), null, null);
        List<ChoiceSpec> here = List.of(SystemChoices.option(yes, false));
        assertEquals(said, ChoiceMatcher.mentions(typed, here).ids().contains("yes"), typed);
    }
}
