package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A person who says they do not know ("lupa", "tidak ingat", "I forgot") at the time question has answered it: the
 * question is not asked again, it counts as unanswered, and for rape the emergency-care message follows at once (the
 * same as tapping Lewati). Status 9, noticed: the first "lupa" was asked again and only the second went on. Each row is
 * a labelled fixture: the chat language and what was typed. What was typed is kept with the answer, so the inbox shows
 * "(diketik: lupa)".
 */
class DontKnowAnswerTest {

    private static Flow intake;
    private final FlowEngine engine = TestEngines.atGoldenStart();

    @BeforeAll
    static void load() {
        intake = ShippedFlows.intake();
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @CsvSource(delimiter = '|', value = {
            // status 9: the first "lupa" was asked again
            "id|lupa",
            "id|Lupa.",
            "id|aku lupa",
            "id|saya lupa kapan",
            "id|tidak ingat",
            "id|nggak ingat",
            "id|gak inget",
            "id|udah gak ingat",
            "id|tidak tahu",
            "id|nggak tau",
            "id|ga tau",
            "en|I forgot",
            "en|forgot",
            "en|I don't remember",
            "en|I dont know",
            "en|can't remember",
            "en|I don’t remember",
            "en|not sure"})
    void shouldTakeDontKnowAsAnAnswerAtOnce(String language, String typed) {
        SessionState state = engine.start(intake).state();
        for (String button : List.of("language:" + language, "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details", "violence_type:rape", "violence_type:done")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(button)).state();
        }
        assertEquals("incident_when", state.nodeId());

        Step step = engine.handle(intake, state, new Input.Text(typed));

        assertEquals(0, step.state().retries(), "understood, not asked again");
        assertTrue(!"incident_when".equals(step.state().nodeId()), "went on from the time question");
        String said = step.outputs().stream().filter(Output.Message.class::isInstance)
                .map(output -> ((Output.Message) output).text()).reduce("", String::concat);
        Step skipped = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("incident_when:skip"));
        String saidOnSkip = skipped.outputs().stream().filter(Output.Message.class::isInstance)
                .map(output -> ((Output.Message) output).text()).reduce("", String::concat);
        assertEquals(skipped.state().nodeId(), step.state().nodeId(), "the same as Lewati");
        assertEquals(saidOnSkip, said, "the same messages as Lewati (the emergency-care message for rape)");
        assertEquals(typed, step.state().answers().get("incident_when").raw(), "what was typed is kept");
    }
}
