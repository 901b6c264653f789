package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shipped canned replies load and have a title and a text in both languages. */
class CannedRepliesTest {

    @Test
    void shouldHaveEveryReplyInBahasaIndonesiaAndEnglish() {
        List<CannedReplies.Entry> entries = CannedReplies.load(Path.of("conversations", CannedReplies.FILE));
        assertFalse(entries.isEmpty());
        for (CannedReplies.Entry entry : entries) {
            for (String lang : List.of("id", "en")) {
                assertTrue(entry.title() != null && !entry.title().getOrDefault(lang, "").isBlank(), entry.id() + " title " + lang);
                assertTrue(entry.text() != null && !entry.text().getOrDefault(lang, "").isBlank(), entry.id() + " text " + lang);
            }
        }
    }
}
