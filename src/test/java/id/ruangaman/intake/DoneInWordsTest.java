package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowEngine;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.Step;

/**
 * "Selesai" said the way people type it in chat: "udah", "itu aja", "that's it". Found trying the dev chat as a
 * survivor: "udah" after the story at "Ceritakan apa yang terjadi ... Ketuk Selesai kalau sudah." was kept as a line of
 * the story ("Tersimpan. Lanjutkan, atau ketuk Selesai kalau sudah.") and the counsellor read "udah" in the chronology.
 */
class DoneInWordsTest {

    private static final String STORY = "Cerita sintetis: dia menyentuh saya di ruang lab.";

    private static Flow intake;
    private static FlowEngine engine;
    private static ShippedIntake shipped;

    @BeforeAll
    static void load() {
        shipped = ShippedIntake.load();
        intake = shipped.flow;
        engine = shipped.engine;
    }

    /** Each failed before: the word was a second part of the story and the question stayed open. */
    @ParameterizedTest(name = "chronology: ''{0}'' finishes the story")
    @ValueSource(strings = {"udah", "Udahh", "udh", "sdh", "udah selesai", "itu aja", "udah itu aja", "segitu aja",
            "that's it", "I'm done"})
    void shouldFinishTheStoryWhenDoneIsTyped(String typed) {
        SessionState told = engine.handle(intake, at("chronology"), new Input.Text(STORY)).state();

        Step step = engine.handle(intake, told, new Input.Text(typed));

        assertEquals("biodata_offer", step.state().nodeId(), typed);
        assertEquals(List.of(STORY), step.state().answers().get("chronology").parts(), "the story alone: " + typed);
    }

    /** A message that only begins with the word is part of the story (passed before too). */
    @ParameterizedTest(name = "chronology: ''{0}'' is told")
    @ValueSource(strings = {"udah dua kali dia begitu", "itu aja belum semuanya"})
    void shouldKeepALongerMessageInTheStory(String typed) {
        SessionState told = engine.handle(intake, at("chronology"), new Input.Text(STORY)).state();

        Step step = engine.handle(intake, told, new Input.Text(typed));

        assertEquals("chronology", step.state().nodeId(), typed);
        assertEquals(List.of(STORY, typed), step.state().draft().parts());
    }

    /** "udah" after ticking at "Apa yang terjadi?" is Selesai (before: asked again). */
    @ParameterizedTest(name = "violence_type: ''{0}'' is Selesai")
    @ValueSource(strings = {"udah", "itu aja", "that's it"})
    void shouldFinishTheKindsWhenDoneIsTyped(String typed) {
        SessionState ticked = engine.handle(intake, at("violence_type"), Input.ButtonPress.fromCallbackData("violence_type:sexual_assault")).state();

        Step step = engine.handle(intake, ticked, new Input.Text(typed));

        assertEquals("incident_when", step.state().nodeId(), typed);
        assertEquals(List.of("sexual_assault"), step.state().answers().get("violence_type").values());
    }

    private static SessionState at(String nodeId) {
        return shipped.at(nodeId, "id");
    }
}
