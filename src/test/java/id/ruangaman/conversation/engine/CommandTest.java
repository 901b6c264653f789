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
            "'/hapus\u200b', DELETE", "'\u200b/hapus', DELETE", "'\ufeff/mulai', START", "'/keluar\u00a0', EXIT",
            // erasing asked in words, as people type on WhatsApp, where there is no command menu
            "hapus, DELETE", "HAPUS, DELETE", "Hapus data saya, DELETE", "'hapus data saya!', DELETE", "'  hapus   semua  ', DELETE",
            "delete my data, DELETE"})
    void shouldRecogniseCommandsInBothLanguages(String text, Command expected) {
        assertEquals(Optional.of(expected), Command.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "keluar", "saya mau /hapus", "/", "12/03/2026", "",
            "hapus foto itu dari hp", "dia minta aku hapus", "\u200b"})
    void shouldNotTreatOrdinaryTextAsACommand(String text) {
        assertEquals(Optional.empty(), Command.parse(text));
    }
}
