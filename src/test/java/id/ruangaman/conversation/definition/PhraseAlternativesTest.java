package id.ruangaman.conversation.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A danger phrase written with alternatives stands for each of its spellings ({@link PhraseAlternatives}). */
class PhraseAlternativesTest {

    @Test
    void shouldStandForEveryCombinationInTheOrderWritten() {
        assertEquals(List.of("aku bakal bunuh kamu", "aku bakal bunuh lo", "aku bunuh kamu", "aku bunuh lo", "gw bakal bunuh kamu",
                "gw bakal bunuh lo", "gw bunuh kamu", "gw bunuh lo"), PhraseAlternatives.expand("(aku|gw) (bakal|) bunuh (kamu|lo)"));
    }

    @Test
    void shouldKeepAPhraseWithoutGroupsAndOneWhoseGroupDoesNotCloseAsWritten() {
        assertEquals(List.of("dia di depan pintu"), PhraseAlternatives.expand("dia di depan pintu"));
        assertEquals(List.of("(dia|ia datang"), PhraseAlternatives.expand("(dia|ia datang"));
        assertEquals(List.of("((dia)|ia) datang"), PhraseAlternatives.expand("((dia)|ia) datang"));
    }

    @Test
    void shouldKeepAnEndMarkAndDropEmptyAndRepeatedPhrases() {
        assertEquals(List.of("and you're dead$", "or you're dead$"), PhraseAlternatives.expand("(and|or) you're dead$"));
        assertEquals(List.of("dia"), PhraseAlternatives.expand("(|) dia (|)"));
        assertEquals(Map.of("id", List.of("dia datang", "ia datang")),
                PhraseAlternatives.expandAll(Map.of("id", List.of("(dia|ia) datang", "dia datang"))));
    }
}
