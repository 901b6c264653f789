package id.ruangaman.conversation.text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "kemarin", "3 hari lalu", "last month", "seminggu yang lalu", "two weeks ago" ... relative to today. */
final class RelativeDates {

    private static final Map<String, Integer> FIXED_DAYS = Map.ofEntries(
            Map.entry("hari ini", 0), Map.entry("today", 0), Map.entry("tadi", 0), Map.entry("barusan", 0),
            Map.entry("kemarin", 1), Map.entry("kemaren", 1), Map.entry("yesterday", 1),
            Map.entry("semalam", 1), Map.entry("tadi malam", 1), Map.entry("last night", 1),
            Map.entry("kemarin lusa", 2), Map.entry("kemaren lusa", 2), Map.entry("the day before yesterday", 2));
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("se", 1), Map.entry("satu", 1), Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1),
            Map.entry("dua", 2), Map.entry("two", 2), Map.entry("tiga", 3), Map.entry("three", 3),
            Map.entry("empat", 4), Map.entry("four", 4), Map.entry("lima", 5), Map.entry("five", 5),
            Map.entry("enam", 6), Map.entry("six", 6));
    private static final Map<String, DatePrecision> UNITS = Map.of(
            "hari", DatePrecision.DAY, "day", DatePrecision.DAY,
            "minggu", DatePrecision.WEEK, "pekan", DatePrecision.WEEK, "week", DatePrecision.WEEK,
            "bulan", DatePrecision.MONTH, "month", DatePrecision.MONTH,
            "tahun", DatePrecision.YEAR, "year", DatePrecision.YEAR);
    private static final Pattern ID_AGO = Pattern.compile("^(\\d+|se|[a-z]+)\\s*(hari|minggu|pekan|bulan|tahun)\\s+(?:yang\\s+|yg\\s+)?lalu$");
    private static final Pattern EN_AGO = Pattern.compile("^(\\d+|[a-z]+)\\s+(day|week|month|year)s?\\s+ago$");
    private static final Pattern LAST = Pattern.compile("^(?:(minggu|pekan|bulan|tahun)\\s+(?:lalu|kemarin|kemaren)|last\\s+(week|month|year))$");
    private static final Pattern THIS = Pattern.compile("^(?:(minggu|pekan|bulan|tahun)\\s+ini|this\\s+(week|month|year))$");

    private RelativeDates() {
    }

    static Optional<RoughDate> parse(String text, LocalDate today) {
        Integer days = FIXED_DAYS.get(text);
        if (days != null) {
            return Optional.of(new RoughDate(today.minusDays(days), DatePrecision.DAY));
        }
        Matcher m = ID_AGO.matcher(text);
        if (!m.matches()) {
            m = EN_AGO.matcher(text);
        }
        if (m.matches()) {
            Integer count = count(m.group(1));
            return count == null ? Optional.empty() : Optional.of(back(today, UNITS.get(m.group(2)), count));
        }
        m = LAST.matcher(text);
        if (m.matches()) {
            return Optional.of(back(today, UNITS.get(m.group(1) != null ? m.group(1) : m.group(2)), 1));
        }
        m = THIS.matcher(text);
        if (m.matches()) {
            return Optional.of(back(today, UNITS.get(m.group(1) != null ? m.group(1) : m.group(2)), 0));
        }
        return Optional.empty();
    }

    private static Integer count(String word) {
        if (word.chars().allMatch(Character::isDigit)) {
            return word.length() > 4 ? null : Integer.valueOf(word);
        }
        return NUMBER_WORDS.get(word);
    }

    private static RoughDate back(LocalDate today, DatePrecision unit, int count) {
        LocalDate date = switch (unit) {
            case DAY -> today.minusDays(count);
            case WEEK -> today.minusWeeks(count).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> today.minusMonths(count).withDayOfMonth(1);
            case YEAR -> today.minusYears(count).withDayOfYear(1);
        };
        return new RoughDate(date, unit);
    }
}
