package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.conversation.definition.MessageKey;

/**
 * Walkthrough (explore, session 18): a typed answer longer than its question takes (a faculty over 200 characters, a
 * description of the person reported over 500) is told so, with the limit, and
 * the question stays where it was, its Lewati button with it (a question with its own re-prompt, such as the name's
 * "paling banyak 100 huruf", keeps saying that). Before, it got "Maaf, saya belum mengerti. Ketuk salah
 * satu tombol, atau tulis dengan kata lain", which is not what went wrong, and a second one skipped the question.
 * Each row: the question, its limit, the language.
 */
class TooLongAnswerTest {

    private final FlowEngine engine = TestEngines.atGoldenStart();

    @ParameterizedTest(name = "{0} ({2})")
    @CsvSource({"unit,200,id", "unit,200,en", "reported_person,500,id", "reported_person,500,en"})
    void shouldSayTheAnswerIsTooLongAndKeepTheQuestion(String nodeId, int limit, String language) throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState state = at(intake, nodeId, language);
        String tooLong = "Kata sintetis ".repeat(limit / 14 + 2);
        String expected = intake.message(MessageKey.TEXT_TOO_LONG).in(language, language).replace("{max}", String.valueOf(limit));

        for (int time = 1; time <= 2; time++) {
            Step step = engine.handle(intake, state, new Input.Text(tooLong));
            List<Output.Message> said = step.outputs().stream().filter(Output.Message.class::isInstance)
                    .map(Output.Message.class::cast).toList();
            assertEquals(1, said.size(), "one message: " + said);
            assertEquals(expected, said.get(0).text(), "says it is too long, with the limit (" + time + ")");
            assertTrue(said.get(0).text().contains(String.valueOf(limit)));
            assertEquals(nodeId, said.get(0).nodeId(), "with the question's buttons");
            assertEquals(nodeId, step.state().nodeId(), "the question stays (" + time + ")");
            assertNull(step.state().answers().get(intake.findNode(nodeId).orElseThrow().key()), "nothing kept as the answer, not skipped");
            state = step.state();
        }
        Step shorter = engine.handle(intake, state, new Input.Text("Kata sintetis yang pendek"));
        assertEquals("Kata sintetis yang pendek", shorter.state().answers().get(intake.findNode(nodeId).orElseThrow().key()).value());
    }

    /**
     * Walkthrough (chat2, session 19): at the name and the code word, questions with a re-prompt of their own that says
     * the limit ("paling banyak 100 huruf"), a too-long answer was counted as a failed try, so the second one skipped
     * the question ("pertanyaan ini kita lewati dulu"). It is understood, just too long: the re-prompt each time, the
     * question stays, nothing is recorded.
     */
    @ParameterizedTest(name = "{0} ({2})")
    @CsvSource({"name,100,id", "name,100,en", "code_word,50,id", "code_word,50,en"})
    void shouldRepeatTheLimitEveryTimeAtAQuestionWithItsOwnReprompt(String nodeId, int limit, String language) throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState state = at(intake, nodeId, language);
        String tooLong = "Kata sintetis ".repeat(limit / 14 + 2);
        String expected = intake.findNode(nodeId).orElseThrow().reprompt().in(language, language);

        for (int time = 1; time <= 4; time++) {
            Step step = engine.handle(intake, state, new Input.Text(tooLong));
            List<Output.Message> said = step.outputs().stream().filter(Output.Message.class::isInstance)
                    .map(Output.Message.class::cast).toList();
            assertEquals(1, said.size(), "one message (" + time + "): " + said);
            assertEquals(expected, said.get(0).text(), "the question's own limit (" + time + ")");
            assertEquals(nodeId, said.get(0).nodeId(), "with the question's buttons");
            assertEquals(nodeId, step.state().nodeId(), "the question stays, never skipped (" + time + ")");
            assertNull(step.state().answers().get(intake.findNode(nodeId).orElseThrow().key()), "nothing recorded (" + time + ")");
            state = step.state();
        }
        Step shorter = engine.handle(intake, state, new Input.Text("Sintetis"));
        assertEquals("Sintetis", shorter.state().answers().get(intake.findNode(nodeId).orElseThrow().key()).value());
    }

    /**
     * A note at the evidence question longer than the question takes (WhatsApp sends far more than 4,000 characters in
     * one message) was a failed try, and the second one skipped the evidence question. It is kept, in parts, nothing
     * left out, as the story's messages are.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"id", "en"})
    void shouldKeepALongNoteBesideTheEvidenceInParts(String language) throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState state = at(intake, "evidence", language);
        int limit = intake.findNode("evidence").orElseThrow().maxLength();
        String longNote = "Catatan sintetis ".repeat(limit / 17 + 20).strip();

        for (int time = 1; time <= 3; time++) {
            Step step = engine.handle(intake, state, new Input.Text(longNote));
            assertEquals("evidence", step.state().nodeId(), "the question stays (" + time + ")");
            assertNull(step.state().answers().get("evidence"), "not skipped (" + time + ")");
            String kept = String.join(" ", step.state().draft().parts());
            assertTrue(kept.equals(String.join(" ", java.util.Collections.nCopies(time, longNote))),
                    "every word kept, in order (" + time + "): " + kept.length() + " characters kept");
            state = step.state();
        }
    }

    private SessionState at(Flow intake, String nodeId, String language) {
        List<String> taps = List.of("language:" + language, "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details", "violence_type:unwanted_messages", "violence_type:done",
                "incident_when:longer", "victim_minor:no", "incident_place:campus", "chronology:skip",
                List.of("unit", "name").contains(nodeId) ? "biodata_offer:yes" : "biodata_offer:no", "reported_offer:yes");
        SessionState state = engine.start(intake).state();
        for (String tap : taps) {
            if (nodeId.equals(state.nodeId())) {
                return state;
            }
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(tap)).state();
        }
        for (int guard = 0; guard < 30 && !nodeId.equals(state.nodeId()); guard++) {
            String next = state.nodeId();
            String tap = next.equals("evidence_consent") || next.equals("contact_offer") ? ":yes" : ":skip";
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(next + tap)).state();
        }
        assertEquals(nodeId, state.nodeId());
        return state;
    }
}
