package id.ruangaman.conversation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ruangaman.conversation.AnswerWords;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link LaterWords#only} and {@link LaterWords#ratherNotSay}: a reply that is only that, never one that says more. */
class LaterWordsTest {

    private static final AnswerWords WORDS = new AnswerWords(Map.of("id", List.of("iya", "ya"), "en", List.of("yes")),
            Map.of("id", List.of("tidak", "gak")), Map.of("id", List.of("nanti", "belum siap"), "en", List.of("not now")),
            Map.of(), Map.of("id", List.of("rahasia", "gak mau bilang"), "en", List.of("prefer not to say")));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nanti aja kak|true|true", "nanti dulu ya|true|true", "skip dulu ya|true|true", "aku belum siap|true|true",
            "not now please|true|true", "iya nanti dulu|true|false", "gak, nanti aja|true|false",
            "nanti dia datang lagi ke kos|false|false", "nanti aja kak dosennya|false|false", "belum|false|false",
            "siap|false|false", "🙏|false|false", "dulu|false|false"})
    void shouldTellAReplyThatOnlyPutsItOffFromOneThatSaysMore(String typed, boolean only, boolean withoutAnswers) {
        assertEquals(only, LaterWords.only(typed, WORDS), typed);
        assertEquals(withoutAnswers, LaterWords.only(typed, WORDS, false), typed + ", yes and no words not small");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rahasia|true", "rahasia ya kak|true", "aku gak mau bilang|true", "prefer not to say|true",
            "rahasia, dia dosen|false", "gak mau|false", "bilang|false", "mau bilang ke dosen rahasia|false"})
    void shouldTellAWishNotToSayFromAnAnswer(String typed, boolean ratherNotSay) {
        assertEquals(ratherNotSay, LaterWords.ratherNotSay(typed, WORDS), typed);
    }

    /** The words worked out for one set of answer words are never read for another (a translator's edit, a test's set). */
    @Test
    void shouldReadEachSetOfAnswerWordsWithItsOwnWords() {
        AnswerWords javanese = new AnswerWords(Map.of("id", List.of("iya")), Map.of("id", List.of("ora")),
                Map.of("id", List.of("mengko")), Map.of(), Map.of("id", List.of("wadi")));
        assertTrue(LaterWords.only("mengko wae", javanese));
        assertFalse(LaterWords.only("mengko wae", WORDS), "not a later word of this set");
        assertTrue(LaterWords.only("nanti wae", WORDS));
        assertFalse(LaterWords.only("nanti wae", javanese));
        assertTrue(LaterWords.ratherNotSay("wadi", javanese));
        assertFalse(LaterWords.ratherNotSay("wadi", WORDS));
        assertTrue(LaterWords.only("mengko wae", javanese), "back to the first set");
    }
}
