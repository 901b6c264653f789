package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.ruangaman.conversation.FlowCatalog;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.MediaKind;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.Step;

/**
 * Which of the engine's messages is the routine acknowledgement ({@link Output.Message#routine}) a host may leave out
 * while more lines of the same person wait: only the plain "Tersimpan" after a story line or a note beside the evidence.
 * A line that says danger (the numbers come with the acknowledgement), a line that ends the story, and a file's count
 * are never routine, so a burst never swallows them. With the shipped intake flow.
 */
class RoutineAcknowledgementTest {

    private static ShippedIntake shipped;
    private static FlowCatalog catalog;

    @BeforeAll
    static void load() {
        shipped = ShippedIntake.load();
        catalog = new FlowCatalog();
        catalog.add(shipped.flow);
    }

    @Test
    void aStoryLineGetsTheRoutineAcknowledgement() {
        Step step = shipped.engine.handle(shipped.flow, shipped.at("chronology", "id"), new Input.Text("Kejadiannya sore, di lab."));

        List<Output.Message> said = said(step);
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).text().startsWith("Tersimpan."), said.get(0).text());
        assertTrue(said.get(0).routine(), "the plain acknowledgement is routine");
    }

    @Test
    void aStoryLineThatSaysDangerIsNotRoutine() {
        Step step = shipped.engine.handle(shipped.flow, shipped.at("chronology", "id"),
                new Input.Text("dia bilang nanti malam dia datang lagi ke kos"));

        List<Output.Message> said = said(step);
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).text().startsWith("Keselamatan yang paling penting."), said.get(0).text());
        assertFalse(said.get(0).routine(), "the emergency numbers are never left out");
        assertTrue(step.outputs().contains(new Output.DangerReported()));
    }

    @Test
    void theLineThatEndsTheStoryIsNotRoutine() {
        var inStory = shipped.engine.handle(shipped.flow, shipped.at("chronology", "id"), new Input.Text("Kejadiannya sore.")).state();

        Step done = shipped.engine.handle(shipped.flow, inStory, new Input.Text("udah"));

        assertFalse(said(done).isEmpty());
        assertTrue(said(done).stream().noneMatch(Output.Message::routine), "the next question is never left out: " + said(done));
    }

    @Test
    void aNoteBesideTheEvidenceIsRoutineAndAFileIsNot() {
        Step note = shipped.engine.handle(shipped.flow, shipped.at("evidence", "id"), new Input.Text("itu tangkapan layar chatnya"));
        Step file = shipped.engine.handle(shipped.flow, shipped.at("evidence", "id"), new Input.Media("41", MediaKind.PHOTO, null));

        assertTrue(said(note).size() == 1 && said(note).get(0).routine(), said(note).toString());
        assertTrue(said(file).stream().noneMatch(Output.Message::routine), said(file).toString());
    }

    @Test
    void onlyAStoryOrTheEvidenceCollectsLines() {
        assertTrue(shipped.engine.collectsLines(catalog, shipped.at("chronology", "id")));
        assertTrue(shipped.engine.collectsLines(catalog, shipped.at("evidence", "id")));
        assertFalse(shipped.engine.collectsLines(catalog, shipped.at("consent", "id")));
        assertFalse(shipped.engine.collectsLines(catalog, shipped.at("witnesses", "id")));
    }

    @Test
    void theMarkIsNotPartOfTheMessageAsStored() throws Exception {
        Output.Message routine = Output.Message.routine("Tersimpan.", "chronology", List.of());
        ObjectMapper json = new ObjectMapper();

        String written = json.writeValueAsString(routine);

        assertFalse(written.contains("routine"), written);
        assertEquals("Tersimpan.", json.readValue(written, Output.Message.class).text());
        assertTrue(routine.silenced().routine() && routine.withText("x").routine(), "kept through discreet mode's changes");
    }

    private static List<Output.Message> said(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
    }
}
