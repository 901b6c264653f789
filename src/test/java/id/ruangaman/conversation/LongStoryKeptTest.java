package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.ruangaman.conversation.definition.Limits;
import id.ruangaman.conversation.definition.MessageKey;

/**
 * Walkthrough (explore, session 18): at "Ceritakan apa yang terjadi ... Boleh beberapa pesan" a survivor who sends
 * their story as one long message (WhatsApp takes far more than 4,000 characters in a message; Telegram 4,096) has it
 * kept, whole and in order, in parts of at most the question's length, and hears "Tersimpan" as for any part of the
 * story. Before, a message over 4,000 characters got "Maaf, saya belum mengerti", and a second one skipped the story.
 */
class LongStoryKeptTest {

    private final FlowEngine engine = TestEngines.atGoldenStart();

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {4001, 4096, 9000, 20000})
    void shouldKeepTheWholeStoryInPartsAndSayItWasSaved(int length) throws IOException {
        Flow intake = ShippedFlows.intake();
        SessionState state = TestEngines.atStory(engine, intake);
        String sentence = "Dia terus mengirim pesan yang membuatku takut, bahkan tengah malam. ";
        String story = sentence.repeat(length / sentence.length() + 1).substring(0, length).strip();

        Step step = engine.handle(intake, state, new Input.Text(story));

        List<Output.Message> said = step.outputs().stream().filter(Output.Message.class::isInstance)
                .map(Output.Message.class::cast).toList();
        assertEquals(List.of(intake.message(MessageKey.MULTI_TEXT_SAVED).in("id", "id")),
                said.stream().map(Output.Message::text).toList(), "one 'Tersimpan', no re-prompt");
        List<String> parts = step.state().draft().parts();
        assertTrue(parts.size() >= 2, "more than one part: " + parts.size());
        assertTrue(parts.stream().allMatch(part -> part.length() <= Limits.MAX_TEXT_LENGTH), "each part within the limit");
        assertEquals(story.replaceAll("\\s+", ""), String.join("", parts).replaceAll("\\s+", ""), "nothing lost, in order");
        assertTrue(parts.stream().allMatch(part -> !part.startsWith(" ") && !part.endsWith(" ")));

        step = engine.handle(intake, step.state(), Input.ButtonPress.fromCallbackData("chronology:done"));
        assertEquals(parts, step.state().answers().get("chronology").parts(), "the story is the answer");
    }

}
