package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.configuration.ConfigurationException;

/** The shipped canned replies load in file order with a title and a text in both languages; a broken one stops the start. */
class CannedRepliesTest {

    @TempDir
    Path dir;

    @Test
    void shouldListTheShippedRepliesInFileOrderInTheCounsellorsLanguage() {
        List<CannedReplies.Entry> entries = CannedReplies.read(Path.of("conversations", CannedReplies.FILE));
        assertEquals(List.of("first_contact", "safety_check", "verification_invite", "rights_information", "outcome_not_proven",
                "withdrawal_noted", "referral_declined"),
                entries.stream().map(CannedReplies.Entry::id).toList());
        CannedReplies replies = new CannedReplies(null);
        replies.load(Path.of("conversations", CannedReplies.FILE));
        assertEquals(new CannedReplies.Reply("safety_check", "Safety check",
                "Are you safe right now? If you are in danger, call 112 or the nearest emergency service."), replies.in("en").get(1));
        assertEquals("Cek keamanan", replies.in("id").get(1).title());
        assertEquals("Cek keamanan", replies.in(null).get(1).title(), "an unknown language falls back to Bahasa Indonesia");
    }

    @Test
    void shouldRefuseAReplyWithoutItsTextOrEnglishAndAllowNoFile() throws IOException {
        Path noText = Files.writeString(dir.resolve("a.yaml"), "hello:\n  title: {id: Halo, en: Hello}\n", StandardCharsets.UTF_8);
        assertTrue(assertThrows(ConfigurationException.class, () -> CannedReplies.read(noText)).getMessage()
                .endsWith("'hello' must be a group of exactly the texts [title, text], optionally with [text_when_safe_times]"));
        Path noEnglish = Files.writeString(dir.resolve("b.yaml"),
                "hello:\n  title: {id: Halo, en: Hello}\n  text: {id: Halo}\n", StandardCharsets.UTF_8);
        assertTrue(assertThrows(ConfigurationException.class, () -> CannedReplies.read(noEnglish)).getMessage()
                .endsWith("text 'hello.text' has no 'en'"));
        assertEquals(List.of(), CannedReplies.read(dir.resolve("none.yaml")));
        Path other = Files.writeString(dir.resolve("c.yaml"),
                "hello:\n  title: {id: Halo, en: Hello}\n  text: {id: Halo, en: Hello}\n  txt: {id: Halo, en: Hello}\n", StandardCharsets.UTF_8);
        assertTrue(assertThrows(ConfigurationException.class, () -> CannedReplies.read(other)).getMessage().contains("'hello' must be"));
    }

    @Test
    void shouldNotAskAgainForASafeTimeThePersonAlreadyGave() {
        CannedReplies replies = new CannedReplies(null);
        replies.load(Path.of("conversations", CannedReplies.FILE));
        for (String language : List.of("id", "en")) {
            String asks = replies.in(language, false).get(0).text();
            String knows = replies.in(language, true).get(0).text();
            assertTrue(asks.contains("id".equals(language) ? "Kapan waktu yang aman" : "When is a safe time"), asks);
            assertTrue(!knows.contains("Kapan waktu yang aman") && !knows.contains("When is a safe time"), knows);
            assertEquals(replies.in(language, false).get(1), replies.in(language, true).get(1), "a reply without the variant");
        }
    }
}
