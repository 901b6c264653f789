package id.ruangaman.conversation.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "2026-03-12", "12/03/2026" (day first), "12 Maret 2026", "March 12, 2026", "Maret 2026", "Mar", "2025". */
final class CalendarDates {

    private static final Pattern ISO_DAY = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$");
    private static final Pattern ISO_MONTH = Pattern.compile("^(\\d{4})-(\\d{1,2})$");
    private static final Pattern NUMERIC = Pattern.compile("^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})$");
    private static final Pattern DAY_MONTH = Pattern.compile("^(\\d{1,2})\\s+([a-z]+)\\.?,?(?:\\s+(\\d{4}))?$");
    private static final Pattern MONTH_DAY = Pattern.compile("^([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?$");
    private static final Pattern MONTH_YEAR = Pattern.compile("^(?:bulan\\s+)?([a-z]+)\\.?(?:\\s+(\\d{4}))?$");
    private static final Pattern YEAR = Pattern.compile("^(?:tahun\\s+|year\\s+)?(\\d{4})$");

    private CalendarDates() {
    }

    static Optional<RoughDate> parse(String text, LocalDate today) {
        try {
            return Optional.ofNullable(parseOrNull(text, today));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static RoughDate parseOrNull(String text, LocalDate today) {
        Matcher m = ISO_DAY.matcher(text);
        if (m.matches()) {
            return day(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)));
        }
        if ((m = ISO_MONTH.matcher(text)).matches()) {
            return month(LocalDate.of(num(m, 1), num(m, 2), 1));
        }
        if ((m = NUMERIC.matcher(text)).matches()) {
            int year = num(m, 3) < 100 ? 2000 + num(m, 3) : num(m, 3);
            return day(LocalDate.of(year, num(m, 2), num(m, 1)));
        }
        if ((m = DAY_MONTH.matcher(text)).matches()) {
            return dayOfNamedMonth(m.group(2), num(m, 1), m.group(3), today);
        }
        if ((m = MONTH_DAY.matcher(text)).matches()) {
            return dayOfNamedMonth(m.group(1), num(m, 2), m.group(3), today);
        }
        if ((m = MONTH_YEAR.matcher(text)).matches() && MonthNames.month(m.group(1)).isPresent()) {
            OptionalInt month = MonthNames.month(m.group(1));
            LocalDate first = m.group(2) != null
                    ? LocalDate.of(Integer.parseInt(m.group(2)), month.getAsInt(), 1)
                    : mostRecent(LocalDate.of(today.getYear(), month.getAsInt(), 1), today);
            return month(first);
        }
        if ((m = YEAR.matcher(text)).matches()) {
            return new RoughDate(LocalDate.of(num(m, 1), 1, 1), DatePrecision.YEAR);
        }
        return null;
    }

    private static RoughDate dayOfNamedMonth(String name, int day, String year, LocalDate today) {
        OptionalInt month = MonthNames.month(name);
        if (month.isEmpty()) {
            return null;
        }
        if (year != null) {
            return day(LocalDate.of(Integer.parseInt(year), month.getAsInt(), day));
        }
        return day(mostRecent(LocalDate.of(today.getYear(), month.getAsInt(), day), today));
    }

    /** Without a year, people mean the last time that date came round. */
    private static LocalDate mostRecent(LocalDate thisYear, LocalDate today) {
        return thisYear.isAfter(today) ? thisYear.minusYears(1) : thisYear;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static RoughDate day(LocalDate date) {
        return new RoughDate(date, DatePrecision.DAY);
    }

    private static RoughDate month(LocalDate date) {
        return new RoughDate(date, DatePrecision.MONTH);
    }
}
