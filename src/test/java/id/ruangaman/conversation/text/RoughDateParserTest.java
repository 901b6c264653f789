package id.ruangaman.conversation.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Today is Friday 20 November 2026 in Jakarta (the clock says 2026-11-20T10:00Z). */
class RoughDateParserTest {

    private final RoughDateParser parser = new RoughDateParser(
            Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneId.of("UTC")), ZoneId.of("Asia/Jakarta"));

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "hari ini | 2026-11-20 | DAY",
            "Today | 2026-11-20 | DAY",
            "kemarin | 2026-11-19 | DAY",
            "yesterday. | 2026-11-19 | DAY",
            "kemarin lusa | 2026-11-18 | DAY",
            "3 hari lalu | 2026-11-17 | DAY",
            "3 hari yang lalu | 2026-11-17 | DAY",
            "5 days ago | 2026-11-15 | DAY",
            "a day ago | 2026-11-19 | DAY",
            "minggu lalu | 2026-11-09 | WEEK",
            "seminggu yang lalu | 2026-11-09 | WEEK",
            "last week | 2026-11-09 | WEEK",
            "2 weeks ago | 2026-11-02 | WEEK",
            "bulan lalu | 2026-10-01 | MONTH",
            "last month | 2026-10-01 | MONTH",
            "tiga bulan lalu | 2026-08-01 | MONTH",
            "tahun lalu | 2025-01-01 | YEAR",
            "last year | 2025-01-01 | YEAR",
            "2026-03-12 | 2026-03-12 | DAY",
            "2026-03 | 2026-03-01 | MONTH",
            "12/03/2026 | 2026-03-12 | DAY",
            "12-03-26 | 2026-03-12 | DAY",
            "12 Maret 2026 | 2026-03-12 | DAY",
            "tanggal 12 mar 2026 | 2026-03-12 | DAY",
            "5 Agustus | 2026-08-05 | DAY",
            "24 Desember | 2025-12-24 | DAY",
            "Maret 2026 | 2026-03-01 | MONTH",
            "bulan Mei 2025 | 2025-05-01 | MONTH",
            "Oktober | 2026-10-01 | MONTH",
            "Des | 2025-12-01 | MONTH",
            "March 12, 2026 | 2026-03-12 | DAY",
            "Sept 3rd 2025 | 2025-09-03 | DAY",
            "on 1 Jan 2026 | 2026-01-01 | DAY",
            "sekitar Februari 2026 | 2026-02-01 | MONTH",
            "2025 | 2025-01-01 | YEAR",
            "tahun 2024 | 2024-01-01 | YEAR"})
    void shouldReadRoughDates(String text, String date, DatePrecision precision) {
        assertEquals(Optional.of(new RoughDate(LocalDate.parse(date), precision)), parser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "waktu itu", "pas hujan", "31/02/2026", "13/13/2026", "someday", "minggu", "99999 hari lalu"})
    void shouldGiveNothingForTextThatIsNotADate(String text) {
        assertEquals(Optional.empty(), parser.parse(text));
    }

    @org.junit.jupiter.api.Test
    void shouldUseTheConfiguredZoneForToday() {
        RoughDateParser lateEvening = new RoughDateParser(
                Clock.fixed(Instant.parse("2026-11-20T18:30:00Z"), ZoneId.of("UTC")), ZoneId.of("Asia/Jakarta"));
        assertEquals(LocalDate.parse("2026-11-21"), lateEvening.parse("hari ini").orElseThrow().date());
    }
}
