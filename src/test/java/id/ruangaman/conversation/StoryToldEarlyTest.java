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
 * goes to the story ({@code told_early} of the story question): thanks and the question again, a short line for each
 * further line there, never a failed attempt (so no question given up on), and the story question opening with it.
 * Also at "Kirim sekarang", where the story question is then passed by. A long reply that answers, a question about the
 * question, a worry, an answer in other words, a line at a safety question, after the story or while changing an answer
 * from the summary is read as before. Synthetic words.
 */
class StoryToldEarlyTest {

    private static final String TOLD = "jadi kemarin pas aku pulang kuliah dia narik tanganku ke ruangannya terus nutup pintunya";
    private static final String MORE = "aku berhasil keluar waktu ada orang lewat";
    private static final String AGAIN = "terus dia ngunci pintu dan aku gak bisa ngapa-ngapain, aku cuma bisa nangis";

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
    void shouldAnswerFurtherLinesOfTheStoryShortlyAndNeverGiveUpOnTheQuestion() {
        Step first = engine.handle(intake, atPlace("id"), new Input.Text(TOLD));
        Step second = engine.handle(intake, first.state(), new Input.Text(AGAIN));
        Step third = engine.handle(intake, second.state(), new Input.Text(AGAIN + " sampai pagi"));
        for (Step step : List.of(second, third)) {
            assertEquals("incident_place", step.state().nodeId(), "never given up on: " + texts(step));
            Output.Message message = (Output.Message) step.outputs().stream().filter(Output.Message.class::isInstance).findFirst().orElseThrow();
            assertEquals("Tersimpan di ceritamu. Kalau sudah, jawab pertanyaan di atas ya.", message.text(), "short, not the whole question");
            assertTrue(message.routine(), "a burst of lines gets one");
            assertFalse(message.choices().isEmpty(), "the question's buttons stay under it");
        }
        assertEquals(3, third.state().answers().get("chronology").parts().size());
        assertNull(third.state().answers().get("incident_place"));

        Step shortLine = engine.handle(intake, third.state(), new Input.Text("aku takut hamil kak"));
        assertEquals(4, shortLine.state().answers().get("chronology").parts().size(), "a short line goes on the telling: " + texts(shortLine));
        Step unclear = engine.handle(intake, shortLine.state(), new Input.Text("zzz"));
        assertEquals("incident_place", unclear.state().nodeId(), "a telling is no failed attempt: " + texts(unclear));
        assertTrue(texts(unclear).contains("belum mengerti"), texts(unclear));
    }

    /**
     * A long reply that answers the question is read as its answer, as before (found by the reviewer): an age at "under
     * 18?", a skip or a wait at the place.
     */
    @Test
    void shouldReadALongReplyThatAnswersAsTheAnswer() {
        SessionState atMinor = pressAll(engine.start(intake).state(), "language:id", "consent:yes", "in_danger:no",
                "safe_to_reply:yes", "reporter_role:victim", "send_now:details", "violence_type:rape", "violence_type:done",
                "incident_when:longer");
        assertEquals("victim_minor", atMinor.nodeId());
        Step minor = engine.handle(intake, atMinor, new Input.Text("iya kak aku masih 16 tahun waktu itu dan dia dosen pembimbingku sendiri"));
        assertEquals("yes", minor.state().answers().get("victim_minor").value());
        assertNull(minor.state().answers().get("chronology"), "an answer, not the story");

        for (String off : List.of("lewati aja ya kak aku belum siap cerita soal tempatnya karena masih trauma banget",
                "aku nggak tau kak soalnya aku udah nggak ingat apa apa lagi tentang tempatnya")) {
            Step first = engine.handle(intake, atPlace("id"), new Input.Text(off));
            assertNull(first.state().answers().get("chronology"), "no telling: " + off);
            Step second = engine.handle(intake, first.state(), new Input.Text(off));
            assertTrue(second.state().answers().get("incident_place").skipped(), "the skip after the re-prompt, as before: " + texts(second));
        }
    }

    /**
     * At a safety question an unclear reply is read for safety, and the safe side is taken after the one re-prompt, a
     * story or not (found by the reviewer: kept as a story, it was never taken, and a person in danger got no numbers).
     */
    @Test
    void shouldReadAStoryAtTheDangerQuestionForSafetyAsBefore() {
        SessionState state = pressAll(engine.start(intake).state(), "language:id", "consent:yes");
        assertEquals("in_danger", state.nodeId());
        Step first = engine.handle(intake, state, new Input.Text(TOLD));
        assertFalse(texts(first).contains("Terima kasih sudah bercerita"), texts(first));
        Step second = engine.handle(intake, first.state(), new Input.Text(AGAIN));
        assertEquals("yes", second.state().answers().get("in_danger").value(), "the safe side: " + texts(second));
        assertTrue(texts(second).contains("112"), texts(second));
        assertNull(second.state().answers().get("chronology"));
    }

    @Test
    void shouldKeepATellingAtSendNowAndTheStoryWithTheReportWhenThePersonSendsNow() {
        SessionState state = pressAll(engine.start(intake).state(), "language:id", "consent:yes", "in_danger:no",
                "safe_to_reply:yes", "reporter_role:victim");
        assertEquals("send_now", state.nodeId());
        Step told = engine.handle(intake, state, new Input.Text(AGAIN));
        assertEquals("send_now", told.state().nodeId());
        assertTrue(texts(told).startsWith("Terima kasih sudah bercerita."), texts(told));
        state = pressAll(told.state(), "send_now:now");
        assertEquals("stats_consent", state.nodeId());
        Step atSummary = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("stats_consent:yes"));
        assertTrue(texts(atSummary).contains("aku cuma bisa nangis"), "the summary shows the story: " + texts(atSummary));
        Step sent = engine.handle(intake, atSummary.state(), Input.ButtonPress.fromCallbackData("summary:confirm"));
        Output.IntakeSubmitted submitted = sent.outputs().stream().filter(Output.IntakeSubmitted.class::isInstance)
                .map(Output.IntakeSubmitted.class::cast).findFirst().orElse(null);
        assertNotNull(submitted, texts(sent));
        assertEquals(List.of(AGAIN), submitted.answers().get("chronology").parts(), "the story went with the report");
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

    @ParameterizedTest
    @ValueSource(strings = {"di kos temanku pokoknya", "di kos temanku dekat kampus waktu malam hari",
            "maksudnya gimana ya kak, aku nggak ngerti harus pilih yang mana dari ini?",
            "aku bingung maksudnya apa, kenapa harus ditanya soal ini segala padahal aku udah cerita",
            "kak ini wajib dijawab ya soalnya aku takut ketahuan orang tuaku 🙏 aku masih tinggal sama mereka",
            "sorry I am confused about which of these fits what happened to me that night at all"})
    void shouldReadAnAnswerInOtherWordsAQuestionBackOrAWorryAsBefore(String reply) {
        Step step = engine.handle(intake, atPlace(reply.startsWith("sorry") ? "en" : "id"), new Input.Text(reply));
        String said = texts(step);
        assertFalse(said.contains("Terima kasih sudah bercerita") || said.contains("Thank you for telling"), said);
        assertNull(step.state().answers().get("chronology"), "not kept as the story: " + reply);
    }

    @Test
    void shouldNotKeepAForwardedMessageAsTheStory() {
        Step step = engine.handle(intake, atPlace("id"), new Input.Text(TOLD).asForwarded());
        assertNull(step.state().answers().get("chronology"));
    }

    @Test
    void shouldNotTakeLinesAtQuestionsAfterTheStoryOrBeforeTheConsent() {
        SessionState atConsent = pressAll(engine.start(intake).state(), "language:id");
        assertEquals("consent", atConsent.nodeId());
        assertNull(engine.handle(intake, atConsent, new Input.Text(TOLD)).state().answers().get("chronology"),
                "nothing is kept before the consent");

        SessionState afterStory = pressAll(atPlace("id"), "incident_place:campus");
        afterStory = engine.handle(intake, afterStory, new Input.Text(MORE)).state();
        afterStory = pressAll(afterStory, "chronology:done");
        assertEquals("biodata_offer", afterStory.nodeId());
        Step step = engine.handle(intake, afterStory, new Input.Text("aku cuma pengen dia gak ngajar di kelasku lagi dan minta maaf ke aku"));
        assertEquals(List.of(MORE), step.state().answers().get("chronology").parts(), "a line after the story is not added to it");
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
