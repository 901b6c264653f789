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
            "/lainnya, UNKNOWN"})
    void shouldRecogniseCommandsInBothLanguages(String text, Command expected) {
        assertEquals(Optional.of(expected), Command.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "keluar", "saya mau /hapus", "/", "12/03/2026", ""})
    void shouldNotTreatOrdinaryTextAsACommand(String text) {
        assertEquals(Optional.empty(), Command.parse(text));
    }
}
