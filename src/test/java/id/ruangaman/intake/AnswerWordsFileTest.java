package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.ruangaman.conversation.AnswerWords;
import io.quarkus.runtime.configuration.ConfigurationException;

/** The yes/no words file a translator edits: read per language, checked at start-up. */
class AnswerWordsFileTest {

    @Test
    void shouldReadTheShippedWordsOfEveryLanguage() {
        AnswerWords words = AnswerWordsFile.read(Path.of("conversations"));
        for (String yes : new String[] { "iya", "ya kak", "setuju", "boleh", "oke", "ok", "👍", "yes" }) {
            assertTrue(words.allYes().contains(yes), yes);
        }
        for (String no : new String[] { "tidak", "nggak", "gak", "ga", "enggak", "no", "nope" }) {
            assertTrue(words.allNo().contains(no), no);
        }
        assertEquals(Set.of("id", "en"), words.yes().keySet());
    }

    @Test
    void shouldFallBackToTheBuiltInWordsWithoutAFile(@TempDir Path empty) {
        assertEquals(AnswerWords.builtIn(), AnswerWordsFile.read(empty));
    }

    @Test
    void shouldRefuseAFileWithoutNoWords(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(AnswerWordsFile.FILE), "yes:\n  id: [iya]\n");
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> AnswerWordsFile.read(folder));
        assertTrue(error.getMessage().contains("'no:'"), error.getMessage());
    }
}
