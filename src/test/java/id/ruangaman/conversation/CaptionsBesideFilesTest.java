package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The words a file came with at the evidence question (its caption: one input with the file) are kept as naming that
 * file ({@link Answer#captions()}), in the order they came, so the inbox can show each caption beside its own file; a
 * note typed on its own names none. Before, the answer held the files and the words as two lists, and which caption
 * went with which file was lost. Synthetic files and words.
 */
class CaptionsBesideFilesTest {

    private final FlowEngine engine = TestEngines.atGoldenStart();

    @Test
    void shouldKeepEachCaptionWithItsOwnFileAndATypedNoteWithNone() throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState state = TestEngines.atStory(engine, intake).atNode("evidence");

        state = engine.handle(intake, state, new Input.Media("101", MediaKind.PHOTO, "  foto memar (sintetis) ")).state();
        state = engine.handle(intake, state, new Input.Text("catatan: kejadian di kos (sintetis)")).state();
        state = engine.handle(intake, state, new Input.Media("102", MediaKind.PHOTO, null)).state();
        state = engine.handle(intake, state, new Input.Media("103", MediaKind.DOCUMENT, "ini chat dia tanggal 3 (sintetis)")).state();
        state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("evidence:done")).state();

        Answer evidence = state.answers().get("evidence");
        assertEquals(List.of("101", "102", "103"), evidence.mediaIds());
        assertEquals(List.of("foto memar (sintetis)", "catatan: kejadian di kos (sintetis)", "ini chat dia tanggal 3 (sintetis)"),
                evidence.parts(), "captions and the note in the order they came");
        assertEquals(List.of(new Caption("101", 0), new Caption("103", 2)), evidence.captions(), "each caption names its own file");
        assertEquals(List.of(0), evidence.captionOf("101"));
        assertEquals(List.of(), evidence.captionOf("102"), "a file sent without words has no caption");
        assertEquals(List.of(2), evidence.captionOf("103"));
        assertFalse(evidence.captioned(1), "the typed note is no file's caption");
    }

    @Test
    void shouldKeepTheCaptionsWhenTheEvidenceIsOpenedAgainFromTheSummary() throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState state = TestEngines.atStory(engine, intake);
        state = engine.handle(intake, state, new Input.Text("Cerita sintetis.")).state();
        for (String tap : List.of("chronology:done", "biodata_offer:no", "reported_offer:no", "evidence_consent:yes")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(tap)).state();
        }
        assertEquals("evidence", state.nodeId(), "the walk reached the evidence");
        state = engine.handle(intake, state, new Input.Media("201", MediaKind.PHOTO, "foto pertama (sintetis)")).state();
        for (String tap : List.of("evidence:done", "witnesses:skip", "services:skip", "urgent_need:skip", "contact_offer:no",
                "stats_consent:skip", "summary:edit", "summary:evidence")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(tap)).state();
        }
        assertEquals("evidence", state.nodeId());
        assertEquals(List.of(new Caption("201", 0)), state.draft().captions(), "the evidence opened again keeps its caption");

        state = engine.handle(intake, state, new Input.Media("202", MediaKind.VOICE, "pesan suara dia (sintetis)")).state();
        state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("evidence:done")).state();

        assertEquals(List.of(new Caption("201", 0), new Caption("202", 1)), state.answers().get("evidence").captions());
    }

    /** An edited caption stays its file's, in as many parts as it now takes; the captions after it move with their lines. */
    @Test
    void shouldKeepAnEditedCaptionBesideItsFile() {
        Answer evidence = Answer.media(List.of("1", "2"), List.of("foto", "catatan", "chat"), List.of(), List.of(new Caption("1", 0),
                new Caption("2", 2)));

        Answer edited = evidence.replacingParts(0, 1, List.of("foto memar", "di lengan"));
        assertEquals(List.of(new Caption("1", 0), new Caption("1", 1), new Caption("2", 3)), edited.captions());

        Answer note = evidence.replacingParts(1, 1, List.of("catatan baru"));
        assertEquals(evidence.captions(), note.captions(), "a typed note edited names no file");
    }

    @Test
    void shouldKeepTheCaptionsThroughTheSessionsJsonAndReadOlderAnswersWithout() throws IOException {
        SessionState start = engine.start(ShippedFlows.intake()).state();
        Answer evidence = Answer.media(List.of("1", "2"), List.of("foto", "catatan"), List.of(), List.of(new Caption("1", 0)));
        SessionState state = start.withAnswers(java.util.Map.of("evidence", evidence))
                .withDraft(Draft.EMPTY.plusCaptionedMedia("3", "draf (sintetis)", false));

        String json = SessionStateJson.write(state);
        SessionState read = SessionStateJson.read(json);

        assertTrue(json.contains("\"captions\":[{\"file\":\"1\",\"part\":0}]"), json);
        assertEquals(List.of(new Caption("1", 0)), read.answers().get("evidence").captions());
        assertEquals(List.of(new Caption("3", 0)), read.draft().captions());
        String older = SessionStateJson.write(start.withAnswers(java.util.Map.of("evidence", Answer.media(List.of("1"), List.of("foto")))));
        assertFalse(older.contains("captions"), "an answer with no caption writes none: " + older);
        assertTrue(SessionStateJson.read(older).answers().get("evidence").captions().isEmpty(), "an older answer reads with none");
    }
}
