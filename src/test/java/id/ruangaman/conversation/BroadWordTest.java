package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A survivor who answers "Apa yang terjadi?" with "pelecehan" (or "aku dilecehin", "harassed") has named what happened:
 * the word is too broad to pick an option (touching, words, messages), and which it was is theirs to say. Before, the
 * answer was "Maaf, saya belum mengerti" and the question again. Now one message thanks them and asks to choose, with
 * the question's buttons; it is not a failed answer (the question is never skipped for it) and nothing is stored.
 */
class BroadWordTest {

    private static final String ASK_ID = "Terima kasih sudah memberi tahu.\nPelecehan bisa berupa beberapa hal.";
    private static final String ASK_EN = "Thank you for telling me.\nHarassment can mean several things.";

    private static Flow intake;
    private final FlowEngine engine = new FlowEngine(EngineSettings.defaults(), new MutableClock(GoldenRun.START),
            new FixedReferenceCodes("RA-7K2QX"), code -> Optional.empty());

    @BeforeAll
    static void load() throws IOException {
        intake = new FlowLoader().load("intake.yaml", Files.readAllBytes(Path.of("conversations/intake.yaml")));
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "id|pelecehan",
            "id|Pelecehan.",
            "id|PELECEHAN!!",
            "id|pelecehan seksual",
            "id|dilecehkan",
            "id|aku dilecehin",
            "id|saya dilecehkan di kampus",
            "id|kena leceh sama dosen",
            "id|harassed",
            "en|harassed",
            "en|harassment",
            "en|I was sexually harassed",
            "en|pelecehan"})
    void shouldAskToChooseWhenTheWordIsTooBroad(String language, String typed) {
        SessionState state = atViolenceType(language);

        Step step = engine.handle(intake, state, new Input.Text(typed));

        List<Output.Message> said = messages(step);
        assertEquals(1, said.size(), "one message: " + said);
        Output.Message message = said.get(0);
        assertTrue(message.text().startsWith(language.equals("id") ? ASK_ID : ASK_EN), message.text());
        assertFalse(message.text().contains("belum mengerti") || message.text().contains("didn't get that"), message.text());
        assertEquals("violence_type", message.nodeId(), "with the question's buttons");
        assertTrue(message.choices().stream().anyMatch(choice -> choice.id().equals("sexual_assault")), "the options as buttons");
        assertTrue(message.multiSelect());
        assertEquals("violence_type", step.state().nodeId(), "still at the question");
        assertEquals(0, step.state().retries(), "not a failed answer");
        assertTrue(step.state().draft().selected().isEmpty(), "nothing ticked");
        assertFalse(step.state().answers().containsKey("violence_type"), "nothing stored");
        assertTrue(step.outputs().stream().noneMatch(Output.AnswerRecorded.class::isInstance), "nothing recorded");
    }

    @Test
    void shouldNeverSkipTheQuestionForRepeatedBroadWords() {
        SessionState state = atViolenceType("id");
        state = engine.handle(intake, state, new Input.Text("hmm")).state();
        assertEquals(1, state.retries(), "one unclear answer counted");

        for (String typed : List.of("pelecehan", "dilecehkan", "pelecehan", "aku dilecehin")) {
            Step step = engine.handle(intake, state, new Input.Text(typed));
            state = step.state();
            assertEquals("violence_type", state.nodeId(), "not skipped after '" + typed + "'");
            assertEquals(1, state.retries(), "a broad word is not counted");
            assertTrue(messages(step).get(0).text().startsWith(ASK_ID));
        }
        assertFalse(state.answers().containsKey("violence_type"));

        state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("violence_type:sexual_assault")).state();
        state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("violence_type:done")).state();
        assertEquals(List.of("sexual_assault"), state.answers().get("violence_type").values(), "the survivor's own choice");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "aku diraba|sexual_assault",
            "dilecehkan, diraba|sexual_assault",
            "pelecehan dan dipukul|physical_assault",
            "I was harassed and groped|sexual_assault"})
    void shouldStillTickAnOptionNamedBesideTheBroadWord(String typed, String option) {
        Step step = engine.handle(intake, atViolenceType("id"), new Input.Text(typed));

        assertEquals(List.of(option), step.state().draft().selected());
        assertTrue(messages(step).stream().noneMatch(message -> message.text().startsWith(ASK_ID)), "an option was named");
    }

    @Test
    void shouldNotThankForABroadWordUnderANegation() {
        Step step = engine.handle(intake, atViolenceType("id"), new Input.Text("bukan pelecehan"));

        assertTrue(messages(step).stream().noneMatch(message -> message.text().startsWith(ASK_ID)));
        assertEquals(1, step.state().retries(), "the ordinary kind re-prompt");
    }

    /** "Konseling" at "Bantuan apa yang kamu butuhkan?" fits two options; before, it was "belum mengerti". */
    @ParameterizedTest(name = "{0} ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "id|konseling|Ada dua macam konseling:",
            "id|mau konseling aja|Ada dua macam konseling:",
            "en|counselling|There are two kinds of counselling:",
            "en|I need counseling|There are two kinds of counselling:"})
    void shouldAskWhichCounsellingIsWanted(String language, String typed, String asked) {
        SessionState state = atViolenceType(language);
        for (int i = 0; i < 40 && !state.nodeId().equals("services"); i++) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(state.nodeId() + ":skip")).state();
        }
        assertEquals("services", state.nodeId());

        Step step = engine.handle(intake, state, new Input.Text(typed));

        assertEquals(1, messages(step).size(), "one message");
        assertTrue(messages(step).get(0).text().startsWith(asked), messages(step).get(0).text());
        assertEquals("services", step.state().nodeId());
        assertEquals(0, step.state().retries(), "not a failed answer");
        assertTrue(step.state().draft().selected().isEmpty(), "nothing ticked");

        Step psychologist = engine.handle(intake, state, new Input.Text("konseling psikolog"));
        assertEquals(List.of("psychological"), psychologist.state().draft().selected(), "an option's word still picks it");
    }

    private SessionState atViolenceType(String language) {
        SessionState state = engine.start(intake).state();
        for (String button : List.of("language:" + language, "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(button)).state();
        }
        assertEquals("violence_type", state.nodeId());
        return state;
    }

    private static List<Output.Message> messages(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
    }
}
