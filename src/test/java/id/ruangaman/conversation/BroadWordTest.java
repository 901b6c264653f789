package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    private static final String ASK_ID = "Terima kasih sudah memberi tahu.\nYang kamu tulis bisa berupa beberapa hal.";
    private static final String ASK_EN = "Thank you for telling me.\nWhat you wrote can mean several things.";

    private static Flow intake;
    private final FlowEngine engine = TestEngines.atGoldenStart();

    @BeforeAll
    static void load() {
        intake = ShippedFlows.intake();
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
            "dipaksa menikah|forced_marriage",
            "aku dipaksa nikah sama ortu|forced_marriage",
            "kekerasan fisik|physical_assault"})
    void shouldTickAnOptionWithoutAskingWhenNoBroadWordIsLeft(String typed, String option) {
        Step step = engine.handle(intake, atViolenceType("id"), new Input.Text(typed));

        assertEquals(List.of(option), step.state().draft().selected());
        assertTrue(messages(step).stream().noneMatch(message -> message.text().contains(ASK_ID)),
                "a broad word inside an option's words is that option: " + messages(step));
    }

    /**
     * Walkthrough (chat2, session 19): "pelecehan dan dipukul" ticked physical assault and said nothing of "pelecehan".
     * Now the named options are ticked and, in the same one message, the survivor is asked about the broad part; what
     * they typed is kept as their own words.
     */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "dilecehkan, diraba|sexual_assault",
            "pelecehan dan dipukul|physical_assault",
            "kekerasan seksual dan diancam|psychological_abuse",
            "I was harassed and groped|sexual_assault"})
    void shouldTickTheOptionAndAskAboutTheBroadWordBesideIt(String typed, String option) {
        Step step = engine.handle(intake, atViolenceType("id"), new Input.Text(typed));

        assertEquals(List.of(option), step.state().draft().selected(), "the option named is kept");
        List<Output.Message> said = messages(step);
        assertEquals(1, said.size(), "one message, never a flood: " + said);
        assertTrue(said.get(0).text().contains(ASK_ID), "asked about the broad part: " + said.get(0).text());
        assertEquals("violence_type", said.get(0).nodeId(), "with the question's buttons");
        assertEquals(0, step.state().retries());

        Step done = engine.handle(intake, step.state(), Input.ButtonPress.fromCallbackData("violence_type:done"));
        Answer answer = done.state().answers().get("violence_type");
        assertEquals(List.of(option), answer.values());
        assertEquals(typed, answer.raw(), "the survivor's own words, for the counsellor");
    }

    /**
     * Common words a survivor types at "Apa yang terjadi?" (slang, affixes, English): each picks its option. Before,
     * "diperkosa?" was already a word, but "diancam", "dihajar", "nikah paksa", "dicabuli" got "belum mengerti".
     */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "diperkosa?|rape",
            "aku diperkosa|rape",
            "dia memperkosa aku|rape",
            "dirudapaksa|rape",
            "aku dipaksa berhubungan badan|rape",
            "I was raped|rape",
            "dicabuli|sexual_assault",
            "digrepe-grepe di bus|sexual_assault",
            "dipegang-pegang|sexual_assault",
            "I was groped|sexual_assault",
            "molested|sexual_assault",
            "dihajar pacar|physical_assault",
            "dipukulin|physical_assault",
            "aku dijambak dan dicekik|physical_assault",
            "he hit me|physical_assault",
            "nikah paksa|forced_marriage",
            "mau dijodohkan paksa|forced_marriage",
            "gaji ditahan|denial_of_resources",
            "financial abuse|denial_of_resources",
            "diancam|psychological_abuse",
            "diancam terus|psychological_abuse",
            "dibentak dan dimaki-maki|psychological_abuse",
            "dibully|psychological_abuse",
            "I was threatened|psychological_abuse",
            "digrooming|grooming",
            "diancam foto disebar|sextortion",
            "sekstorsi|sextortion",
            "blackmailed|sextortion",
            "fotoku disebar|image_sharing",
            "revenge porn|image_sharing",
            "dikirimi foto bugil|unwanted_messages",
            "chat mesum dari dosen|unwanted_messages",
            "dick pic|unwanted_messages"})
    void shouldPickTheOptionACommonWordMeans(String typed, String option) {
        Step step = engine.handle(intake, atViolenceType("id"), new Input.Text(typed));

        assertEquals(List.of(option), step.state().draft().selected(), "'" + typed + "': " + messages(step));
        assertEquals(0, step.state().retries(), "not a failed answer");
    }

    /**
     * Words that name what happened but not which option: a kind question, never "belum mengerti"; the words are kept
     * and reach the counsellor with the answer (or with a skip).
     */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "kekerasan seksual",
            "aku dipaksa",
            "kdrt",
            "kekerasan dalam pacaran",
            "KBGO",
            "dikuntit terus",
            "digodain di jalan",
            "disakiti",
            "sexual violence",
            "I was abused",
            "assaulted",
            "domestic violence",
            "stalked"})
    void shouldAskKindlyAndKeepTheWordsWhenTheyFitSeveralOptions(String typed) {
        Step step = engine.handle(intake, atViolenceType("id"), new Input.Text(typed));

        List<Output.Message> said = messages(step);
        assertEquals(1, said.size(), "one message: " + said);
        assertTrue(said.get(0).text().startsWith(ASK_ID), "'" + typed + "': " + said.get(0).text());
        assertEquals(0, step.state().retries(), "not a failed answer");
        assertTrue(step.state().draft().selected().isEmpty(), "nothing ticked");

        Step chosen = engine.handle(intake, step.state(), Input.ButtonPress.fromCallbackData("violence_type:sexual_assault"));
        Step done = engine.handle(intake, chosen.state(), Input.ButtonPress.fromCallbackData("violence_type:done"));
        assertEquals(typed, done.state().answers().get("violence_type").raw(), "kept as the survivor's own words");

        Step skipped = engine.handle(intake, step.state(), Input.ButtonPress.fromCallbackData("violence_type:skip"));
        assertTrue(skipped.state().answers().get("violence_type").skipped());
        assertEquals(typed, skipped.state().answers().get("violence_type").raw(), "kept with a skip too");
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
