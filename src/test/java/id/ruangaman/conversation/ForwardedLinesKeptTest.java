package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The engine keeps which lines of an answer the person forwarded from another chat ({@link Input#asForwarded()}:
 * WhatsApp {@code context.forwarded}, Telegram {@code forward_origin}), so the inbox can show the terlapor's words passed
 * on as forwarded, never as the survivor's own ({@link Answer#forwarded()}). The marks follow their lines: a long
 * forwarded message kept in parts, a caption, a text answer, a way back from the summary, a line edited before them, and
 * the session's JSON. Synthetic texts.
 */
class ForwardedLinesKeptTest {

    private final FlowEngine engine = TestEngines.atGoldenStart();

    @Test
    void shouldMarkEveryPartOfAForwardedMessageInTheStoryAndNoOtherLine() throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState state = TestEngines.atStory(engine, intake);
        String threat = "Kalau kamu cerita ke siapa pun, aku sebarkan fotomu (sintetis). ";
        String longThreat = threat.repeat(4001 / threat.length() + 1).strip(); // over the question's length: two parts

        state = engine.handle(intake, state, new Input.Text("Dia mengirim ini tengah malam (sintetis).")).state();
        state = engine.handle(intake, state, new Input.Text(longThreat).asForwarded()).state();
        state = engine.handle(intake, state, new Input.Text("Aku takut keluar kos (sintetis).")).state();
        state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("chronology:done")).state();

        Answer story = state.answers().get("chronology");
        assertEquals(4, story.parts().size(), "own line, the forwarded message in two parts, own line: " + story.parts());
        assertEquals(List.of(1, 2), story.forwarded(), "both parts of the forwarded message, nothing else");
        assertFalse(story.forwarded(0) || story.forwarded(3));
    }

    /**
     * Forwarded one-word lines ("Udah.", "Cukup!", "skip", "nanti aja": a chat log passed on line by line) are lines of
     * the story, never Done, Skip or a putting off; the person's own "selesai" still finishes it.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Udah.", "Cukup!", "selesai", "skip", "nanti aja", "rahasia"})
    void shouldKeepAForwardedOneWordLineInTheStory(String line) throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState state = TestEngines.atStory(engine, intake);

        state = engine.handle(intake, state, new Input.Text(line).asForwarded()).state();
        assertEquals("chronology", state.nodeId(), "still at the story");
        state = engine.handle(intake, state, new Input.Text("selesai")).state();

        Answer story = state.answers().get("chronology");
        assertEquals(List.of(line), story.parts(), "kept as the story's line");
        assertEquals(List.of(0), story.forwarded());
        assertFalse(story.skipped());
    }

    /** At the evidence question a forwarded "udah" is a note, and a forwarded threat is kept too, after the numbers. */
    @Test
    void shouldKeepForwardedNotesAndAForwardedThreatBesideTheEvidence() throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState state = TestEngines.atStory(engine, intake).atNode("evidence");

        state = engine.handle(intake, state, new Input.Text("udah").asForwarded()).state();
        Step threat = engine.handle(intake, state, new Input.Text("awas, dia di depan pintu").asForwarded());
        assertTrue(threat.outputs().contains(new Output.DangerReported()), "the emergency numbers");
        List<Output.Message> said = threat.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
        assertEquals(1, said.size(), "one message: " + said);
        assertTrue(said.get(0).text().startsWith("Keselamatan yang paling penting") && !said.get(0).choices().isEmpty(),
                "the numbers, then the acknowledgement with the Done and Skip buttons: " + said.get(0));
        state = engine.handle(intake, threat.state(), Input.ButtonPress.fromCallbackData("evidence:done")).state();

        Answer evidence = state.answers().get("evidence");
        assertEquals(List.of("udah", "awas, dia di depan pintu"), evidence.parts(), "both kept as notes");
        assertEquals(List.of(0, 1), evidence.forwarded());
    }

    /**
     * The summary the person checks before sending reads the story and the evidence notes back to them: a forwarded line
     * is marked there too ("(diteruskan) “…”"), so the terlapor's words are not shown as theirs; their own lines are
     * not. Before, the summary listed every line alike.
     */
    @Test
    void shouldMarkForwardedLinesInTheSummary() throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState state = TestEngines.atStory(engine, intake);
        state = engine.handle(intake, state, new Input.Text("Dia kirim ini (sintetis).")).state();
        state = engine.handle(intake, state, new Input.Text("Jangan bilang siapa-siapa (sintetis)").asForwarded()).state();
        for (String tap : List.of("chronology:done", "biodata_offer:no", "reported_offer:no", "evidence_consent:yes")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(tap)).state();
        }
        assertEquals("evidence", state.nodeId(), "the walk reached the evidence");
        state = engine.handle(intake, state, new Input.Text("catatan sendiri")).state();
        state = engine.handle(intake, state, new Input.Text("pesan yang diteruskan").asForwarded()).state();
        state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("evidence:done")).state().atNode("summary");
        FlowCatalog catalog = new FlowCatalog();
        catalog.add(intake);

        String summary = engine.repeatCurrent(catalog, state).outputs().stream().filter(Output.Message.class::isInstance)
                .map(output -> ((Output.Message) output).text()).filter(text -> text.contains("Dia kirim ini")).findFirst()
                .orElseThrow(() -> new AssertionError("the summary shows the story"));

        assertTrue(summary.contains("Dia kirim ini (sintetis). (diteruskan) \u201cJangan bilang siapa-siapa (sintetis)\u201d"), summary);
        assertTrue(summary.contains("catatan sendiri; (diteruskan) \u201cpesan yang diteruskan\u201d"), summary);
        assertFalse(summary.contains("(diteruskan) \u201cDia kirim ini"), "the person's own line is not marked");
    }

    @Test
    void shouldKeepTheMarksThroughTheSessionsJsonAndReadOlderSessionsWithout() throws IOException {
        Answer story = Answer.texts(List.of("sendiri", "diteruskan"), List.of(1));
        SessionState start = engine.start(ShippedFlows.intake()).state();
        SessionState state = start.withAnswers(java.util.Map.of("chronology", story));

        SessionState read = SessionStateJson.read(SessionStateJson.write(state));

        assertEquals(List.of(1), read.answers().get("chronology").forwarded());
        String plain = SessionStateJson.write(start
                .withAnswers(java.util.Map.of("chronology", Answer.texts(List.of("sendiri")))));
        assertFalse(plain.contains("forwarded"), "an answer with nothing forwarded writes no mark: " + plain);
        assertTrue(SessionStateJson.read(plain).answers().get("chronology").forwarded().isEmpty());
    }

    @Test
    void shouldMarkAForwardedCaptionTakenAsAStoryLine() throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState state = TestEngines.atStory(engine, intake);

        // a forwarded photo at the story: the file is not kept there, its caption is a line of the story, marked
        state = engine.handle(intake, state, new Input.Media("m1", MediaKind.PHOTO, "tangkapan layar sintetis").asForwarded()).state();
        state = engine.handle(intake, state, new Input.Text("itu dari dia (sintetis)")).state();
        state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("chronology:done")).state();

        Answer story = state.answers().get("chronology");
        assertEquals(List.of("tangkapan layar sintetis", "itu dari dia (sintetis)"), story.parts());
        assertEquals(List.of(0), story.forwarded());
    }

    @Test
    void shouldKeepTheMarksWhenTheStoryIsOpenedAgainFromTheSummary() throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState state = TestEngines.atStory(engine, intake);
        state = engine.handle(intake, state, new Input.Text("pesan sintetis yang diteruskan").asForwarded()).state();
        state = engine.handle(intake, state, new Input.Text("kata-kataku sendiri (sintetis)")).state();
        for (String tap : List.of("chronology:done", "biodata_offer:no", "reported_offer:yes", "relation:stranger", "reported_person:skip",
                "evidence_consent:no", "services:psychological", "services:done", "urgent_need:skip", "contact_offer:no",
                "stats_consent:skip", "summary:edit", "summary:chronology")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(tap)).state();
        }
        assertEquals("chronology", state.nodeId());
        assertEquals(List.of(0), state.draft().forwarded(), "the story opened again keeps its mark");

        state = engine.handle(intake, state, new Input.Text("tambahan sintetis")).state();
        state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("chronology:done")).state();

        Answer story = state.answers().get("chronology");
        assertEquals(3, story.parts().size(), story.parts().toString());
        assertEquals(List.of(0), story.forwarded());
    }

    /** A line the person edited takes more or fewer parts: the marks after it move with their lines; its own are gone. */
    @Test
    void shouldMoveTheMarksAfterALineEditedIntoMoreParts() {
        Answer story = Answer.texts(List.of("a", "b", "c", "d"), List.of(0, 2, 3));

        Answer edited = story.replacingParts(1, 1, List.of("b1", "b2", "b3"));

        assertEquals(List.of("a", "b1", "b2", "b3", "c", "d"), edited.parts());
        assertEquals(List.of(0, 4, 5), edited.forwarded(), "the forwarded lines after it moved by two");
        assertEquals(List.of(0, 2), Answer.placesAfterReplacing(List.of(0, 2, 3), 1, 2, 1), "two parts edited into one");
    }

}
