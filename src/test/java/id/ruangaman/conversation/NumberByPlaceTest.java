package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bare number typed at a question of {@code conversations/intake.yaml}: the choice in that place where the messenger
 * shows the choices in order, never where it does not ({@link ChoiceOrder}: a WhatsApp list until opened), and never at
 * a question that takes numbers as answers (free text, an age, a time ago). Out of range: the one kind re-prompt, with
 * the question's buttons.
 * <p>
 * Where a wrong pick is destructive or safety-relevant (consent, "are you in danger now?", "is this phone safe?", the
 * erasure confirmation) a bare number picks only where the choices were shown as a numbered text list: buttons show no
 * numbers, so a "1" there is a guess at an order the person never saw, and gets one kind re-prompt that names the
 * choices.
 */
class NumberByPlaceTest {

    private static final String REPROMPT = "Maaf, saya belum mengerti.";
    private static Flow intake;
    private final MutableClock clock = new MutableClock(GoldenRun.START);
    private final FlowEngine shown = TestEngines.on(clock);
    private final FlowEngine hidden = shown.withChoiceOrder(question -> false);
    private final FlowEngine numberedText = shown.withChoiceOrder(new ChoiceOrder() {
        @Override
        public boolean shown(Output.Message question) {
            return true;
        }

        @Override
        public boolean numbered(Output.Message question) {
            return true;
        }
    });

    @BeforeAll
    static void load() {
        intake = ShippedFlows.intake();
    }

    @ParameterizedTest(name = "{0}: ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {"gender|2|male", "incident_place|3|other", "reporter_role|1|victim", "send_now|2|now",
            "evidence_consent|1|yes", "gender|4|skip", "gender|5|-", "gender|9|-", "gender|0|-"})
    void aNumberPicksTheChoiceInThatPlaceWhereTheOrderIsShown(String node, String typed, String expected) {
        for (FlowEngine engine : List.of(shown, numberedText)) {
            Step step = engine.handle(intake, at(node), new Input.Text(typed));
            if ("-".equals(expected) && engine == numberedText) {
                assertRepromptedForANumber(node, step);
            } else if ("-".equals(expected)) {
                assertReprompted(node, step);
            } else {
                assertEquals(expected, answer(step), node + " '" + typed + "'");
            }
        }
    }

    @ParameterizedTest(name = "{0}: ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {"consent|1|yes", "consent|2|no", "in_danger|1|yes", "in_danger|2|no", "safe_to_reply|1|yes",
            "safe_to_reply|3|no", "safe_to_reply|' 3 '|no", "in_danger|2.|no"})
    void aNumberAtASafetyQuestionPicksOnlyFromANumberedList(String node, String typed, String expected) {
        assertReprompted(node, shown.handle(intake, at(node), new Input.Text(typed)));
        assertEquals(expected, answer(numberedText.handle(intake, at(node), new Input.Text(typed))), node + " '" + typed + "'");
    }

    @Test
    void aNumberAtTheErasureQuestionErasesOnlyFromANumberedList() {
        SessionState asked = shown.handle(intake, at("gender"), new Input.Text("/hapus")).state();
        assertEquals(PendingPrompt.DELETE_CONFIRM, asked.pending());
        Step step = shown.handle(intake, asked, new Input.Text("1"));
        assertEquals(PendingPrompt.DELETE_CONFIRM, step.state().pending(), "still asked");
        assertTrue(step.outputs().stream().noneMatch(Output.DeleteRequested.class::isInstance), "nothing erased: " + step.outputs());
        Output.Message reprompt = (Output.Message) step.outputs().get(0);
        assertTrue(reprompt.text().startsWith(REPROMPT) && reprompt.text().contains("\n• Ya") && reprompt.text().contains("\n• Tidak"),
                "one kind re-prompt that names the choices: " + reprompt.text());
        assertEquals(List.of("yes", "no"), reprompt.choices().stream().map(Choice::id).toList(), "with the buttons");
        assertTrue(numberedText.handle(intake, asked, new Input.Text("1")).outputs().stream().anyMatch(Output.DeleteRequested.class::isInstance),
                "'1' at a numbered list is the first choice");
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource(delimiter = '|', value = {"gender|2", "incident_place|2", "consent|1", "violence_type|1, 3", "summary|1"})
    void aNumberNamesNoPlaceWhereTheMessageShowsNoOrder(String node, String typed) {
        assertReprompted(node, hidden.handle(intake, at(node), new Input.Text(typed)));
    }

    @Test
    void aNumberIsAnAnswerAtQuestionsThatTakeNumbers() {
        for (FlowEngine engine : List.of(shown, hidden)) {
            assertEquals("2", engine.handle(intake, at("name"), new Input.Text("2")).outputs().stream()
                    .filter(Output.AnswerRecorded.class::isInstance).map(o -> ((Output.AnswerRecorded) o).answer().value())
                    .findFirst().orElse(null), "a free-text answer");
            assertEquals("under_18", answer(engine.handle(intake, at("age_range"), new Input.Text("3"))), "an age is the age");
        }
        assertReprompted("incident_when", shown.handle(intake, at("incident_when"), new Input.Text("2")));
    }

    /**
     * What was typed is kept beside the answer ("Kata-kata pelapor: …" in the inbox and on the prints) only where it says
     * more than the choice: a list's number or the label typed out is only the pick (a WhatsApp list's "8" was printed
     * as "Kata-kata pelapor: “8”", session 57's noticed list); the person's own words, and a number that is a value
     * (an age), stay.
     */
    @ParameterizedTest(name = "{0}: ''{1}'' keeps ''{2}''")
    @CsvSource(delimiter = '|', value = {"gender|2|-", "gender|Perempuan|-", "gender|perempuan|-", "reporter_role|1|-",
            "evidence_consent|1|-", "in_danger|2|-", "gender|cewek|cewek", "reporter_role|aku sendiri kak|aku sendiri kak",
            "age_range|15|15", "incident_when|tadi malam|tadi malam", "in_danger|nggak kak|nggak kak",
            // a label with a comma in it, typed out whole, is the label (not two parts)
            "safe_to_reply|Ya, aman|-", "safe_to_reply|aman, mode senyap|-"})
    void aTypedPickKeepsNoWordsBesideTheAnswer(String node, String typed, String kept) {
        Step step = numberedText.handle(intake, at(node), new Input.Text(typed));
        Answer answer = step.outputs().stream().filter(Output.AnswerRecorded.class::isInstance)
                .map(o -> ((Output.AnswerRecorded) o).answer()).findFirst().orElseThrow(() -> new AssertionError(node + " '" + typed + "' not taken"));
        assertEquals("-".equals(kept) ? null : kept, answer.raw(), node + " '" + typed + "'");
    }

    /**
     * Under buttons, which show no numbers, a typed "2" is a guess at their order: the answer keeps it, the counsellor's
     * sign that the choice was inferred, not tapped.
     */
    @Test
    void aNumberTypedUnderButtonsWithoutNumbersIsKeptBesideTheAnswer() {
        assertEquals("2", recorded(shown.handle(intake, at("gender"), new Input.Text("2"))).raw(), "a guess at the order, kept");
        assertEquals(null, recorded(shown.handle(intake, at("gender"), new Input.Text("Perempuan"))).raw(), "the label, only the pick");
        SessionState state = shown.handle(intake, at("violence_type"), new Input.Text("1, 3")).state();
        Answer guessed = recorded(shown.handle(intake, state, Input.ButtonPress.fromCallbackData("violence_type:done")));
        assertEquals("1, 3", guessed.raw(), "numbers typed under buttons, kept");
    }

    @Test
    void aTypedListOfNumbersAtAMultipleChoiceKeepsNoWordsBesideTheAnswer() {
        SessionState state = numberedText.handle(intake, at("violence_type"), new Input.Text("1, 3")).state();
        Step done = numberedText.handle(intake, state, Input.ButtonPress.fromCallbackData("violence_type:done"));
        Answer numbers = recorded(done);
        assertEquals(2, numbers.values().size(), "two ticked: " + numbers);
        assertEquals(null, numbers.raw(), "the numbers only pointed at the options");

        state = numberedText.handle(intake, at("violence_type"), new Input.Text("1, 3")).state();
        state = numberedText.handle(intake, state, new Input.Text("aku juga diraba di kelas")).state();
        Answer words = recorded(numberedText.handle(intake, state, Input.ButtonPress.fromCallbackData("violence_type:done")));
        assertEquals("aku juga diraba di kelas", words.raw(), "own words kept, the numbers left out");
    }

    private static Answer recorded(Step step) {
        return step.outputs().stream().filter(Output.AnswerRecorded.class::isInstance).map(o -> ((Output.AnswerRecorded) o).answer())
                .findFirst().orElseThrow(() -> new AssertionError("nothing recorded: " + step.outputs()));
    }

    private SessionState at(String node) {
        SessionState state = shown.start(intake).state();
        for (String button : List.of("language:id", "consent:yes")) {
            state = shown.handle(intake, state, Input.ButtonPress.fromCallbackData(button)).state();
        }
        return state.atNode(node);
    }

    private static String answer(Step step) {
        return step.outputs().stream().filter(Output.AnswerRecorded.class::isInstance).map(o -> ((Output.AnswerRecorded) o).answer())
                .map(a -> a.skipped() ? "skip" : a.value() != null ? a.value() : String.valueOf(a.values())).findFirst().orElse(null);
    }

    /**
     * Where the messenger shows the choices as numbered text: one message that asks for the number, then the question
     * whose numbered list is the one list of the choices (not bullets above it as well: three lists for one "9").
     */
    private static void assertRepromptedForANumber(String node, Step step) {
        assertEquals(node, step.state().nodeId(), "still at the question");
        List<Output.Message> messages = step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
        assertEquals(1, messages.size(), "one message: " + messages);
        Output.Message message = messages.get(0);
        assertTrue(message.text().startsWith("Maaf, saya belum mengerti. Tulis nomor pilihanmu"), message.text());
        assertEquals(node, message.nodeId());
        message.choices().forEach(choice -> assertTrue(!message.text().contains("\n• " + choice.label()),
                "no bullets above the numbered list: " + message.text()));
    }

    private static void assertReprompted(String node, Step step) {
        assertEquals(node, step.state().nodeId(), "still at the question");
        assertEquals(1, step.state().retries(), "counted as one unusable answer");
        assertTrue(step.outputs().stream().noneMatch(Output.AnswerRecorded.class::isInstance), "nothing was taken: " + step.outputs());
        List<Output.Message> messages = step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
        assertTrue(messages.get(0).text().startsWith(REPROMPT), "one kind re-prompt first: " + messages.get(0).text());
        Output.Message question = messages.get(messages.size() - 1);
        assertEquals(node, question.nodeId(), "then the question with its buttons");
        assertTrue(!question.choices().isEmpty());
        if (!"incident_when".equals(node)) { // a time with no unit gets the question's own example instead
            question.choices().forEach(choice -> assertTrue(messages.get(0).text().contains("\n• " + choice.label()),
                    "the re-prompt lists the choices: " + messages.get(0).text()));
        }
    }
}
