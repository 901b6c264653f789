package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Walkthrough (explore, session 18): at "Apakah umurmu di bawah 18 tahun?" a survivor, often a child, answers with
 * their age ("15", "umurku 16 tahun", "19"). Before, a number there was read as a button's place and not understood;
 * typed twice, the question was skipped, and a child's case was not marked as a child's (the evidence step then did
 * not warn against sending intimate images of a child). The node's {@code age_below: 18} reads a typed age as the
 * answer: below 18 is yes, 18 or more is no. For a witness or a helper ("dia 15 tahun") the same. Two different ages,
 * or an age beyond 120, are asked again, never guessed. Each row: who reports, what was typed, the answer ("-": asked
 * again).
 */
class TypedAgeTest {

    private final FlowEngine engine = TestEngines.atGoldenStart();

    @ParameterizedTest(name = "{0}: ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "victim|15|yes", "victim|17|yes", "victim|18|no", "victim|19|no", "victim|umurku 16 tahun|yes",
            "victim|aku 14 thn|yes", "victim|20 tahun|no", "victim|１６|yes", "victim|I'm 16|yes", "victim|age 25|no",
            "witness|dia 15 tahun|yes", "proxy|umurnya 30|no",
            // a yes or a no word still decides as before
            "victim|iya|yes", "victim|tidak|no",
            // two ages, or no age at all: asked again
            "victim|15 atau 19|-", "victim|200|-", "victim|hmm|-"})
    void shouldReadATypedAgeAsTheAnswer(String role, String typed, String expected) throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState at = atAgeQuestion(intake, role);

        Step step = engine.handle(intake, at, new Input.Text(typed));

        Answer answer = step.state().answers().get("victim_minor");
        if ("-".equals(expected)) {
            assertEquals("victim_minor", step.state().nodeId(), "asked again");
            assertNull(answer);
        } else {
            assertEquals(expected, answer == null ? null : answer.value(), typed);
            // the counsellor sees what was typed, unless it was the button's label typed out ("ya", "tidak"): only the pick
            assertEquals(java.util.Set.of("ya", "tidak").contains(typed) ? null : typed, answer.raw(), "the counsellor sees what was typed");
        }
    }

    private SessionState atAgeQuestion(Flow intake, String role) {
        List<String> taps = List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:" + role,
                "victim_knows:yes", "send_now:details", "violence_type:unwanted_messages", "violence_type:done",
                "incident_when:longer");
        SessionState state = engine.start(intake).state();
        for (String tap : taps) {
            if (state.nodeId().equals("victim_minor")) {
                break;
            }
            String node = tap.substring(0, tap.indexOf(':'));
            if (node.equals(state.nodeId())) {
                state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(tap)).state();
            }
        }
        assertEquals("victim_minor", state.nodeId());
        return state;
    }
}
