package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Before the person has chosen a language nothing tells us which one they read, so every message is in Bahasa
 * Indonesia and in English (walkthrough 7, finding 4: "halo" at "Pilih bahasa / Choose a language" got an
 * Indonesian-only re-prompt), and a language named in words is understood.
 */
class BeforeLanguageTest {

    /** Words only one of the two languages uses, to tell that a text says something in each. */
    private static final Set<String> INDONESIAN = Set.of("maaf", "saya", "kamu", "ketik", "ini", "belum", "yang", "pilih",
            "terima", "halo", "hapus", "perintah", "tidak", "lanjut", "dari", "tombol", "mulai");
    private static final Set<String> ENGLISH = Set.of("sorry", "the", "you", "your", "type", "this", "choose", "thank",
            "hello", "delete", "commands", "not", "that", "carry", "nothing", "start", "button");

    private final MutableClock clock = new MutableClock(GoldenRun.START);
    private final FlowEngine engine = TestEngines.on(clock);

    /** Everything a person may send before choosing a language, labelled; each answer must be in both languages. */
    static Stream<Arguments> inputsBeforeTheLanguage() {
        return Stream.of(
                Arguments.of("a greeting in Indonesian (walkthrough 7)", List.of(new Input.Text("halo"))),
                Arguments.of("a greeting in English", List.of(new Input.Text("hello"))),
                Arguments.of("/bantuan", List.of(new Input.Text("/bantuan"))),
                Arguments.of("/help", List.of(new Input.Text("/help"))),
                Arguments.of("/status", List.of(new Input.Text("/status"))),
                Arguments.of("an unknown command", List.of(new Input.Text("/apa"))),
                Arguments.of("/start again", List.of(new Input.Text("/start"))),
                Arguments.of("/hapus, then no", List.of(new Input.Text("/hapus"), new Input.Text("tidak"))),
                Arguments.of("/delete, then yes", List.of(new Input.Text("/delete"), new Input.Text("yes"))),
                Arguments.of("/keluar", List.of(new Input.Text("/keluar"))),
                Arguments.of("/keluar, then a message", List.of(new Input.Text("/keluar"), new Input.Text("halo"))),
                Arguments.of("/bahasa", List.of(new Input.Text("/bahasa"))),
                Arguments.of("a sticker", List.of(new Input.Sticker())),
                Arguments.of("a location", List.of(new Input.Location())),
                Arguments.of("a photo", List.of(new Input.Media("file-1", MediaKind.PHOTO, null))),
                Arguments.of("a stale button", List.of(Input.ButtonPress.fromCallbackData("consent:yes"))),
                // danger before the language: the emergency numbers and what they say, in both (an English speaker
                // writing "he's outside" got the numbers in Bahasa Indonesia only, session 57's noticed list)
                Arguments.of("danger in English", List.of(new Input.Text("he's outside my door"))),
                Arguments.of("danger in Indonesian", List.of(new Input.Text("tolong aku diancam"))),
                Arguments.of("a threat pasted in the threatener's words", List.of(new Input.Text("I'll kill you if you tell anyone"))),
                Arguments.of("danger, then /keluar", List.of(new Input.Text("he's coming"), new Input.Text("/keluar"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputsBeforeTheLanguage")
    void shouldAnswerInBothLanguagesBeforeALanguageIsChosen(String label, List<Input> inputs) throws IOException {
        Flow intake = intake();
        SessionState state = engine.start(intake).state();
        assertNull(state.language(), "no language yet");
        for (Input input : inputs) {
            Step step = engine.handle(intake, state, input);
            List<Output.Message> messages = step.outputs().stream().filter(Output.Message.class::isInstance)
                    .map(Output.Message.class::cast).toList();
            assertFalse(messages.isEmpty(), label + ": no dead end");
            for (Output.Message message : messages) {
                assertTrue(saysIn(message.text(), INDONESIAN) && saysIn(message.text(), ENGLISH), label + ": " + message.text());
                for (Choice choice : message.choices()) {
                    assertTrue(choice.label().contains(" / ") || Set.of("Bahasa Indonesia", "English").contains(choice.label()),
                            label + ": button " + choice.label());
                }
            }
            state = step.state();
        }
    }

    /**
     * Danger written before a language is chosen gets the emergency numbers with what they say in Bahasa Indonesia and
     * in English, each as the flow writes it, and the language question again: the test above is satisfied by the
     * question's own "Choose", so this one looks for the emergency message itself.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dangerBeforeTheLanguage")
    void shouldGiveTheEmergencyNumbersInBothLanguagesBeforeALanguageIsChosen(String label, String typed) throws IOException {
        Flow intake = intake();
        Step step = engine.handle(intake, engine.start(intake).state(), new Input.Text(typed));
        String text = step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast)
                .findFirst().orElseThrow().text();
        var emergency = intake.findNode("emergency").orElseThrow().text();
        assertTrue(text.contains(emergency.in("id", "id")), label + ": Indonesian numbers in " + text);
        assertTrue(text.contains(emergency.in("en", "id")), label + ": English numbers in " + text);
        assertTrue(text.endsWith(intake.findNode("language").orElseThrow().text().in("id", "id")), label + ": the question again");
        assertTrue(step.outputs().stream().anyMatch(Output.DangerReported.class::isInstance), label + ": the danger reported");
        assertNull(step.state().language(), label + ": still no language");
    }

    /**
     * The same as a chat's very first message, which starts the flow: the greeting, then the numbers in both languages
     * opening the language question's message; the danger reported. Before, the first message was never read.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dangerBeforeTheLanguage")
    void shouldGiveTheEmergencyNumbersWhenTheFirstMessageSaysDanger(String label, String typed) throws IOException {
        Flow intake = intake();
        Step step = engine.start(intake, new Input.Text(typed));
        List<Output.Message> messages = step.outputs().stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast).toList();
        var emergency = intake.findNode("emergency").orElseThrow().text();
        Output.Message last = messages.get(messages.size() - 1);
        assertTrue(last.text().startsWith(emergency.in("id", "id")) && last.text().contains(emergency.in("en", "id")), label + ": " + last.text());
        assertEquals("language", last.nodeId(), label + ": the language question, with its buttons");
        assertFalse(last.choices().isEmpty(), label);
        assertTrue(messages.get(0).text().startsWith("Halo, ini Ruang Aman"), label + ": the greeting first");
        assertTrue(step.outputs().stream().anyMatch(Output.DangerReported.class::isInstance), label + ": the danger reported");
        assertTrue(step.state().dangerSaid(), label + ": the report to come is flagged");
        assertNull(step.state().language(), label + ": still no language");

        Step greeting = engine.start(intake, new Input.Text("halo kak"));
        assertEquals(engine.start(intake).outputs(), greeting.outputs(), "a first message without danger only starts the flow");
    }

    static Stream<Arguments> dangerBeforeTheLanguage() {
        return Stream.of(
                Arguments.of("danger in English", "he's outside my door"),
                Arguments.of("danger in Indonesian", "tolong aku diancam"),
                Arguments.of("a threat pasted in the threatener's words", "I'll kill you if you tell anyone"));
    }

    /** Typed language names choose that language, at the flow's question and at /bahasa. */
    static Stream<Arguments> typedLanguages() {
        return Stream.of(
                Arguments.of("english", "en"), Arguments.of("English please", "en"), Arguments.of("inggris", "en"),
                Arguments.of("pakai bahasa inggris aja", "en"), Arguments.of("en", "en"), Arguments.of("ENG", "en"),
                Arguments.of("indonesia", "id"), Arguments.of("bahasa", "id"), Arguments.of("Bahasa Indonesia dong", "id"),
                Arguments.of("id", "id"), Arguments.of("indo", "id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedLanguages")
    void shouldUnderstandALanguageNamedInWords(String typed, String language) throws IOException {
        Flow intake = intake();
        Step atQuestion = engine.handle(intake, engine.start(intake).state(), new Input.Text(typed));
        assertEquals(language, atQuestion.state().language(), typed);

        SessionState chosenId = engine.handle(intake, engine.start(intake).state(), Input.ButtonPress.fromCallbackData("language:id")).state();
        SessionState asking = engine.handle(intake, chosenId, new Input.Text("/bahasa")).state();
        assertEquals(language, engine.handle(intake, asking, new Input.Text(typed)).state().language(), "/bahasa: " + typed);
    }

    @Test
    void shouldKeepBahasaIndonesiaAfterTwoUnclearAnswersAndSpeakOneLanguageFromThen() throws IOException {
        Flow intake = intake();
        SessionState state = engine.start(intake).state();
        state = engine.handle(intake, state, new Input.Text("halo")).state();
        Step second = engine.handle(intake, state, new Input.Text("??"));
        assertEquals("id", second.state().language());
        String fallback = ((Output.Message) second.outputs().get(0)).text();
        assertTrue(saysIn(fallback, INDONESIAN) && saysIn(fallback, ENGLISH), fallback);
        Output.Message about = (Output.Message) second.outputs().get(1);
        assertFalse(about.text().contains("Before we start"), "one language once it is settled");
    }

    @Test
    void shouldAnswerInTheChosenLanguageOnly() throws IOException {
        Flow intake = intake();
        SessionState english = engine.handle(intake, engine.start(intake).state(), Input.ButtonPress.fromCallbackData("language:en")).state();
        Step help = engine.handle(intake, english, new Input.Text("/help"));
        String text = ((Output.Message) help.outputs().get(0)).text();
        assertTrue(text.startsWith("Commands you can use:") && !text.contains("Perintah"), text);
    }

    private static boolean saysIn(String text, Set<String> words) {
        return Stream.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).anyMatch(words::contains);
    }

    private static Flow intake() {
        return ShippedFlows.intake();
    }
}
