package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Siapa namamu? Nama samaran juga boleh." A person who does not want to give a name and types so ("gak", "no",
 * "ga mau") has declined, as Lewati does: before, "gak" was kept as the name and the summary read "Nama: gak". The same
 * at the other questions marked {@code no_means_skip} (who is it, the code word). Real names that merely hold those
 * letters are names; at a question where "tidak" is a real answer (disability: none) it stays the answer.
 */
class DecliningTextTest {

    private static Flow intake;
    private final FlowEngine engine = TestEngines.atGoldenStart();

    @BeforeAll
    static void load() {
        intake = ShippedFlows.intake();
    }

    @ParameterizedTest(name = "{0} {1} ''{2}''")
    @CsvSource(delimiter = '|', value = {
            "name|id|gak", "name|id|Gak.", "name|id|tidak", "name|id|nggak", "name|id|enggak", "name|id|ga mau",
            "name|id|gak usah 🙏", "name|id|Tidak mau", "name|id|rahasia", "name|id|GAAAK", "name|en|no", "name|en|No.",
            "name|en|nope", "name|en|no thanks", "name|en|I'd rather not", "name|en|prefer not to say",
            "reported_person|id|gak mau", "reported_person|en|no", "code_word|id|nggak", "code_word|en|no thanks"})
    void shouldTakeADecliningReplyAsSkipped(String question, String language, String typed) {
        SessionState state = at(question, language);

        Step step = engine.handle(intake, state, new Input.Text(typed));

        Answer answer = step.state().answers().get(question);
        assertTrue(answer.skipped(), typed + " declines, it is not the answer: " + answer);
        assertEquals(typed, answer.raw(), "what was typed is kept for the inbox");
        Step tapped = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(question + ":skip"));
        assertEquals(tapped.state().nodeId(), step.state().nodeId(), "goes on as Lewati does");
        assertEquals(texts(tapped), texts(step), "says what Lewati says");
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "name|Nova", "name|Ga Yeon", "name|Tiara", "name|Noa", "name|Nanda", "name|Gaga", "name|Tidar",
            "name|No Name Yet", "disability|tidak", "disability|nggak ada"})
    void shouldKeepARealAnswer(String question, String typed) {
        Step step = engine.handle(intake, at(question, "id"), new Input.Text(typed));

        assertEquals(Answer.text(typed), step.state().answers().get(question));
    }

    private SessionState at(String question, String language) {
        SessionState state = engine.handle(intake, engine.start(intake).state(),
                Input.ButtonPress.fromCallbackData("language:" + language)).state();
        return state.atNode(intake.node(question).id());
    }

    private static List<String> texts(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance).map(output -> ((Output.Message) output).text()).toList();
    }
}
