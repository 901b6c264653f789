package id.ruangaman.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import id.ruangaman.conversation.AnswerWords;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Reads {@code conversations/_answer_words.yaml}: {@code yes:} and {@code no:}, each a map of language code to a
 * list of words, and optionally {@code later:} (words of someone not ready to answer yet) and {@code changed_mind:}
 * (words taking back a referral consent) and {@code rather_not_say:} (words of someone who would rather not say) in
 * the same shape. A missing file means the engine's built-in words; a broken one stops the start with its name.
 */
final class AnswerWordsFile {

    static final String FILE = "_answer_words.yaml";

    private AnswerWordsFile() {
    }

    static AnswerWords read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return AnswerWords.builtIn();
        }
        Map<String, Map<String, List<String>>> raw;
        try {
            raw = new ObjectMapper(new YAMLFactory()).readValue(Files.readAllBytes(file),
                    new TypeReference<Map<String, Map<String, List<String>>>>() {
                    });
        } catch (IOException e) {
            throw new ConfigurationException(file + " must hold 'yes:' and 'no:', each a map of language to a list of words ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (raw == null || raw.get("yes") == null || raw.get("no") == null || raw.get("yes").isEmpty() || raw.get("no").isEmpty()) {
            throw new ConfigurationException(file + " must list words under both 'yes:' and 'no:'");
        }
        return new AnswerWords(raw.get("yes"), raw.get("no"), raw.get("later"), raw.get("changed_mind"), raw.get("rather_not_say"));
    }
}
