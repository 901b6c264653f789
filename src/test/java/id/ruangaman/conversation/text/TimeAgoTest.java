package id.ruangaman.conversation.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How long ago, in days (the most recent reading), for the times people type; today is a Monday. */
class TimeAgoTest {

    private static final DayOfWeek MONDAY = DayOfWeek.MONDAY;

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            // walkthrough 7, finding 1: never understood before
            "tadi malam|1", "semalam|1", "kemarin malam|1", "2 hari lalu|2",
            // the same kind, Indonesian
            "tadi|0", "barusan|0", "baru saja|0", "hari ini|0", "tadi pagi|0", "5 jam yang lalu|1", "kemarin|1",
            "kemarin sore|1", "Kemarinnn!|1", "kmrn|1", "kemarin lusa|2", "dua hari yang lalu|2", "2hari lalu|2",
            "3 hari lalu|3", "tiga hari yg lalu|3", "beberapa hari lalu|2", "4 hari lalu|4", "seminggu lalu|7",
            "minggu lalu|7", "minggu kemarin|7", "2 minggu lalu|14", "sebulan lalu|30", "bulan lalu|30", "3 bulan lalu|90",
            "setahun yang lalu|365", "tahun lalu|365", "baru tadi malam kak|1", "sekitar 2 minggu yang lalu|14",
            // English
            "last night|1", "yesterday|1", "this morning|0", "just now|0", "2 days ago|2", "two days ago|2",
            "the day before yesterday|2", "a few days ago|2", "last week|7", "a week ago|7", "3 weeks ago|21",
            "last month|30", "a year ago|365", "72 hours ago|3", "80 hours ago|4",
            // days of the week, counted back from Monday
            "hari Sabtu|2", "Sabtu malam|2", "malam Minggu|2", "hari Minggu kemarin|1", "minggu malam|1",
            "last Friday|3", "Senin|0", "Senin lalu|7"})
    void shouldReadHowLongAgo(String typed, long days) {
        assertEquals(List.of(days), TimeAgo.days(typed, MONDAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "entah", "jam 11 malam", "di kos", "12 Maret", "lupa", "minggu", "malam", "lalu"})
    void shouldFindNoTimeInOtherWords(String typed) {
        assertEquals(List.of(), TimeAgo.days(typed, MONDAY));
    }

    @Test
    void shouldReturnEveryTimeMentioned() {
        assertEquals(List.of(1L, 30L), TimeAgo.days("kemarin atau sebulan lalu", MONDAY));
    }
}
