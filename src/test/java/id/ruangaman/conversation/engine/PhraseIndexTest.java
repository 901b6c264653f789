package id.ruangaman.conversation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.ShippedFlows;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.OptionDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Phrases filed by their first word ({@link PhraseIndex}): what a longer message names, in the choices' order where two
 * name the same words, as a pass over every phrase found it.
 */
class PhraseIndexTest {

    private static final List<ChoiceSpec> CHOICES = List.of(
            SystemChoices.option(new OptionDefinition("touched", LocalizedText.of("id", "Disentuh"),
                    Map.of("id", List.of("dipegang pegang", "diraba", "=aku"), "en", List.of("groped")), null, null), false),
            SystemChoices.option(new OptionDefinition("here", LocalizedText.of("id", "Dia ada di dekatku"),
                    Map.of("id", List.of("dia di sini$", "dia datang")), null, null), false),
            SystemChoices.skip(ShippedFlows.intake()));

    @Test
    void shouldFileEachFormOfAPhraseUnderItsFirstWordInTheChoicesOrder() {
        PhraseIndex index = PhraseIndex.of(CHOICES);
        List<PhraseIndex.Phrase> dipegang = index.beginningWith("dipegang");
        assertEquals(List.of(List.of("dipegang", "pegang")), dipegang.stream().map(PhraseIndex.Phrase::words).toList());
        assertEquals(List.of(List.of("dipegang2")), index.beginningWith("dipegang2").stream().map(PhraseIndex.Phrase::words).toList(),
                "the repeat's chat spelling is filed too");
        List<PhraseIndex.Phrase> dia = index.beginningWith("dia");
        assertEquals(List.of(List.of("dia", "di", "sini"), List.of("dia", "datang"), List.of("dia", "ada", "di", "dekatku")),
                dia.stream().map(PhraseIndex.Phrase::words).toList(), "a word, then a label, each once per form");
        assertTrue(dia.get(0).atEnd() && !dia.get(1).atEnd() && !dia.get(2).atEnd(), "only the marked phrase ends a clause");
        assertTrue(dia.get(0).order() < dia.get(1).order() && dia.get(1).order() < dia.get(2).order());
        assertTrue(index.beginningWith("aku").isEmpty(), "a whole-answer word names nothing inside a longer message");
        assertTrue(index.beginningWith("lewati").isEmpty(), "the engine's own buttons name nothing inside a longer message");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "aku diraba2 sama dia|touched|", "dipegang2 terus|touched|", "dia dipegang pegang|touched|",
            "dia datang, aku diraba|here,touched|", "aku diraba, dia datang|touched,here|", "dia di sini juga kuliah||",
            "aku tidak diraba, tapi dia datang|here|touched", "groped|touched|", "aku||"})
    void shouldFindWhatTheMessageNamesInTheOrderNamed(String typed, String wanted, String denied) {
        ChoiceMatcher.Mentions mentions = ChoiceMatcher.mentions(typed, CHOICES);
        assertEquals(wanted == null ? List.of() : List.of(wanted.split(",")), mentions.ids(), typed);
        assertEquals(denied == null ? List.of() : List.of(denied.split(",")), mentions.negatedIds(), typed);
    }

    /**
     * "dipegang2" is one option's "dipegang" (its plain word) and another's "dipegang pegang" (in the chat spelling), at
     * the same place: both are named, in the choices' order, as a pass over the choices found them, whichever look-up
     * finds them first.
     */
    @Test
    void shouldNameChoicesFoundAtTheSamePlaceInTheChoicesOrder() {
        List<ChoiceSpec> choices = List.of(
                SystemChoices.option(new OptionDefinition("held", LocalizedText.of("id", "Dipegang"),
                        Map.of("id", List.of("dipegang")), null, null), false),
                SystemChoices.option(new OptionDefinition("groped", LocalizedText.of("id", "Diraba"),
                        Map.of("id", List.of("dipegang pegang")), null, null), false));
        assertEquals(List.of("held", "groped"), ChoiceMatcher.mentions("dipegang2", choices).ids());
        assertEquals(List.of("held", "groped"), ChoiceMatcher.mentions("tidak dipegang2", choices).negatedIds());
        List<ChoiceSpec> reversed = List.of(choices.get(1), choices.get(0));
        assertEquals(List.of("groped", "held"), ChoiceMatcher.mentions("dipegang2", reversed).ids());
    }

    /**
     * Harmless phrases filed beside the choices ({@code on_unclear.harmless}): where one is found within one clause, a
     * choice's phrase over any of the same typed words is not counted; one elsewhere in the message still is, and a
     * harmless phrase names nothing itself. Before, "aku dikejar deadline" named "aku dikejar".
     */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "aku dikejar|danger", "aku dikejar dia|danger", "aku dikejar deadline|", "aku dikejar deadline kak|",
            "aku dikejar deadline, dan aku dikejar dia|danger", "aku dikejar. deadline besok|danger",
            "aku dikejar waktu|", "aku dikejar waktu nih.|", "aku dikejar waktu pulang kemarin|danger",
            "gw bunuh lo|danger", "nyamuknya udah gw bunuh lo|", "nyamuknya udah gw bunuh, gw bunuh lo juga|danger",
            "aku dalam bahaya|danger", "ipk ku dalam bahaya|", "nilaiku dalam bahaya|", "keluargaku dalam bahaya|danger",
            "deadline|", "tidak dalam bahaya|"})
    void shouldNotCountAChoicesPhraseInsideAHarmlessOne(String typed, String wanted) {
        PhraseIndex index = PhraseIndex.of(List.of(SystemChoices.option(new OptionDefinition("danger", LocalizedText.of("id", "Bahaya"),
                Map.of("id", List.of("aku dikejar", "gw bunuh lo", "dalam bahaya")), null, null), false)),
                List.of("dikejar deadline", "dikejar waktu$", "nyamuknya udah gw bunuh", "ipk ku dalam bahaya", "nilaiku dalam bahaya"));
        ChoiceMatcher.Mentions mentions = ChoiceMatcher.mentions(typed, index);
        assertEquals(wanted == null ? List.of() : List.of(wanted), mentions.ids(), typed);
        assertTrue(!mentions.ids().contains(null) && !mentions.negatedIds().contains(null), "a harmless phrase names nothing");
    }

    @Test
    void shouldFileTheFlowsDangerWordsOncePerFlow() {
        Flow intake = ShippedFlows.intake();
        DangerAnywhere.DangerWords first = intake.derived(DangerAnywhere.DangerWords.class, DangerAnywhere.DangerWords::of);
        assertTrue(first.question().isPresent(), "the shipped intake has a danger question with words_anywhere");
        assertSame(first, intake.derived(DangerAnywhere.DangerWords.class, DangerAnywhere.DangerWords::of));
        assertEquals(List.of("yes"), ChoiceMatcher.mentions("nanti malam dia datang", first.meaning()).ids());
        assertEquals(List.of(), ChoiceMatcher.mentions("dia tidak akan datang", first.meaning()).ids());
    }
}
