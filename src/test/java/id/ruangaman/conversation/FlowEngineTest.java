package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Focused engine behaviour that the golden conversations do not show directly. */
class FlowEngineTest {

    private final MutableClock clock = new MutableClock(GoldenRun.START);
    private final FlowEngine engine = TestEngines.on(clock);

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
        assertEquals(Output.Message.plain("✓ Hijau"), step.outputs().get(1)); // the typed number's option, shown back
        assertEquals(new Output.AnswerRecorded("colour", Answer.choice("single_choice", "green", "3")), step.outputs().get(2));
    }

    @Test
    void shouldKeepASessionOnItsEarlierRevisionWhenTheEngineHasGainedMessagesSince() throws IOException {
        Flow current = ShippedFlows.intake();
        byte[] stored = FlowLoaderTest.intakeBeforeSharedItems();
        Flow earlier = new FlowLoader().loadEarlier("intake.yaml", stored, current);
        SessionState onEarlier = engine.start(earlier).state();
        FlowCatalog catalog = new FlowCatalog();
        catalog.add(earlier);
        catalog.add(current);

        Step step = engine.handle(catalog, onEarlier, new Input.Text("halo"));

        assertEquals(earlier.revision(), step.state().revision(), "still pinned to the revision it started on");
        assertTrue(step.outputs().stream().noneMatch(out -> out.equals(Output.Message.plain("Pertanyaan kami baru saja diperbarui."))),
                step.outputs().toString());
    }

    @Test
    void shouldNeverMentionViolenceInTheQuickExitMessage() throws IOException {
        Flow intake = ShippedFlows.intake();
        Step step = engine.handle(intake, engine.start(intake).state(), new Input.Text("/keluar"));
        String text = ((Output.Message) step.outputs().get(1)).text().toLowerCase(java.util.Locale.ROOT);
        assertEquals(new Output.QuickExit(), step.outputs().get(0));
        for (String word : List.of("kekerasan", "lapor", "satgas", "violence", "report")) {
            assertTrue(!text.contains(word), text);
        }
        assertEquals(SessionStatus.EXITED, step.state().status());
    }

    /**
     * A reply quoting an earlier question asked without buttons (a typed answer that cannot be skipped): its message
     * carries the question's node id, so the host can match the quote, and at a later choice the quote is not taken for
     * that choice; a quote of the question asked now is.
     */
    @Test
    void shouldNotTakeAReplyQuotingAnEarlierQuestionWithoutButtons() throws IOException {
        String yaml = java.nio.file.Files.readString(FlowLoaderTest.TINY_V1);
        String skippable = "    skippable: true\n    text: {id: \"Siapa namamu?\"";
        assertTrue(yaml.contains(skippable));
        Flow flow = new FlowLoader().load("tiny.yaml", yaml.replace(skippable, "    text: {id: \"Siapa namamu?\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Step started = engine.start(flow);
        Output.Message asked = (Output.Message) started.outputs().get(started.outputs().size() - 1);
        assertEquals(List.of(), asked.choices(), "a question without buttons");
        assertEquals("ask_name", asked.nodeId(), "its message still names its question");

        SessionState atColour = engine.handle(flow, started.state(), new Input.Text("Sari")).state();
        assertEquals("ask_colour", atColour.nodeId());
        Step quoted = engine.handle(flow, atColour, new Input.Text("Merah").replyingTo("ask_name"));
        assertEquals("ask_colour", quoted.state().nodeId(), "the question waits");
        assertEquals(1, quoted.outputs().size(), quoted.outputs().toString());
        Output.Message note = (Output.Message) quoted.outputs().get(0);
        assertTrue(note.text().startsWith("Your message replies to an earlier question") || note.text().startsWith("Pesanmu membalas"), note.text());
        assertTrue(note.text().endsWith("Warna favoritmu?"), "the question again: " + note.text());
        assertEquals("ask_colour", note.nodeId());
        assertEquals(2, note.choices().size(), "with its buttons");

        Step taken = engine.handle(flow, quoted.state(), new Input.Text("Merah").replyingTo("ask_colour"));
        assertTrue(taken.outputs().contains(new Output.AnswerRecorded("colour", Answer.choice("single_choice", "red", null))), // the label typed out is only the pick
                taken.outputs().toString());
    }

    private static Flow intakeWith(String from, String to) throws IOException {
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("conversations/intake.yaml"));
        assertTrue(yaml.contains(from), from);
        return new FlowLoader().load("intake.yaml", yaml.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private SessionState play(FlowEngine with, Flow flow, String... buttons) {
        SessionState state = with.start(flow).state();
        for (String button : buttons) {
            state = with.handle(flow, state, Input.ButtonPress.fromCallbackData(button)).state();
        }
        return state;
    }

    @Test
    void shouldPutTheNeutralLineFirstInDiscreetModeWhenAFirstLineNamesTheViolence() throws IOException {
        // The linter refuses such a first line in the flow's own texts; a shared notice it includes is not the flow's.
        Flow flow = ShippedFlows.intake();
        FlowEngine engine = TestEngines.on(clock,
                SharedTexts.of(java.util.Map.of("quiet_mode_on", new id.ruangaman.conversation.definition.LocalizedText(
                        java.util.Map.of("id", "Laporanmu aman di sini. Mode senyap sudah nyala.", "en", "Synthetic.")))));
        SessionState beforeSafety = play(engine, flow, "language:id", "consent:yes", "in_danger:no");

        Step quiet = engine.handle(flow, beforeSafety, Input.ButtonPress.fromCallbackData("safe_to_reply:quiet"));

        List<Output.Message> messages = quiet.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
        assertEquals("Ruang Aman\n\nLaporanmu aman di sini. Mode senyap sudah nyala.", messages.get(0).text());
        assertTrue(messages.get(1).text().startsWith("Langkah 3 dari 9"), "a neutral first line is left as it is");
        assertTrue(messages.stream().allMatch(Output.Message::silent));
        assertTrue(quiet.state().discreet());

        Step safeAgain = engine.handle(flow, engine.handle(flow, quiet.state(), new Input.Text("/mulai")).state(),
                Input.ButtonPress.fromCallbackData("_resume:restart"));
        assertTrue(safeAgain.state().discreet(), "starting over keeps discreet mode");
    }

    @Test
    void shouldRefuseAFlowWhoseOwnTextWouldShowTheSubjectUnderTheNeutralLine() {
        FlowException refused = org.junit.jupiter.api.Assertions.assertThrows(FlowException.class,
                () -> intakeWith("id: \"{notice:quiet_mode_on}\"", "id: \"Laporanmu aman di sini. Mode senyap sudah nyala.\""));
        assertEquals("intake.yaml: node 'quiet_info': 'text' (id) begins a message to a discreet chat and its first line shows 'lapor'",
                refused.getMessage());
    }

    @Test
    void shouldIncludeTheLegalNoticeOnlyWhenThereIsOne() throws IOException {
        Flow intake = ShippedFlows.intake();
        FlowEngine withNotice = TestEngines.on(clock,
                SharedTexts.of(java.util.Map.of("legal_notice", new id.ruangaman.conversation.definition.LocalizedText(
                        java.util.Map.of("id", "Catatan hukum sintetis.", "en", "Synthetic legal note.")))));

        Step with = withNotice.handle(intake, withNotice.start(intake).state(), Input.ButtonPress.fromCallbackData("language:en"));
        Step without = engine.handle(intake, engine.start(intake).state(), Input.ButtonPress.fromCallbackData("language:en"));

        String aboutWith = ((Output.Message) with.outputs().get(1)).text();
        String aboutWithout = ((Output.Message) without.outputs().get(1)).text();
        assertTrue(aboutWith.endsWith("with /exit.\n\nSynthetic legal note."), aboutWith);
        assertTrue(aboutWithout.endsWith("with /exit."), aboutWithout);
        assertTrue(!aboutWithout.contains("{notice"), aboutWithout);
    }
}
