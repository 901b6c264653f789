package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * At the intake's multi-choice "Apa yang terjadi?" a survivor taps "Perkosaan", then types two lines the buttons do not
 * read (found by trying the dev chat: a line of markup and a line of Arabic script with combining marks). The question
 * used to give up as a skip ("pertanyaan ini kita lewati dulu"): the pick was lost, and with it, after "3 hari terakhir",
 * the emergency care note and the urgent medical mark. The pick now stays, as "Selesai" would keep it, with the last
 * typed line beside it. A question with nothing ticked still gives up as a skip. Synthetic words.
 */
class MultiChoiceGiveUpKeepsPicksTest {

    private final FlowEngine engine = TestEngines.atGoldenStart();
    private final Flow intake = ShippedFlows.intake();

    @Test
    void shouldKeepWhatWasTickedWhenTheQuestionGivesUpOnTypedLines() {
        SessionState state = atViolenceType();
        state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("violence_type:rape")).state();
        Step first = engine.handle(intake, state, new Input.Text("<b>tebal</b> zzzz"));
        assertEquals("violence_type", first.state().nodeId(), "one kind re-prompt first");
        Step second = engine.handle(intake, first.state(), new Input.Text("Z\u0301\u0302 a\u200Bb العربية"));

        Answer answer = second.state().answers().get("violence_type");
        assertFalse(answer.skipped(), "the pick was dropped as a skip: " + answer);
        assertEquals(List.of("rape"), answer.values());
        assertEquals("incident_when", second.state().nodeId());
        String said = texts(second);
        assertFalse(said.contains("kita lewati"), said);
        assertTrue(said.contains("Kapan terakhir kali terjadi?"), said);
    }

    @Test
    void shouldStillSkipAQuestionWithNothingTicked() {
        SessionState state = atViolenceType();
        Step first = engine.handle(intake, state, new Input.Text("zzzz"));
        Step second = engine.handle(intake, first.state(), new Input.Text("qqqq"));
        assertTrue(second.state().answers().get("violence_type").skipped());
        assertEquals("incident_when", second.state().nodeId());
    }

    private SessionState atViolenceType() {
        SessionState state = engine.start(intake).state();
        for (String button : List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:details")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(button)).state();
        }
        assertEquals("violence_type", state.nodeId());
        return state;
    }

    private static String texts(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance).map(o -> ((Output.Message) o).text())
                .collect(Collectors.joining("\n"));
    }
}
