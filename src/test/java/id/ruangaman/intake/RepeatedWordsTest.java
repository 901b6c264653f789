package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowEngine;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.Step;

/**
 * A repeated word typed the way Indonesian is typed in chat, with the digit 2 ("dipegang2" for "dipegang-pegang"),
 * read with the words the service ships. Found trying the dev chat as a survivor: "dipegang2" at "Apa yang terjadi?"
 * was "Maaf, saya belum mengerti" although "dipegang pegang" is a word of Sentuhan seksual paksa.
 */
class RepeatedWordsTest {

    private static Flow intake;
    private static FlowEngine engine;
    private static ShippedIntake shipped;

    @BeforeAll
    static void load() {
        shipped = ShippedIntake.load();
        intake = shipped.flow;
        engine = shipped.engine;
    }

    /** Each row failed before except the written-out repeat and the word that is no option's ("dipeluk2": asked again). */
    @ParameterizedTest(name = "violence_type: ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "dipegang2|sexual_assault", "aku dipegang2 sama dia|sexual_assault", "digrepe2 di bis|sexual_assault",
            "diraba2|sexual_assault", "dipukul2|physical_assault", "dikata2in|psychological_abuse",
            "diolok2 terus|psychological_abuse", "dipegang-pegang|sexual_assault", "dipeluk2|-",
            "ga dipegang2, dipukul|physical_assault"})
    void shouldTickAKindTypedAsARepeat(String typed, String expected) {
        Step step = engine.handle(intake, at("violence_type"), new Input.Text(typed));

        assertEquals("violence_type", step.state().nodeId());
        assertEquals("-".equals(expected) ? List.of() : List.of(expected), step.state().draft().selected(), typed);
    }

    /** "aman2 aja" ("aman-aman aja", all fine) at "Apakah aman chat di HP ini?" is safe (before: asked again); "not all that safe" stays not safe. */
    @ParameterizedTest(name = "safe_to_reply: ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {"aman2 aja|yes", "aman2|yes", "gak aman2 amat|no"})
    void shouldReadASafePhoneTypedAsARepeat(String typed, String expected) {
        Step step = engine.handle(intake, at("safe_to_reply"), new Input.Text(typed));

        Answer answer = step.state().answers().get("safe_to_reply");
        if ("-".equals(expected)) {
            assertNull(answer == null ? null : answer.value(), typed);
        } else {
            assertEquals(expected, answer == null ? null : answer.value(), typed);
        }
    }

    private static SessionState at(String nodeId) {
        return shipped.at(nodeId, "id");
    }
}
