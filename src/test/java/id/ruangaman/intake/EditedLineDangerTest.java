package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.FlowCatalog;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.Step;

/**
 * How the engine reads a line the person changed ({@code FlowEngine#readEdited}), with the shipped intake flow: danger said
 * by the change and not before gets the emergency numbers and the danger events; a change of a line that said danger
 * already, and a calm change, get nothing; the conversation never moves.
 */
class EditedLineDangerTest {

    private static final String EMERGENCY = "Keselamatan yang paling penting.";
    private static ShippedIntake shipped;
    private static FlowCatalog catalog;

    @BeforeAll
    static void load() {
        shipped = ShippedIntake.load();
        catalog = new FlowCatalog();
        catalog.add(shipped.flow);
    }

    @Test
    void aChangeIntoDangerGetsTheNumbersAndTheEvents() {
        SessionState at = shipped.at("chronology", "id");

        Step step = shipped.engine.readEdited(catalog, at, "aku baik", new Input.Text("dia di depan pintu, aku takut"));

        List<Output.Message> said = said(step);
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).text().startsWith(EMERGENCY), said.get(0).text());
        assertTrue(step.outputs().contains(new Output.DangerReported()));
        assertTrue(step.state().dangerSaid());
        assertEquals("chronology", step.state().nodeId());
        assertEquals(at.draft(), step.state().draft(), "nothing of the story changes");
    }

    @Test
    void aChangeOfALineThatSaidDangerAlreadySendsNothing() {
        Step step = shipped.engine.readEdited(catalog, shipped.at("chronology", "id"), "dia di depan pintu",
                new Input.Text("dia di depan pintu kos, aku takut"));

        assertEquals(List.of(), step.outputs());
    }

    @Test
    void aCalmChangeSendsNothing() {
        Step step = shipped.engine.readEdited(catalog, shipped.at("chronology", "id"), "aku baik", new Input.Text("aku baik-baik saja"));

        assertEquals(List.of(), step.outputs());
        assertFalse(step.state().dangerSaid());
    }

    @Test
    void aChangeIntoDangerOfALineNotKnownIsStillRead() {
        Step step = shipped.engine.readEdited(catalog, shipped.at("witnesses", "id"), null, new Input.Text("he's outside"));

        assertTrue(step.outputs().contains(new Output.DangerReported()));
    }

    private static List<Output.Message> said(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
    }
}
