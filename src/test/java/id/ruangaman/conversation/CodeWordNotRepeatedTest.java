package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The code word a survivor chooses is never sent back to the chat, where someone else may see the phone (walkthrough
 * 7: the summary repeated it). Plays the {@code code_word} golden script: a code word, /bantuan, /status, the summary,
 * changing the word from the summary, the summary in English, sending, /status and a message after the report. No
 * text or button the engine sends after a code word is typed contains it; the summary still says it is set, and the
 * intake carries the latest one for the counsellor.
 */
class CodeWordNotRepeatedTest {

    private static final Path SCRIPT = Path.of("src/test/resources/conversation/golden/code_word.yaml");
    private static final List<String> CODE_WORDS = List.of("Kenari Biru", "pelangi77");

    @Test
    void shouldNeverSendTheCodeWordBackAfterItIsGiven() throws IOException {
        JsonNode steps = play().get("steps");
        List<String> given = new ArrayList<>();
        int checked = 0;
        for (JsonNode step : steps) {
            for (JsonNode output : step.path("outputs")) {
                if (!"message".equals(output.path("type").asText())) {
                    continue; // answers and the intake go to the host, for the counsellor
                }
                for (String sent : sentTexts(output)) {
                    checked++;
                    for (String word : given) {
                        assertFalse(sent.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)),
                                "after " + step.get("input") + " the chat got the code word '" + word + "' back: " + sent);
                    }
                }
            }
            String typed = step.path("input").path("text").asText();
            if (CODE_WORDS.contains(typed)) {
                given.add(typed);
            }
        }
        assertEquals(CODE_WORDS, given, "the script types both code words");
        assertTrue(checked > 20, "the script's replies were read");
    }

    @Test
    void shouldSayInTheSummaryThatTheCodeWordIsSetAndSendTheLatestToTheInbox() throws IOException {
        List<String> summaries = new ArrayList<>();
        JsonNode submitted = null;
        for (JsonNode step : play().get("steps")) {
            for (JsonNode output : step.path("outputs")) {
                String text = output.path("text").asText();
                if (text.contains("• Kata kode:") || text.contains("• Code word:")) {
                    summaries.add(text.lines().filter(line -> line.contains("• Kata kode:") || line.contains("• Code word:"))
                            .findFirst().orElseThrow());
                }
                if ("intake_submitted".equals(output.path("type").asText())) {
                    submitted = output;
                }
            }
        }
        // the summary after the code word, again after /bantuan and /status, after changing it, then in English
        assertEquals(List.of("• Kata kode: sudah dibuat ✓ (tidak ditampilkan)", "• Kata kode: sudah dibuat ✓ (tidak ditampilkan)",
                "• Kata kode: sudah dibuat ✓ (tidak ditampilkan)", "• Kata kode: sudah dibuat ✓ (tidak ditampilkan)",
                "• Code word: set ✓ (not shown)"), summaries);
        assertEquals("pelangi77", submitted.path("answers").path("code_word").path("value").asText());
    }

    private static List<String> sentTexts(JsonNode message) {
        List<String> texts = new ArrayList<>();
        texts.add(message.path("text").asText());
        message.path("choices").forEach(choice -> texts.add(choice.toString()));
        return texts;
    }

    private static JsonNode play() throws IOException {
        Map<String, Object> script = new YAMLMapper().readValue(SCRIPT.toFile(), new TypeReference<>() { });
        return new GoldenRun().play(script);
    }
}
