package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.conversation.definition.MessageKey;

/**
 * Walkthrough (explore, session 18): words that answer none of the service's own questions asked over the flow ("Hapus
 * semua ...?" after /hapus, the language after /bahasa, "Mau lanjut ... atau mulai dari awal?" after a pause) get one
 * message that says they were not understood, then asks again with the buttons. Before, the bare question came back
 * as if nothing had been read, again and again: a person who typed their story at "delete everything?" saw only the
 * same question. Nothing is erased, switched or restarted by unclear words.
 */
class UnclearAtSystemQuestionTest {

    private static Flow intake;
    private final MutableClock clock = new MutableClock(GoldenRun.START);
    private final FlowEngine engine = TestEngines.on(clock);

    @BeforeAll
    static void load() {
        intake = ShippedFlows.intake();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"/hapus,id", "/hapus,en", "/bahasa,id", "/bahasa,en", "pause,id", "pause,en"})
    void shouldSayItWasNotUnderstoodAndAskAgainWithTheButtons(String how, String language) {
        SessionState state = asked(how, language);
        PendingPrompt prompt = state.pending();
        assertTrue(prompt != PendingPrompt.NONE, "a system question is asked after " + how);
        String notUnderstood = intake.message(MessageKey.REPROMPT).in(language, language);

        for (String typed : List.of("aku tidak tahu harus bagaimana, tolong", "😶", "hmm")) {
            Step step = engine.handle(intake, state, new Input.Text(typed));
            List<Output.Message> messages = step.outputs().stream().filter(Output.Message.class::isInstance)
                    .map(Output.Message.class::cast).toList();
            assertEquals(1, messages.size(), how + ", '" + typed + "': one message, " + messages);
            Output.Message said = messages.get(0);
            assertTrue(said.text().startsWith(notUnderstood), how + ", '" + typed + "': says it was not understood: " + said.text());
            assertEquals(prompt.nodeId(), said.nodeId(), "asks the same question again");
            assertTrue(said.choices().size() >= 2, "with its buttons: " + said.choices());
            assertEquals(prompt, step.state().pending(), "nothing erased, switched or restarted");
            assertEquals(state.status(), step.state().status(), "nothing ended or resumed");
            state = step.state();
        }
    }

    /** A session at "who was it?" in {@code language}, then the system question {@code how} brings up. */
    private SessionState asked(String how, String language) {
        SessionState state = engine.start(intake).state();
        for (String press : List.of("language:" + language, "consent:yes", "in_danger:no", "safe_to_reply:yes")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(press)).state();
        }
        if (how.equals("pause")) {
            for (Duration idle : List.of(Duration.ofMinutes(31), Duration.ofHours(25))) {
                clock.advance(idle);
                state = engine.tick(intake, state).state();
            }
            return engine.handle(intake, state, new Input.Text("maaf baru balas")).state();
        }
        return engine.handle(intake, state, new Input.Text(how)).state();
    }
}
