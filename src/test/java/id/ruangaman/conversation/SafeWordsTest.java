package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Walkthrough (explore2, session 19): at "Sebelum lanjut: apakah kamu dalam bahaya sekarang?" a survivor who is safe
 * types "aman" ("safe"). Before, that was "Maaf, saya belum mengerti"; typed again, the question's safe side took it
 * as danger: the emergency numbers, and the counsellor told of a danger that was not there. "Aman" answers this
 * question only (at "is this phone safe?" it means yes, at other yes/no questions nothing), so it is the node's own
 * {@code answer_words}, not a general answer word. Words of danger are still read first ("belum aman", "kurang aman",
 * "aman tapi takut"), and a negated "aman" is asked again, never guessed. Each row: what was typed, the answer
 * ("-": asked again).
 */
class SafeWordsTest {

    private final FlowEngine engine = TestEngines.atGoldenStart();

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "aman|no", "Aman kak|no", "aku sudah aman|no", "udah aman kok 🙏|no", "saya aman sekarang|no",
            "aku baik-baik saja|no", "gpp|no", "safe|no", "I'm safe now|no", "I am fine|no",
            // a word of danger is read first, whatever else the reply says
            "belum aman|yes", "kurang aman|yes", "aman tapi aku takut|yes", "ga aman|yes", "not safe|yes",
            // a negated "aman" is neither answer: asked again
            "tidak terlalu aman|-", "not really safe|-", "aku gak tau aman atau nggak|-",
            // a negation in another clause leaves the word its meaning
            "nggak kok, aman|no",
            // the general words decide as before
            "ya|yes", "tidak|no", "nggak|no",
            // a word of danger only under a negation says no (before: "yes", the emergency numbers, and the counsellor
            // told of a danger the survivor had just denied)
            "tidak dalam bahaya|no", "aku tidak sedang dalam bahaya|no", "udah gak bahaya|no", "not in danger|no",
            "I'm not in danger|no", "I am no longer in danger|no", "gak merasa terancam kok|no",
            // other ways of saying "I am safe"
            "aman2 aja|no", "aku baik|no", "saya baik kak|no", "aku oke kok|no", "aku selamat|no", "i'm ok|no", "all good|no",
            "I'm alright|no", "im good|no",
            // feeling unsafe is danger, and a negation that does not govern the word of danger leaves it danger
            "aku tidak merasa aman|yes", "I don't feel safe|yes", "tidak tahu apakah aku dalam bahaya|yes",
            "bukan aku yang dalam bahaya|yes", "not sure, I'm scared|yes", "aku baik tapi takut|yes",
            // "ok" may mean "I'm ok" as well as "yes": asked again (before: yes, the emergency numbers), unless it says more
            "ok|-", "Oke kak|-", "sip|-", "okay|-", "oke, aman kok|no", "ok tolong|yes", "iya|yes"})
    void shouldReadSafeAsNoAtTheDangerQuestion(String typed, String expected) throws IOException {
        Flow intake = intake();
        SessionState at = at(intake, "in_danger");

        Step step = engine.handle(intake, at, new Input.Text(typed));

        Answer answer = step.state().answers().get("in_danger");
        if ("-".equals(expected)) {
            assertEquals("in_danger", step.state().nodeId(), "asked again");
            assertNull(answer);
        } else {
            assertEquals(expected, answer == null ? null : answer.value(), typed);
            // the counsellor sees what was typed, unless it was the button's label typed out ("ya", "tidak"): only the pick
            assertEquals(java.util.Set.of("ya", "tidak").contains(typed) ? null : typed, answer.raw(), "the counsellor sees what was typed");
        }
    }

    @Test
    void shouldNotTellTheCounsellorOfDangerForASafeReply() throws IOException {
        Flow intake = intake();

        Step step = engine.handle(intake, at(intake, "in_danger"), new Input.Text("aman"));

        assertEquals("safe_to_reply", step.state().nodeId());
        assertTrue(step.outputs().stream().noneMatch(output -> output instanceof Output.DangerReported),
                "no danger event: " + step.outputs());
    }

    @Test
    void shouldLeaveSafeToTheDangerQuestion() throws IOException {
        Flow intake = intake();

        Step step = engine.handle(intake, at(intake, "victim_minor"), new Input.Text("aman"));

        assertEquals("victim_minor", step.state().nodeId(), "\"aman\" means nothing at \"under 18?\": asked again");
        assertNull(step.state().answers().get("victim_minor"));
    }

    private static Flow intake() {
        return ShippedFlows.intake();
    }

    private SessionState at(Flow intake, String nodeId) {
        List<String> taps = List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "victim_knows:yes", "send_now:details", "violence_type:unwanted_messages", "violence_type:done",
                "incident_when:longer");
        SessionState state = engine.start(intake).state();
        for (String tap : taps) {
            if (state.nodeId().equals(nodeId)) {
                break;
            }
            String node = tap.substring(0, tap.indexOf(':'));
            if (node.equals(state.nodeId())) {
                state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(tap)).state();
            }
        }
        assertEquals(nodeId, state.nodeId());
        return state;
    }
}
