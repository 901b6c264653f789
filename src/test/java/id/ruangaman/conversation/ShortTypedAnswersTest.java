package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A survivor who types little (walkthrough 9, finding 9): "ya" at "Apakah aman chat di HP ini?" [Ya, aman | Aman, mode
 * senyap | Belum aman] was not understood twice and ended as "not safe" (the counsellor then never writes first), and
 * "saya" at "Kejadian ini dialami siapa?" [Saya sendiri | ...] was skipped. Each row: the question (reached by tapping
 * the buttons before it), what was typed, and the option it must be taken as at once ("-": asked again, kindly).
 */
class ShortTypedAnswersTest {

    private final FlowEngine engine = TestEngines.atGoldenStart();

    @ParameterizedTest(name = "{0}: ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            // walkthrough 9, finding 9
            "safe_to_reply|ya|yes", "reporter_role|saya|victim",
            // a yes or a no in a few words, from the answer words, where the options are yes and no
            "safe_to_reply|iya|yes", "safe_to_reply|iyaa kak|yes", "safe_to_reply|y|yes", "safe_to_reply|yes|yes",
            "safe_to_reply|yep|yes", "safe_to_reply|gak|no", "safe_to_reply|nggak|no", "safe_to_reply|tidak|no",
            "safe_to_reply|no|no", "safe_to_reply|ga kak|no",
            // the first words of exactly one label, in either language
            "reporter_role|Saya|victim", "reporter_role|me|victim", "safe_to_reply|yes it|yes",
            "send_now|kirim|now", "send_now|lanjut|details", "incident_place|online|online", "incident_place|di tempat|other",
            // the first words of two labels, or negation words only: asked again, never guessed
            "reporter_role|orang lain|-", "reporter_role|someone else|-", "incident_place|di|-", "reporter_role|bukan|-",
            // a number is read by position and ranges, never as a label's first word (a bare "3" may mean 3 days)
            "incident_when|3|-",
            // what was understood before stays understood
            "safe_to_reply|aman|yes", "safe_to_reply|belum aman|no", "safe_to_reply|tidak ada yang pinjam|-", "reporter_role|orang lain, saya lihat|witness"})
    void shouldTakeAShortTypedAnswerAtOnce(String nodeId, String typed, String expected) throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState at = at(intake, nodeId);

        Step step = engine.handle(intake, at, new Input.Text(typed));

        Answer answer = step.state().answers().get(key(intake, nodeId));
        if ("-".equals(expected)) {
            assertEquals(nodeId, step.state().nodeId(), "asked again");
            assertNull(answer);
        } else {
            assertEquals(expected, answer == null ? null : answer.value(), typed);
        }
    }

    private static String key(Flow flow, String nodeId) {
        return flow.findNode(nodeId).orElseThrow().key();
    }

    /** Taps the first workable button of every question until {@code nodeId} is asked. */
    private SessionState at(Flow intake, String nodeId) {
        List<String> taps = List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:details", "violence_type:unwanted_messages", "violence_type:done", "incident_when:longer",
                "incident_place:campus");
        SessionState state = engine.start(intake).state();
        for (String tap : taps) {
            if (nodeId.equals(state.nodeId())) {
                return state;
            }
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(tap)).state();
        }
        for (int guard = 0; guard < 30 && !nodeId.equals(state.nodeId()); guard++) {
            state = engine.handle(intake, state, new Input.Text("lewati")).state();
        }
        assertEquals(nodeId, state.nodeId());
        return state;
    }
}
