package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Words the person forwarded from another chat ({@link Input#asForwarded()}: the terlapor's message passed on) are not
 * the person's own, so they never answer a question that asks for the person's own answer: a choice, consent, a date, a
 * name, "delete everything?", and they are never a command. One kind line and the same question come back, no attempt
 * is counted and nothing is recorded; danger in them is read as typed danger is. The story and the evidence keep them,
 * marked ({@link ForwardedLinesKeptTest}). Before, a forwarded "iya" answered "Kamu setuju?", "Sabtu kemarin" in a
 * forwarded message became the incident's date, and a forwarded line was kept as the person's name. Synthetic texts.
 */
class ForwardedIsNotAnAnswerTest {

    private static final String NOTE = "Pesan itu diteruskan dari chat lain, jadi tidak kami pakai sebagai jawabanmu. Pesannya "
            + "tetap ada di chat ini. Untuk pertanyaan ini, pilih atau ketik jawabanmu sendiri ya.";

    private final FlowEngine engine = TestEngines.atGoldenStart();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "consent|iya setuju",
            "in_danger|tidak",
            "safe_to_reply|hp aku aman",
            "reporter_role|aku korbannya",
            "incident_when|Sabtu kemarin aku lihat kamu di kantin",
            "name|Budi Sintetis",
            "reported_person|ini aku, jangan macam-macam",
            "victim_minor|tidak"})
    void shouldAskAgainForTheOwnAnswerWhenAForwardedMessageComesAtAQuestion(String question, String words) {
        Flow intake = ShippedFlows.intake();
        SessionState at = at(intake, question);

        Step step = engine.handle(intake, at, new Input.Text(words).asForwarded());

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).text().startsWith(NOTE + "\n\n"), "the kind line first: " + messages.get(0).text());
        assertEquals(question, messages.get(0).nodeId(), "then the same question, with its buttons");
        assertEquals(question, step.state().nodeId());
        assertEquals(at.answers(), step.state().answers(), "nothing recorded");
        assertEquals(0, step.state().retries(), "no attempt counted");
    }

    @Test
    void shouldSayItInEnglishInAnEnglishChat() {
        Flow intake = ShippedFlows.intake();
        SessionState at = at(intake, "reporter_role").withLanguage("en");

        Step step = engine.handle(intake, at, new Input.Text("I am the victim").asForwarded());

        assertTrue(messages(step).get(0).text().startsWith("That message was forwarded from another chat, so we didn't take it as "
                + "your answer. It stays in this chat. For this question, please choose or type your own answer."), messages(step).get(0).text());
    }

    @Test
    void shouldTakeTheSameWordsTypedByThePerson() {
        Flow intake = ShippedFlows.intake();

        Step step = engine.handle(intake, at(intake, "name"), new Input.Text("Budi Sintetis"));

        assertEquals("Budi Sintetis", step.state().answers().get("name").value(), "the person's own words answer");
    }

    /**
     * A forwarded photo's caption is no answer: not the name, and not the phone question's unsure words ("mama") either;
     * the file's note and the question again, nothing recorded, no attempt counted.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {"name|Budi Sintetis", "safe_to_reply|mama"})
    void shouldNotAnswerWithAForwardedPhotosCaption(String question, String caption) {
        Flow intake = ShippedFlows.intake();
        SessionState at = at(intake, question);

        Step step = engine.handle(intake, at, new Input.Media("m-1", MediaKind.PHOTO, caption).asForwarded());

        assertNull(step.state().answers().get(question), "the caption of a forwarded photo is no answer");
        assertEquals(question, step.state().nodeId());
        assertEquals(0, step.state().retries());
    }

    @Test
    void shouldReadDangerInAForwardedMessage() {
        Flow intake = ShippedFlows.intake();

        Step atDanger = engine.handle(intake, at(intake, "in_danger"), new Input.Text("dia di depan pintu").asForwarded());
        assertTrue(atDanger.outputs().contains(new Output.DangerReported()), "the numbers at the danger question");
        assertEquals("in_danger", atDanger.state().nodeId(), "and the danger question again, for the person's own answer");
        assertNull(atDanger.state().answers().get("in_danger"), "nothing recorded for them");

        Step elsewhere = engine.handle(intake, at(intake, "reporter_role"), new Input.Text("dia di depan pintu").asForwarded());
        assertTrue(elsewhere.outputs().contains(new Output.DangerReported()), "the emergency numbers elsewhere");
        assertTrue(messages(elsewhere).get(0).text().contains("112"), messages(elsewhere).get(0).text());
        assertEquals("reporter_role", elsewhere.state().nodeId(), "and the same question");
    }

    /**
     * Danger in forwarded words is read as written: a friend's forwarded warning "dia di depan pintu" brings the numbers.
     * The writer's own "aku … kamu" is not turned around (a first version did: every forwarded "aku otw kampus" and "I'm
     * on my way" then brought the emergency numbers and flagged the case, the tester of session 56 found); a threat in
     * the threatener's own words is in the danger words as such ("Gw bunuh lo", "aku tau kosmu", "I know where you
     * live"). Being somewhere ("Aku di depan rumah kamu") says nothing without its context: the counsellor reads it,
     * marked, in the chat.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "dia lagi di depan pintu kamarku|true",
            "Gw bunuh lo kalau sampai lapor|true",
            "Aku tau kosmu. Tunggu aja|true",
            "I know where you live|true",
            "Aku gak bakal nyakitin kamu, percaya deh|false",
            "aku otw kampus ya|false",
            "Aku nungguin kamu di kantin|false",
            "I'm on my way to campus|false",
            "Aku di depan rumah kamu, ayo berangkat bareng|false"})
    void shouldReadDangerInForwardedWordsAsWritten(String words, boolean danger) {
        Flow intake = ShippedFlows.intake();

        Step step = engine.handle(intake, at(intake, "reporter_role"), new Input.Text(words).asForwarded());

        assertEquals(danger, step.outputs().contains(new Output.DangerReported()), words);
    }

    @Test
    void shouldNeverReadAForwardedMessageAsACommand() {
        Flow intake = ShippedFlows.intake();
        SessionState at = at(intake, "name");

        Step step = engine.handle(intake, at, new Input.Text("/hapus").asForwarded());

        assertEquals(PendingPrompt.NONE, step.state().pending(), "no erasure asked");
        assertTrue(messages(step).get(0).text().startsWith(NOTE), messages(step).get(0).text());
        assertTrue(engine.withoutSession(intake, new Input.Text("/hapus").asForwarded()).isEmpty(), "nor before any conversation");
    }

    @Test
    void shouldNotConfirmAnErasureWithAForwardedYes() {
        Flow intake = ShippedFlows.intake();
        SessionState asked = engine.handle(intake, at(intake, "name"), new Input.Text("/hapus")).state();

        Step step = engine.handle(intake, asked, new Input.Text("ya").asForwarded());

        assertFalse(step.state().status() == SessionStatus.DELETED, "nothing erased");
        assertEquals(PendingPrompt.DELETE_CONFIRM, step.state().pending(), "still asked");
        assertTrue(messages(step).get(0).text().startsWith(NOTE + "\n\n"), messages(step).get(0).text());
        assertEquals(List.of("yes", "no"), messages(step).get(0).choices().stream().map(Choice::id).toList());
    }

    @Test
    void shouldNotChooseTheLanguageWithAForwardedMessage() {
        Flow intake = ShippedFlows.intake();
        SessionState start = engine.start(intake).state();

        Step step = engine.handle(intake, start, new Input.Text("pakai bahasa indonesia aja").asForwarded());

        assertEquals(start.nodeId(), step.state().nodeId(), "still at the language question");
        assertEquals(start.answers(), step.state().answers());
    }

    /**
     * A forwarded threat at "are you in danger now?" brings the numbers and flags the report to come, and keeps none of
     * its words as the person's own (the tester of session 56 saw them printed as "Kata-kata pelapor").
     */
    @Test
    void shouldKeepNoForwardedWordsAsThePersonsOwnAtTheDangerQuestion() {
        Flow intake = ShippedFlows.intake();

        Step step = engine.handle(intake, at(intake, "in_danger"), new Input.Text("kata temanku: dia di depan pintu").asForwarded());

        assertTrue(step.state().dangerSaid(), "the report to come is flagged");
        assertNull(step.state().answers().get("in_danger"), "no answer, and no 'Kata-kata pelapor' of someone else's words");
    }

    private SessionState at(Flow intake, String question) {
        SessionState state = engine.start(intake).state();
        state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("language:id")).state();
        if (!question.equals("consent")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData("consent:yes")).state();
        }
        return state.atNode(question);
    }

    private static List<Output.Message> messages(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
    }
}
