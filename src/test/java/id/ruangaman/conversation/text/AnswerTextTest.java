package id.ruangaman.conversation.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Typed answers as people type them, and the one form they are compared in. */
class AnswerTextTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "Iya|iya",
            "iyaaa|iya",
            "IYAA!!|iya",
            "ＩＹＡ|iya",
            "  ya kak 🙏 |ya kak",
            "Iya, setuju 🙏|iya, setuju",
            "\"oke\".|oke",
            "1️⃣|1",
            "2⃣|2",
            "１２|12",
            "11|11",
            "👍|👍",
            "👍🏽|👍",
            "Nggak.|ngak",
            "nggak|ngak",
            "(Tidak)|tidak",
            "18 - 24|18 - 24"})
    void shouldNormaliseWhatPeopleType(String typed, String expected) {
        assertEquals(expected, AnswerText.normalize(typed));
    }
}
