package id.ruangaman.conversation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTest {

    @ParameterizedTest
    @CsvSource({
            "/start, START", "/mulai, START", "/MULAI, START", "/start payload123, START",
            "/bantuan, HELP", "/help@RuangAmanBot, HELP",
            "/bahasa, LANGUAGE", "/language, LANGUAGE",
            "/status, STATUS", "' /Status ', STATUS",
            "/keluar, EXIT", "/exit, EXIT",
            "/hapus, DELETE", "/Delete@RuangAmanBot, DELETE",
            "/lainnya, UNKNOWN",
            // characters nobody sees do not hide a command (a keyboard's zero-width space, a no-break space, a BOM)
            "'/hapus\u200b', DELETE", "'\u200b/hapus', DELETE", "'\ufeff/mulai', START", "'/keluar\u00a0', EXIT"})
    void shouldRecogniseCommandsInBothLanguages(String text, Command expected) {
        assertEquals(Optional.of(expected), Command.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "keluar", "saya mau /hapus", "/", "12/03/2026", "", "hapus data saya", "\u200b"})
    void shouldNotTreatOrdinaryTextAsACommand(String text) {
        assertEquals(Optional.empty(), Command.parse(text));
    }

    /** Erasing asked in words, as people type on WhatsApp, where there is no command menu: a phrase that names the data. */
    @ParameterizedTest
    @ValueSource(strings = {"Hapus data saya", "HAPUS DATA SAYA", "hapus data saya!", "  hapus   dataku  ", "hapus laporan saya",
            "hapus\u00a0data saya\u200b", "delete my data"})
    void shouldReadErasingSaidInWords(String text) {
        assertEquals(Optional.of(Command.DELETE), Command.spoken(text));
    }

    /**
     * A bare "hapus" may mean "remove that photo", and "hapus semua" all the photos: never read as erasing everything
     * (the confirmation that follows says so, but a "ya" to it would erase the whole report). Nor a sentence that
     * mentions deleting.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hapus", "HAPUS", "delete", "hapus semua", "hapus aja", "hapus chat ini", "hapus foto itu dari hp",
            "dia minta aku hapus data saya", "/hapus"})
    void shouldNotReadOtherWordsOfDeletingAsErasing(String text) {
        assertEquals(Optional.empty(), Command.spoken(text));
    }
}
