package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Sebelum lanjut: apakah kamu dalam bahaya sekarang?" Safety first: a reply that names danger is "yes" at once,
 * whatever else it says (a "lewati" or a "nggak" before it), so the emergency numbers come and the counsellor is told
 * (DangerReported); a reply still unclear after the one re-prompt is taken as danger in one message; "tidak tahu" is
 * not "no". Before: "tolong" and "lewati, aku takut" got "Maaf, saya belum mengerti", then "pertanyaan ini kita
 * lewati dulu" followed by the emergency numbers and no alert; "nggak, tolong" and "tidak tahu" were a plain "no".
 */
class DangerWordsTest {

    private static final String EMERGENCY = "Keselamatan yang paling penting. Kalau kamu atau orang lain dalam bahaya, segera hubungi:";
    private static Flow intake;
    private final FlowEngine engine = TestEngines.atGoldenStart();

    @BeforeAll
    static void load() {
        intake = ShippedFlows.intake();
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "a cry for help|tolong",
            "skip plus fear|lewati, aku takut",
            "a no, then help|nggak, tolong",
            "a no word first, fear after|ga, aku takut dia datang",
            "someone is coming|dia datang",
            "threatened|aku diancam",
            "not safe|aku nggak aman di sini",
            "shouting|TOLONG!!!",
            "English, skip plus help|skip, help me",
            "English, scared|I'm scared",
            "English, no then fear|no... I'm afraid"})
    void shouldTakeAReplyNamingDangerAsDangerAtOnce(String label, String typed) {
        Step step = engine.handle(intake, atDangerQuestion(), new Input.Text(typed));

        assertEquals(Answer.choice("yes_no", "yes", typed), step.state().answers().get("in_danger"), label);
        assertTrue(step.outputs().contains(new Output.DangerReported()), label + ": the counsellor is told");
        assertEquals(List.of(EMERGENCY, "Langkah 2 dari 9"), firstLines(step), label);
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "plain no|tidak",
            "no, safe|nggak kok, aman",
            "negated fear|tidak takut",
            "English, no help needed|no, I don't need help"})
    void shouldStillTakeANo(String label, String typed) {
        Step step = engine.handle(intake, atDangerQuestion(), new Input.Text(typed));

        assertEquals("no", step.state().answers().get("in_danger").value(), label);
        assertTrue(!step.outputs().contains(new Output.DangerReported()), label);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"tidak tahu", "nggak tau", "gak yakin", "don't know", "not sure"})
    void shouldNotTakeDontKnowAsNo(String typed) {
        Step step = engine.handle(intake, atDangerQuestion(), new Input.Text(typed));

        assertEquals("in_danger", step.state().nodeId(), "the one kind re-prompt, not a 'no'");
        assertEquals(1, step.state().retries());
    }

    @Test
    void shouldTakeASecondUnclearReplyAsDangerInOneMessage() {
        SessionState first = engine.handle(intake, atDangerQuestion(), new Input.Text("hmm")).state();

        Step second = engine.handle(intake, first, new Input.Text("apa maksudnya"));

        assertEquals(Answer.choice("yes_no", "yes", "apa maksudnya"), second.state().answers().get("in_danger"));
        assertTrue(second.outputs().contains(new Output.DangerReported()));
        assertEquals(List.of("Untuk amannya, kami anggap kamu mungkin dalam bahaya. Segera hubungi:", "Langkah 2 dari 9"),
                firstLines(second), "the emergency numbers once, no 'kita lewati'");
        assertEquals("ready_to_continue", second.state().nodeId());
    }

    private SessionState atDangerQuestion() {
        SessionState state = engine.start(intake).state();
        for (String button : List.of("language:id", "consent:yes")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(button)).state();
        }
        assertEquals("in_danger", state.nodeId());
        return state;
    }

    private static List<String> firstLines(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance)
                .map(output -> ((Output.Message) output).text().lines().findFirst().orElse("")).toList();
    }
}
