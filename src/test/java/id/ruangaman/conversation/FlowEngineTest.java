package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Focused engine behaviour that the golden conversations do not show directly. */
class FlowEngineTest {

    private final MutableClock clock = new MutableClock(GoldenRun.START);
    private final FlowEngine engine = new FlowEngine(EngineSettings.defaults(), clock, new FixedReferenceCodes("RA-7K2QX"),
            code -> Optional.empty());

    @Test
    void shouldLeaveAFreshSessionAloneOnTick() throws IOException {
        Flow flow = FlowLoaderTest.load(FlowLoaderTest.TINY_V1);
        SessionState state = engine.start(flow).state();
        clock.advance(Duration.ofMinutes(5));
        assertEquals(new Step(state, List.of()), engine.tick(flow, state));
    }

    @Test
    void shouldMoveToTheCurrentRevisionWhenThePinnedOneIsGone() throws IOException {
        Flow v1 = FlowLoaderTest.load(FlowLoaderTest.TINY_V1);
        Flow v2 = FlowLoaderTest.load(FlowLoaderTest.TINY_V2);
        SessionState onV1 = engine.handle(v1, engine.start(v1).state(), new Input.Text("Sari")).state();
        FlowCatalog onlyV2 = new FlowCatalog();
        onlyV2.add(v2);

        Step step = engine.handle(onlyV2, onV1, new Input.Text("3"));

        assertEquals(v2.revision(), step.state().revision());
        assertEquals(Output.Message.plain("Pertanyaan kami baru saja diperbarui."), step.outputs().get(0));
        assertEquals(new Output.AnswerRecorded("colour", Answer.choice("single_choice", "green", "3")), step.outputs().get(1));
    }

    @Test
    void shouldNeverMentionViolenceInTheQuickExitMessage() throws IOException {
        Flow intake = new FlowLoader().load("intake.yaml", java.nio.file.Files.readAllBytes(java.nio.file.Path.of("conversations/intake.yaml")));
        Step step = engine.handle(intake, engine.start(intake).state(), new Input.Text("/keluar"));
        String text = ((Output.Message) step.outputs().get(1)).text().toLowerCase(java.util.Locale.ROOT);
        assertEquals(new Output.QuickExit(), step.outputs().get(0));
        for (String word : List.of("kekerasan", "lapor", "satgas", "violence", "report")) {
            assertTrue(!text.contains(word), text);
        }
        assertEquals(SessionStatus.EXITED, step.state().status());
    }
}
