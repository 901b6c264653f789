package id.ruangaman.conversation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Draft;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.ShippedFlows;
import id.ruangaman.conversation.definition.NodeDefinition;

/**
 * An edited line of an intake changes the answer part it made, found by its place, not by its words: of two identical
 * lines only the edited one changes, and a line split into several parts is replaced whole. Shipped flow, synthetic words.
 */
class EditedAnswersTest {

    private static final Flow FLOW = ShippedFlows.intake();
    private static final NodeDefinition STORY = FLOW.nodeForKey("chronology").orElseThrow();
    private static final NodeDefinition TERLAPOR = FLOW.nodeForKey("reported_person").orElseThrow();

    private static SessionState at(NodeDefinition node) {
        return SessionState.fresh(FLOW, "id", null, Instant.parse("2026-12-04T10:00:00Z")).atNode(node.id());
    }

    private static SessionState withStory(SessionState state, List<String> parts) {
        return state.withAnswers(Map.of("chronology", Answer.texts(parts)));
    }

    @Test
    void aStoryLineIsPlacedAtThePartsItAdded() {
        SessionState before = at(STORY).withDraft(Draft.EMPTY.plusPart("baris satu"));
        SessionState after = before.withDraft(before.draft().plusPart("potongan a").plusPart("potongan b"));

        assertEquals(new EditedAnswers.Place("chronology", 1, 2), EditedAnswers.placeOf(before, after, STORY).orElseThrow());
    }

    @Test
    void aTextAnswerIsPlacedAtItsKey() {
        SessionState before = at(TERLAPOR);
        SessionState after = before.withAnswer("reported_person", Answer.text("Pria sintetis berkacamata"));

        assertEquals(new EditedAnswers.Place("reported_person", null, 1), EditedAnswers.placeOf(before, after, TERLAPOR).orElseThrow());
        assertTrue(EditedAnswers.placeOf(before, before, TERLAPOR).isEmpty(), "a line that set nothing has no place");
    }

    /**
     * A telling at "Di mana kejadiannya?" goes to the story ({@link StoryToldEarly}): its place is the story's part, so an
     * edit of it reaches the story, and the story question's draft seeded from it when asked.
     */
    @Test
    void aStoryToldEarlyIsPlacedAtThePartItAddedToTheStory() {
        NodeDefinition place = FLOW.nodeForKey("incident_place").orElseThrow();
        SessionState before = withStory(at(place), List.of("baris sintetis pertama"));
        SessionState after = before.withAnswer("chronology", Answer.texts(List.of("baris sintetis pertama", "cerita sintetis kedua")));

        EditedAnswers.Place placed = EditedAnswers.placeOf(before, after, place).orElseThrow();
        assertEquals(new EditedAnswers.Place("chronology", 1, 1), placed);
        SessionState atStory = after.atNode(STORY.id()).withDraft(Draft.collecting(after.answers().get("chronology")));
        EditedAnswers.Corrected corrected = EditedAnswers.correct(atStory, placed, STORY, "cerita sintetis kedua",
                "cerita sintetis kedua, diperbaiki").orElseThrow();
        assertEquals(List.of("baris sintetis pertama", "cerita sintetis kedua, diperbaiki"), corrected.state().answers().get("chronology").parts());
        assertEquals(corrected.state().answers().get("chronology").parts(), corrected.state().draft().parts(), "the draft too");
    }

    @Test
    void ofTwoIdenticalLinesOnlyTheEditedOneChanges() {
        SessionState state = withStory(at(FLOW.nodeForKey("relation").orElseThrow()), List.of("iya", "lalu dia pergi", "iya"));

        EditedAnswers.Corrected corrected = EditedAnswers.correct(state, new EditedAnswers.Place("chronology", 2, 1), STORY,
                "iya", "tidak, aku menolak").orElseThrow();

        assertEquals(List.of("iya", "lalu dia pergi", "tidak, aku menolak"), corrected.state().answers().get("chronology").parts());
    }

    @Test
    void aLineSplitIntoPartsIsReplacedWhole() {
        String longLine = ("kalimat sintetis yang panjang sekali ").repeat(120).strip(); // over 4,000 characters
        List<String> pieces = MultiTextHandler.parts(STORY, new Reply.Typed(longLine));
        assertTrue(pieces.size() > 1, "the line was split: " + pieces.size());
        SessionState state = at(STORY).withDraft(new Draft(List.of(), concat(List.of("awal"), pieces, List.of("akhir")), List.of(), false));

        EditedAnswers.Corrected corrected = EditedAnswers.correct(state, new EditedAnswers.Place("chronology", 1, pieces.size()), STORY,
                longLine, "versi pendek").orElseThrow();

        assertEquals(List.of("awal", "versi pendek", "akhir"), corrected.state().draft().parts());
        assertEquals(new EditedAnswers.Place("chronology", 1, 1), corrected.place(), "the line is one part now");
    }

    @Test
    void aPlaceThatNoLongerHoldsTheWordsIsLeftAlone() {
        SessionState state = withStory(at(STORY), List.of("cerita yang diulang dari ringkasan"));

        assertTrue(EditedAnswers.correct(state, new EditedAnswers.Place("chronology", 0, 1), STORY, "cerita lama", "cerita baru").isEmpty());
    }

    @Test
    void aTextAnswerTakesTheNewWordsOnlyWhereTheyWere() {
        SessionState state = at(STORY).withAnswer("reported_person", Answer.text("Pria tinggi"));

        assertEquals("Pria pendek", EditedAnswers.correct(state, new EditedAnswers.Place("reported_person", null, 1), TERLAPOR,
                "Pria tinggi", "Pria pendek").orElseThrow().state().answers().get("reported_person").value());
        assertTrue(EditedAnswers.correct(state, new EditedAnswers.Place("reported_person", null, 1), TERLAPOR,
                "Wanita", "Pria pendek").isEmpty());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
