package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A survivor asked "Di mana kejadiannya?" answers with what happened (found by the tester): the reply got "Maaf, saya
 * belum mengerti", and after the second such line the question was given up on, the story filed beside it as the
 * pelapor's words for the place, and then asked for again at "Ceritakan apa yang terjadi". The story told early now
 * goes to the story ({@code told_early} of the story question): thanks instead of the re-prompt, the question asked
 * again, nothing of it filed beside the place, and the story question opening with it. Also at the other choice
 * questions of the report, with "Kirim sekarang" (the story question passed by), and with danger in it. Replies that
 * are answers in other words or a question back are re-prompted as before. Synthetic words.
 */
class StoryToldEarlyTest {

    private static final String TOLD = "jadi kemarin pas aku pulang kuliah dia narik tanganku ke ruangannya terus nutup pintunya";
    private static final String MORE = "aku berhasil keluar waktu ada orang lewat";

    private final FlowEngine engine = TestEngines.atGoldenStart();
    private final Flow intake = ShippedFlows.intake();

    @Test
    void shouldKeepAStoryToldAtThePlaceQuestionAsTheStorysBeginning() {
        Step told = engine.handle(intake, atPlace("id"), new Input.Text(TOLD));
        String said = texts(told);
        assertEquals("incident_place", told.state().nodeId(), "the place is asked again");
        assertTrue(said.startsWith("Terima kasih sudah bercerita."), said);
        assertTrue(said.contains("Di mana kejadiannya?"), said);
        assertFalse(said.contains("belum mengerti"), "no 'I don't understand' to a story: " + said);
        assertEquals(List.of(TOLD), told.state().answers().get("chronology").parts());
        assertNull(told.state().answers().get("incident_place"));

        Step place = engine.handle(intake, told.state(), Input.ButtonPress.fromCallbackData("incident_place:campus"));
        assertEquals("chronology", place.state().nodeId());
        String opening = texts(place);
        assertTrue(opening.contains("Yang tadi kamu tulis sudah tersimpan di sini."), opening);
        assertTrue(opening.contains("Ceritakan apa yang terjadi"), opening);
        assertNull(place.state().answers().get("incident_place").raw(), "nothing of the story beside the place");

        Step more = engine.handle(intake, place.state(), new Input.Text(MORE));
        Step done = engine.handle(intake, more.state(), Input.ButtonPress.fromCallbackData("chronology:done"));
        assertEquals(List.of(TOLD, MORE), done.state().answers().get("chronology").parts());
        assertEquals("biodata_offer", done.state().nodeId());
    }

    @Test
    void shouldGiveUpOnThePlaceWithoutTheStoryBesideItAfterTheSecondTelling() {
        Step first = engine.handle(intake, atPlace("id"), new Input.Text(TOLD));
        Step second = engine.handle(intake, first.state(), new Input.Text(MORE + " dan aku lari sejauh mungkin malam itu juga"));
        Answer place = second.state().answers().get("incident_place");
        assertTrue(place.skipped());
        assertNull(place.raw(), "the story was filed as the place: " + place);
        assertEquals("chronology", second.state().nodeId());
        String said = texts(second);
        assertTrue(said.contains("kita lewati dulu"), said);
        assertTrue(said.contains("Yang tadi kamu tulis sudah tersimpan di sini."), said);
        assertFalse(said.contains("Terima kasih sudah bercerita."), "said once, by the story question: " + said);
        assertEquals(2, second.state().draft().parts().size(), "the story question opens with both lines");

        Step doneAtOnce = engine.handle(intake, second.state(), Input.ButtonPress.fromCallbackData("chronology:done"));
        assertEquals(2, doneAtOnce.state().answers().get("chronology").parts().size(), "Done at once keeps them");
        Step skipped = engine.handle(intake, second.state(), Input.ButtonPress.fromCallbackData("chronology:skip"));
        assertFalse(skipped.state().answers().get("chronology").skipped(), "Skip does not throw the told story away");
    }

    @Test
    void shouldKeepTheStoryWhenThePersonSendsNowAndTheStoryQuestionIsPassedBy() {
        SessionState state = pressAll(engine.start(intake).state(), "language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes");
        assertEquals("reporter_role", state.nodeId());
        Step told = engine.handle(intake, state, new Input.Text(TOLD));
        assertEquals("reporter_role", told.state().nodeId());
        state = pressAll(told.state(), "reporter_role:victim", "send_now:now", "stats_consent:yes");
        assertEquals("summary", state.nodeId());
        Step summary = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("summary:confirm"));
        Output.IntakeSubmitted submitted = summary.outputs().stream().filter(Output.IntakeSubmitted.class::isInstance)
                .map(Output.IntakeSubmitted.class::cast).findFirst().orElse(null);
        assertNotNull(submitted, texts(summary));
        assertEquals(List.of(TOLD), submitted.answers().get("chronology").parts(), "the story went with the report");
    }

    @Test
    void shouldShowTheStoryToldEarlyInTheSummaryWhenTheStoryQuestionIsPassedBy() {
        SessionState state = pressAll(engine.start(intake).state(), "language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes");
        state = engine.handle(intake, state, new Input.Text(TOLD)).state();
        Step atSummary = engine.handle(intake, pressAll(state, "reporter_role:victim", "send_now:now"),
                Input.ButtonPress.fromCallbackData("stats_consent:yes"));
        assertTrue(texts(atSummary).contains("dia narik tanganku"), texts(atSummary));
    }

    @Test
    void shouldKeepAStoryWithDangerInItAndAnswerWithTheEmergencyNumbers() {
        String danger = "waktu itu dia maksa aku di kosnya, sekarang dia di depan pintu kos aku dan aku takut banget";
        Step told = engine.handle(intake, atPlace("id"), new Input.Text(danger));
        String said = texts(told);
        assertTrue(said.contains("112"), said);
        assertEquals("incident_place", told.state().nodeId());
        assertEquals(List.of(danger), told.state().answers().get("chronology").parts());
    }

    @Test
    void shouldThankInEnglish() {
        Step told = engine.handle(intake, atPlace("en"), new Input.Text("so that night he grabbed my arm and would not let me go until I started crying"));
        String said = texts(told);
        assertTrue(said.startsWith("Thank you for telling us."), said);
        assertTrue(said.contains("Where did it happen?"), said);
        Step place = engine.handle(intake, told.state(), Input.ButtonPress.fromCallbackData("incident_place:other"));
        assertTrue(texts(place).contains("What you wrote earlier is already saved here."), texts(place));
    }

    @Test
    void shouldTakeThePlaceATellingNamesAndKeepTheTellingForTheStory() {
        String told = "kemarin malam di kosnya dia maksa aku masuk kamar terus ngunci pintunya dari dalam";
        Step step = engine.handle(intake, atPlace("id"), new Input.Text(told));
        Answer place = step.state().answers().get("incident_place");
        assertEquals("other", place.value(), "the place the telling names");
        assertNull(place.raw(), "the telling filed beside the place: " + place);
        assertEquals("chronology", step.state().nodeId());
        assertEquals(List.of(told), step.state().draft().parts());
        assertTrue(texts(step).contains("Yang tadi kamu tulis sudah tersimpan di sini."), texts(step));
    }

    @Test
    void shouldThankWithTheNextQuestionWhenATellingAnswersAnEarlierQuestion() {
        String told = "waktu itu aku masih umur 16 tahun dan dia dosen pembimbing yang sering manggil aku sendirian";
        SessionState state = pressAll(engine.start(intake).state(), "language:id", "consent:yes", "in_danger:no",
                "safe_to_reply:yes", "reporter_role:victim", "send_now:details", "violence_type:rape", "violence_type:done",
                "incident_when:longer");
        assertEquals("victim_minor", state.nodeId());
        Step step = engine.handle(intake, state, new Input.Text(told));
        assertEquals("yes", step.state().answers().get("victim_minor").value());
        assertNull(step.state().answers().get("victim_minor").raw());
        assertEquals(List.of(told), step.state().answers().get("chronology").parts());
        List<Output.Message> messages = step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
        Output.Message last = messages.get(messages.size() - 1);
        assertTrue(messages.stream().anyMatch(m -> m.text().startsWith("Terima kasih sudah bercerita.")), texts(step));
        assertFalse(last.choices().isEmpty(), "thanks in one message with the next question's buttons: " + texts(step));
    }

    @Test
    void shouldTickWhatATellingAtWhatHappenedNamesAndKeepTheTellingForTheStory() {
        String told = "waktu bimbingan skripsi aku diraba sama dia di ruangannya terus dia ngunci pintunya";
        SessionState state = pressAll(engine.start(intake).state(), "language:id", "consent:yes", "in_danger:no",
                "safe_to_reply:yes", "reporter_role:victim", "send_now:details");
        Step step = engine.handle(intake, state, new Input.Text(told));
        assertFalse(step.state().draft().selected().isEmpty(), "what the telling names is ticked: " + texts(step));
        assertTrue(step.state().draft().parts().isEmpty(), "not beside the question: " + step.state().draft());
        assertTrue(texts(step).startsWith("Terima kasih sudah bercerita."), texts(step));
        Step done = engine.handle(intake, step.state(), Input.ButtonPress.fromCallbackData("violence_type:done"));
        assertNull(done.state().answers().get("violence_type").raw());
        assertEquals(List.of(told), done.state().answers().get("chronology").parts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"di kos temanku pokoknya", "aku gak tau nama tempatnya",
            "maksudnya gimana ya kak, aku nggak ngerti harus pilih yang mana dari ini?"})
    void shouldRepromptAnAnswerInOtherWordsOrAQuestionBackAsBefore(String reply) {
        Step step = engine.handle(intake, atPlace("id"), new Input.Text(reply));
        String said = texts(step);
        assertFalse(said.contains("Terima kasih sudah bercerita"), said);
        assertNull(step.state().answers().get("chronology"), "not kept as the story: " + reply);
    }

    @Test
    void shouldNotKeepAForwardedMessageAsTheStory() {
        Step step = engine.handle(intake, atPlace("id"), new Input.Text(TOLD).asForwarded());
        assertNull(step.state().answers().get("chronology"));
    }

    private SessionState atPlace(String language) {
        SessionState state = pressAll(engine.start(intake).state(), "language:" + language, "consent:yes", "in_danger:no",
                "safe_to_reply:yes", "reporter_role:victim", "send_now:details", "violence_type:rape", "violence_type:done",
                "incident_when:longer", "victim_minor:no");
        assertEquals("incident_place", state.nodeId());
        return state;
    }

    private SessionState pressAll(SessionState start, String... buttons) {
        SessionState state = start;
        for (String button : buttons) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(button)).state();
        }
        return state;
    }

    private static String texts(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance).map(o -> ((Output.Message) o).text())
                .collect(Collectors.joining("\n"));
    }
}
