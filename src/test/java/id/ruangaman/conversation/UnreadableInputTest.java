package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the service cannot read at all ({@link Input.Unsupported}: a poll, a dice, a story, a WhatsApp view-once item or
 * a type newer than the API) is answered with one kind note that says so and what works (text, a photo, a voice note,
 * a document), in the session's language. During the intake the note comes with the current question again, in one
 * message with its buttons, as for a photo where no file is asked (at a question that takes files, the note alone with
 * the buttons); the question stays as it was (no attempt counted, never skipped); after the report it replaces "your message reached the
 * task force", which would claim something arrived that nobody can read.
 */
class UnreadableInputTest {

    static final String NOTE_ID = "Maaf, jenis pesan itu tidak bisa saya baca di sini. Kirim tulisan, foto, pesan suara, atau dokumen saja ya.";
    static final String NOTE_EN = "Sorry, I can't read that kind of message here. Please send text, a photo, a voice note or a document instead.";

    private final MutableClock clock = new MutableClock(GoldenRun.START);
    private final FlowEngine engine = TestEngines.on(clock);

    static Stream<Arguments> everyQuestion() {
        List<Arguments> cases = new ArrayList<>();
        for (String question : List.of("in_danger", "safe_to_reply", "violence_type", "incident_when", "chronology", "name",
                "evidence", "evidence_links", "witnesses", "summary")) {
            for (String kind : List.of("poll", "view_once", "other_message")) {
                cases.add(Arguments.of(question + " <- " + kind, question, kind));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyQuestion")
    void shouldSayWhatCanBeReadAndKeepTheQuestionWithItsButtons(String label, String question, String kind) throws IOException {
        Flow intake = intake();
        SessionState before = at(intake, question, "id");
        FlowCatalog catalog = new FlowCatalog();
        catalog.add(intake);
        List<String> buttons = buttonsOf(engine.repeatCurrent(catalog, before));

        Step step = engine.handle(intake, before, new Input.Unsupported(kind));

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), label + ": one message: " + texts(messages));
        List<Output.Message> asked = messages(engine.repeatCurrent(catalog, before));
        // the note, then the question again (as for a photo where no file is asked); where files are asked, the note alone
        String expected = question.equals("evidence") ? NOTE_ID : NOTE_ID + "\n\n" + asked.get(asked.size() - 1).text();
        assertEquals(expected, messages.get(0).text(), label);
        assertEquals(buttons, messages.get(0).choices().stream().map(Choice::id).toList(), label + ": the question's buttons");
        assertEquals(question, step.state().nodeId(), label + ": the question stays");
        assertEquals(before.retries(), step.state().retries(), label + ": not a failed attempt");
        assertEquals(before.answers(), step.state().answers(), label + ": nothing answered or skipped");
    }

    @Test
    void shouldSayItInEnglishInAnEnglishSession() throws IOException {
        Flow intake = intake();
        Step step = engine.handle(intake, at(intake, "safe_to_reply", "en"), new Input.Unsupported("dice"));

        List<String> texts = texts(messages(step));
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.get(0).startsWith(NOTE_EN + "\n\n") && texts.get(0).contains("Is it safe to chat on this phone?"), texts.get(0));
    }

    @Test
    void shouldSayItAtAConfirmationWithTheConfirmationsButtons() throws IOException {
        Flow intake = intake();
        SessionState asked = engine.handle(intake, at(intake, "name", "id"), new Input.Text("/hapus")).state();

        Step step = engine.handle(intake, asked, new Input.Unsupported("poll"));

        assertEquals(List.of(NOTE_ID), texts(messages(step)));
        assertEquals(List.of("yes", "no"), messages(step).get(0).choices().stream().map(Choice::id).toList());
        assertEquals(PendingPrompt.DELETE_CONFIRM, step.state().pending(), "still asking");
    }

    @Test
    void shouldNotAcknowledgeAnUnreadableMessageInACasesThread() throws IOException {
        Flow intake = intake();
        SessionState thread = at(intake, "summary", "id").withStatus(SessionStatus.COMPLETED).withReferenceCode("RA-7K2QX")
                .withThread(new CaseThread(null, true, false));

        Step unreadable = engine.handle(intake, thread, new Input.Unsupported("story"));

        assertEquals(List.of(NOTE_ID), texts(messages(unreadable)), "the note, not 'your message reached the task force'");
        assertNull(unreadable.state().thread().acknowledgedAt(), "the acknowledgement is kept for a readable message");
        Step text = engine.handle(intake, unreadable.state(), new Input.Text("ini pesanku"));
        assertEquals(1, messages(text).size());
        assertTrue(messages(text).get(0).text().startsWith("Terima kasih, pesanmu sudah sampai."), "the next readable message is acknowledged: " + texts(messages(text)));
    }

    /** A session at {@code question} in {@code language}, with consent given. */
    private SessionState at(Flow intake, String question, String language) {
        SessionState state = engine.start(intake).state();
        for (String button : List.of("language:" + language, "consent:yes")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(button)).state();
        }
        return state.atNode(question);
    }

    private static List<String> buttonsOf(Step asked) {
        List<Output.Message> messages = messages(asked);
        return messages.isEmpty() ? List.of() : messages.get(messages.size() - 1).choices().stream().map(Choice::id).toList();
    }

    private static List<Output.Message> messages(Step step) {
        return step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
    }

    private static List<String> texts(List<Output.Message> messages) {
        return messages.stream().map(Output.Message::text).toList();
    }

    private static Flow intake() {
        return ShippedFlows.intake();
    }
}
