package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * What a person sends that is not typed text or a tap, at every kind of question (walkthrough 9, finding 3): at the
 * evidence question a sticker, a location and a contact card each got "Maaf, di sini saya hanya bisa membaca tulisan
 * dan tombol" plus the whole question again, two messages that contradict the question just asked. Now:
 * <ul>
 * <li>a location or a contact card (a witness's number) is kept where the question asks for one ({@code shared:}): as
 * a note beside the evidence files, as the answer to "witnesses?", a place as a part of the story; anywhere else it
 * gets one kind line and the question ({@link SharedItemsAtEveryQuestionTest});</li>
 * <li>anything a question cannot use gets ONE message: where no file is asked, the short note and then the question
 * again with its buttons (the note alone left the person under a line that asks nothing); at the evidence question the
 * short line alone, saying what can be sent, never "only text and buttons".</li>
 * </ul>
 */
class NonTextInputsTest {

    private static final String ONLY_TEXT = "hanya bisa membaca tulisan";
    private static final String STALE_BUTTON = "Tombol itu sudah tidak dipakai. Ini pertanyaan yang sekarang:";
    private static final Input LOCATION = new Input.Location(-6.2, 106.8, "Synthetic place", null);
    private static final Input CONTACT = new Input.SharedContact("Synthetic Person", List.of("+62 000"));

    private final FlowEngine engine = TestEngines.atGoldenStart();

    static Stream<Arguments> everyKindAtEveryQuestion() {
        List<Arguments> cases = new ArrayList<>();
        List<String> questions = List.of("in_danger", "safe_to_reply", "violence_type", "incident_when", "chronology", "name",
                "evidence", "evidence_links", "witnesses", "summary");
        List<Input> inputs = List.of(LOCATION, CONTACT, new Input.Sticker(), new Input.Unsupported("poll"),
                new Input.Media("m-1", MediaKind.PHOTO, null), new Input.Media("m-2", MediaKind.VOICE, null),
                new Input.Media("m-3", MediaKind.DOCUMENT, null), new Input.Media("m-4", MediaKind.VIDEO, null));
        for (String question : questions) {
            for (Input input : inputs) {
                cases.add(Arguments.of(question + " <- " + TranscriptKind.of(input), question, input));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindAtEveryQuestion")
    void shouldAnswerEveryNonTextInputWithOneMessageThatDoesNotContradictTheQuestion(String label, String question, Input input)
            throws IOException {
        Flow intake = intake();
        Step step = engine.handle(intake, at(intake, question), input);

        List<Output.Message> messages = messages(step);
        boolean answered = !question.equals(step.state().nodeId());
        if (!answered) {
            assertEquals(1, messages.size(), label + ": one message, not the question again: " + texts(messages));
        }
        boolean sharedCard = input instanceof Input.Location || input instanceof Input.SharedContact;
        boolean takes = input instanceof Input.Location ? List.of("chronology", "evidence", "witnesses").contains(question)
                : List.of("evidence", "witnesses").contains(question);
        boolean freeText = sharedCard && takes;
        if (!answered && !question.equals("evidence") && !freeText) {
            // Where no file is asked, the note is followed by the question itself: the person knows what to answer.
            String asked = engine.repeatCurrent(catalog(intake), at(intake, question)).outputs().stream()
                    .filter(Output.Message.class::isInstance).map(Output.Message.class::cast).reduce((a, b) -> b).orElseThrow().text();
            assertTrue(messages.get(0).text().endsWith("\n\n" + asked), label + ": the question again after the note: " + texts(messages));
            assertFalse(messages.get(0).text().startsWith(asked), label + ": the note first: " + texts(messages));
        }
        if (question.equals("evidence")) {
            assertTrue(texts(messages).stream().noneMatch(text -> text.contains(ONLY_TEXT)), label + ": " + texts(messages));
        }
        if (freeText) {
            assertTrue(texts(messages).stream().noneMatch(text -> text.contains(ONLY_TEXT) || text.startsWith("Maaf")),
                    label + ": a location or contact card is kept where the question asks for one: " + texts(messages));
        } else if (sharedCard) {
            assertTrue(texts(messages).get(0).contains("tidak disimpan") && !texts(messages).get(0).contains(ONLY_TEXT),
                    label + ": not kept, said kindly: " + texts(messages));
        }
    }

    @Test
    void shouldKeepALocationAndAContactCardAsNotesOfTheEvidence() throws IOException {
        Flow intake = intake();
        SessionState state = at(intake, "evidence");
        state = engine.handle(intake, state, new Input.Media("file-1", MediaKind.PHOTO, null)).state();
        Step location = engine.handle(intake, state, new Input.Location(-6.2, 106.8, "Synthetic place", "Jl. Contoh 1"));
        Step contact = engine.handle(intake, location.state(), CONTACT);

        // Walkthrough 10, F10: "Diterima (0 file)" after a location read as if nothing had arrived; a note is "Tersimpan".
        assertEquals(List.of("Tersimpan. Lanjutkan, atau ketuk Selesai kalau sudah."), texts(messages(location)));
        assertEquals(List.of("Tersimpan. Lanjutkan, atau ketuk Selesai kalau sudah."), texts(messages(contact)));
        assertEquals(List.of("📍 -6.20000, 106.80000 · Synthetic place · Jl. Contoh 1", "👤 Synthetic Person · +62 000"),
                contact.state().draft().parts());

        Step done = engine.handle(intake, contact.state(), Input.ButtonPress.fromCallbackData("evidence:done"));
        Answer evidence = done.state().answers().get("evidence");
        assertEquals(List.of("file-1"), evidence.mediaIds());
        assertEquals(List.of("📍 -6.20000, 106.80000 · Synthetic place · Jl. Contoh 1", "👤 Synthetic Person · +62 000"), evidence.parts());
    }

    /**
     * A file with a caption where typed words are asked: the caption is taken as typed, and the note that the file was
     * not kept goes in the same message as what the caption gets (the next question with its buttons, the story's
     * acknowledgement), not as a message of its own right before it.
     */
    @Test
    void shouldAnswerACaptionedFileAtATextQuestionWithOneMessage() throws IOException {
        Flow intake = intake();
        Step step = engine.handle(intake, at(intake, "unit"), new Input.Media("file-1", MediaKind.PHOTO, "Fakultas Teknik"));

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), texts(messages).toString());
        assertTrue(messages.get(0).text().startsWith("File itu tidak disimpan"), messages.get(0).text());
        assertTrue(messages.get(0).text().endsWith(engine.handle(intake, at(intake, "unit"), new Input.Text("Fakultas Teknik"))
                .outputs().stream().filter(Output.Message.class::isInstance).map(o -> ((Output.Message) o).text()).findFirst().orElseThrow()),
                "then the next question, as after the typed words: " + messages.get(0).text());
        assertEquals(Answer.text("Fakultas Teknik"), step.state().answers().get("unit"));
    }

    /**
     * Danger written under a file at a question of one typed answer: the caption is the answer, and the emergency numbers,
     * the note and the next question go as one message with that question's buttons. Before: the numbers with the note,
     * then the next question, two messages for one file.
     */
    @Test
    void shouldAnswerADangerCaptionAtATextQuestionWithOneMessageNumbersFirst() throws IOException {
        Flow intake = intake();
        Step step = engine.handle(intake, at(intake, "witnesses"), new Input.Media("file-1", MediaKind.PHOTO, "nanti malam dia datang ke kos"));
        Step typed = engine.handle(intake, at(intake, "witnesses"), new Input.Text("nanti malam dia datang ke kos"));
        assertEquals(1, messages(typed).size(), "typed danger there: one message too");
        Output.Message asTyped = messages(typed).get(0);

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), texts(messages).toString());
        String text = messages.get(0).text();
        assertTrue(text.startsWith("Keselamatan yang paling penting."), text);
        int note = text.indexOf("File itu tidak disimpan");
        assertTrue(note > 0, text);
        String withoutNote = text.substring(0, note) + text.substring(text.indexOf("\n\n", note) + 2);
        assertEquals(asTyped.text(), withoutNote, "the numbers, the note, then the next question, as after the typed words");
        assertEquals(asTyped.choices(), messages.get(0).choices(), "with the next question's buttons");
        assertTrue(step.state().dangerSaid());
        assertEquals("nanti malam dia datang ke kos", step.state().answers().get("witnesses").value());
    }

    /** Danger written under a file at a choice: the numbers, the note and the question again, one message with its buttons. */
    @Test
    void shouldAnswerADangerCaptionAtAChoiceWithOneMessageNumbersFirst() throws IOException {
        Flow intake = intake();
        Step step = engine.handle(intake, at(intake, "send_now"), new Input.Media(null, MediaKind.PHOTO, "nanti malam dia datang ke kos"));

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), texts(messages).toString());
        String text = messages.get(0).text();
        assertTrue(text.startsWith("Keselamatan yang paling penting."), text);
        assertTrue(text.indexOf("File itu tidak disimpan") > 0 && text.indexOf("File itu tidak disimpan") < text.indexOf("Sekarang kamu bisa pilih"), text);
        assertEquals(List.of("details", "now"), messages.get(0).choices().stream().map(Choice::id).toList());
        assertEquals("send_now", step.state().nodeId());
        assertTrue(step.state().dangerSaid());
    }

    @Test
    void shouldAnswerACaptionedFileInTheStoryWithOneMessageThatIsNotRoutine() throws IOException {
        Flow intake = intake();
        SessionState story = engine.handle(intake, at(intake, "chronology"), new Input.Text("Jadi gini kak")).state();
        Step step = engine.handle(intake, story, new Input.Media("file-1", MediaKind.PHOTO, "ini chat dia ke aku"));

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), texts(messages).toString());
        assertTrue(messages.get(0).text().startsWith("File itu tidak disimpan"), messages.get(0).text());
        assertTrue(messages.get(0).text().endsWith("Tersimpan. Lanjutkan, atau ketuk Selesai kalau sudah."), messages.get(0).text());
        assertTrue(!messages.get(0).routine(), "it says more than the acknowledgement: never left out nor held back");
        assertEquals(List.of("done", "skip"), messages.get(0).choices().stream().map(Choice::id).toList());
        assertEquals(List.of("Jadi gini kak", "ini chat dia ke aku"), step.state().draft().parts());
    }

    @Test
    void shouldPutTheEmergencyNumbersBeforeTheNoteForADangerCaptionInTheStory() throws IOException {
        Flow intake = intake();
        Step step = engine.handle(intake, at(intake, "chronology"),
                new Input.Media("file-1", MediaKind.PHOTO, "dia bilang nanti malam dia datang ke kos"));

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), texts(messages).toString());
        String text = messages.get(0).text();
        assertTrue(text.startsWith("Keselamatan yang paling penting."), text);
        assertTrue(text.indexOf("File itu tidak disimpan") > 0 && text.indexOf("File itu tidak disimpan") < text.indexOf("Tersimpan."), text);
        assertTrue(step.state().dangerSaid());
    }

    @Test
    void shouldTakeAWitnesssContactCardAsTheAnswerToTheWitnessQuestion() throws IOException {
        Flow intake = intake();
        Step step = engine.handle(intake, at(intake, "witnesses"), CONTACT);

        assertEquals(Answer.text("👤 Synthetic Person · +62 000"), step.state().answers().get("witnesses"));
        assertEquals("services", step.state().nodeId());
    }

    @Test
    void shouldAnswerAStickerAtTheEvidenceQuestionWithOneLineThatSaysWhatCanBeSentAndKeepsTheButtons() throws IOException {
        Flow intake = intake();
        SessionState state = engine.handle(intake, at(intake, "evidence"), new Input.Media("file-1", MediaKind.PHOTO, null)).state();
        Step step = engine.handle(intake, state, new Input.Sticker());

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), texts(messages).toString());
        assertTrue(messages.get(0).text().startsWith("Yang itu tidak bisa disimpan sebagai bukti."), messages.get(0).text());
        assertEquals(List.of("done", "skip"), messages.get(0).choices().stream().map(Choice::id).toList());
        assertEquals(List.of("file-1"), step.state().draft().mediaIds(), "the files sent before are kept");
        assertEquals(0, step.state().retries(), "a sticker is not a failed attempt: it never skips the question");
    }

    @Test
    void shouldAnswerAStickerAtAChoiceWithOneLineCarryingTheButtons() throws IOException {
        Flow intake = intake();
        Step step = engine.handle(intake, at(intake, "safe_to_reply"), new Input.Sticker());

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), texts(messages).toString());
        assertTrue(messages.get(0).text().startsWith("Maaf, di sini saya hanya bisa membaca tulisan dan tombol.\n\n"), messages.get(0).text());
        assertTrue(messages.get(0).text().contains("Apakah aman chat di HP ini?"), "the question again: " + messages.get(0).text());
        assertEquals("safe_to_reply", messages.get(0).nodeId());
        assertEquals(List.of("yes", "quiet", "no"), messages.get(0).choices().stream().map(Choice::id).toList());
    }

    @Test
    void shouldAnswerAStickerAtAConfirmationWithOneLineCarryingItsButtons() throws IOException {
        Flow intake = intake();
        SessionState asked = engine.handle(intake, at(intake, "name"), new Input.Text("/hapus")).state();
        Step step = engine.handle(intake, asked, new Input.Sticker());

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), texts(messages).toString());
        assertEquals(List.of("yes", "no"), messages.get(0).choices().stream().map(Choice::id).toList());
        assertFalse(step.state().status() == SessionStatus.DELETED);
    }

    @Test
    void shouldAnswerAPhotoAtAChoiceWithTheNoteAndThenTheQuestionOnceWithItsButtons() throws IOException {
        Flow intake = intake();
        Step step = engine.handle(intake, at(intake, "reporter_role"), new Input.Media("m-1", MediaKind.PHOTO, null));

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), texts(messages).toString());
        assertEquals("File itu tidak disimpan, karena pertanyaan ini tidak meminta file. Bukti bisa dikirim di bagian Bukti, "
                + "atau nanti di chat ini.\n\nLangkah 3 dari 9\n\nKejadian ini dialami siapa?", messages.get(0).text());
        assertEquals("reporter_role", messages.get(0).nodeId());
        assertEquals(List.of("victim", "witness", "proxy"), messages.get(0).choices().stream().map(Choice::id).toList());
        assertEquals("reporter_role", step.state().nodeId());
        assertEquals(0, step.state().retries(), "a file is not a failed attempt");
        assertTrue(step.state().draft() == null || step.state().draft().mediaIds().isEmpty(), "nothing of the file is kept as an answer");
    }

    static Stream<Arguments> questionsWithAnEarlierButton() {
        return Stream.of("in_danger", "safe_to_reply", "reporter_role", "violence_type", "incident_when", "chronology", "name",
                "evidence", "witnesses", "summary").map(Arguments::of);
    }

    /**
     * A tap on a button of an earlier question (the consent's "Ya", still under an old message) is one message: the
     * note that the button is no longer used, then the question asked now with its own buttons. Before, two messages:
     * the note, then the question.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("questionsWithAnEarlierButton")
    void shouldAnswerAnEarlierQuestionsButtonWithTheNoteAndTheQuestionInOneMessage(String question) throws IOException {
        Flow intake = intake();
        SessionState at = at(intake, question);
        Step step = engine.handle(intake, at, Input.ButtonPress.fromCallbackData("consent:yes"));

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), question + ": one message: " + texts(messages));
        Output.Message asked = messages(engine.repeatCurrent(catalog(intake), at)).stream().reduce((a, b) -> b).orElseThrow();
        assertEquals(STALE_BUTTON + "\n\n" + asked.text(), messages.get(0).text());
        assertEquals(asked.choices(), messages.get(0).choices(), question + ": the question's own buttons");
        assertEquals(question, step.state().nodeId());
        assertEquals(0, step.state().retries(), "an old button is not a failed attempt");
    }

    /** The same at a question of the system's own (here "Hapus semua ...?" after /hapus): one message, nothing erased. */
    @Test
    void shouldAnswerAnEarlierQuestionsButtonAtAConfirmationWithOneMessage() throws IOException {
        Flow intake = intake();
        SessionState asked = engine.handle(intake, at(intake, "name"), new Input.Text("/hapus")).state();
        Step step = engine.handle(intake, asked, Input.ButtonPress.fromCallbackData("consent:yes"));

        List<Output.Message> messages = messages(step);
        assertEquals(1, messages.size(), texts(messages).toString());
        assertTrue(messages.get(0).text().startsWith(STALE_BUTTON + "\n\nHapus semua"), messages.get(0).text());
        assertEquals(List.of("yes", "no"), messages.get(0).choices().stream().map(Choice::id).toList());
        assertEquals(PendingPrompt.DELETE_CONFIRM, step.state().pending(), "still asked");
        assertFalse(step.state().status() == SessionStatus.DELETED);
    }

    private static FlowCatalog catalog(Flow flow) {
        FlowCatalog catalog = new FlowCatalog();
        catalog.add(flow);
        return catalog;
    }

    /** A session at {@code question}, in Bahasa Indonesia, with consent given. */
    private SessionState at(Flow intake, String question) {
        SessionState state = engine.start(intake).state();
        for (String button : List.of("language:id", "consent:yes")) {
            state = engine.handle(intake, state, Input.ButtonPress.fromCallbackData(button)).state();
        }
        return state.atNode(question);
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

    /** A short name of an input for a test's label. */
    private static final class TranscriptKind {
        static String of(Input input) {
            return input instanceof Input.Media media ? media.kind().name().toLowerCase() : input.getClass().getSimpleName().toLowerCase();
        }
    }
}
