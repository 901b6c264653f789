package id.ruangaman.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.configuration.ConfigurationException;

/** The shipped notices load through the text loader; the legal notice is optional; a missing notice stops the start. */
class NoticesTest {

    @TempDir
    Path dir;

    private Notices shipped() {
        Notices notices = new Notices(null);
        notices.load(Path.of("conversations", Notices.FILE));
        return notices;
    }

    @Test
    void shouldFillTheNoticesOfTheShippedFileInTheReadersLanguage() {
        Notices notices = shipped();
        assertEquals("Sorry, that file is too big (at most 20 MB). Please try a smaller file.",
                notices.text(Notices.Key.MEDIA_TOO_LARGE, "en", Map.of("max_mb", "20")));
        assertEquals("Konselor Satgas:\nTask force counsellor:", notices.text(Notices.Key.COUNSELLOR_PREFIX, null, Map.of()),
                "no language chosen yet: both");
        assertEquals("Pesanmu banyak sekali dalam waktu singkat. Tunggu sebentar ya, kami tetap di sini.\n"
                + "You have sent a lot of messages in a short time. Please wait a moment, we are still here.",
                notices.text(Notices.Key.FLOOD, null, Map.of()), "the flood notice before a language is chosen");
        assertEquals("Konselor Satgas:", notices.text(Notices.Key.COUNSELLOR_PREFIX, "jv", Map.of()));
        assertTrue(notices.shared("child_online_reporting").orElseThrow().in("en", "id").startsWith("How to report"));
        assertTrue(notices.shared(Notices.LEGAL_NOTICE).isEmpty(), "the example legal notice is not active");
    }

    @Test
    void shouldShareTheLegalNoticeWhenTheOrganisationHasOne() throws IOException {
        Path file = Files.copy(Path.of("conversations", Notices.FILE), dir.resolve(Notices.FILE));
        Files.copy(Path.of("conversations", Notices.LEGAL_NOTICE_FILE + ".example"), dir.resolve(Notices.LEGAL_NOTICE_FILE));
        Notices notices = new Notices(null);
        notices.load(file);
        assertTrue(notices.shared(Notices.LEGAL_NOTICE).orElseThrow().in("en", "id").startsWith("Important:"));
    }

    @Test
    void shouldRefuseAMissingNoticeOrABrokenLegalNotice() throws IOException {
        Path file = Files.writeString(dir.resolve(Notices.FILE), "flood: {id: Tunggu, en: Wait}\n", StandardCharsets.UTF_8);
        String message = assertThrows(ConfigurationException.class, () -> new Notices(null).load(file)).getMessage();
        assertTrue(message.contains(file + ": text 'private_chat_only' is missing"), message);

        Path complete = Files.copy(Path.of("conversations", Notices.FILE), dir.resolve(Notices.FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path legal = Files.writeString(dir.resolve(Notices.LEGAL_NOTICE_FILE), "id: Penting.\n", StandardCharsets.UTF_8);
        assertEquals(legal + ": the text has no 'en'",
                assertThrows(ConfigurationException.class, () -> new Notices(null).load(complete)).getMessage());
    }
}
