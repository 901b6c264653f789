package id.ruangaman.conversation.text;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds how long ago something happened in what a person typed, in Indonesian or English: "tadi malam", "semalam",
 * "kemarin sore", "kemarin lusa", "2 hari lalu", "dua hari yang lalu", "seminggu lalu", "3 bulan lalu", "tahun lalu",
 * "last night", "2 days ago", "a year ago". Pure, no clock: the answer is a number of days, read as the most recent
 * time the words can mean, so a boundary falls on the nearer side ("3 hari lalu" is 3, never 4):
 * <ul>
 * <li>today ("tadi", "barusan", "baru saja", "hari ini", "this morning", "5 jam lalu") is 0, hours round up to days;</li>
 * <li>yesterday ("kemarin", "semalam", "tadi malam", "last night") is 1, "kemarin lusa" 2;</li>
 * <li>n days, weeks (7), months (30) or years (365) ago, numbers as digits or words (up to twelve), "se-" for one
 * ("seminggu"), "beberapa"/"a few" as 2; "minggu lalu"/"last week" one week, and so on;</li>
 * <li>a day of the week ("Sabtu", "hari Minggu kemarin", "malam Minggu" = Saturday night, "last Friday") counts back
 * from today's weekday: 0 when it is today, 7 when it is today with "lalu"/"kemarin"/"last". "minggu" alone means
 * week; it is Sunday after "hari"/"malam" or before a time of day ("Minggu sore").</li>
 * </ul>
 * Every expression in the text is returned, in order ("kemarin atau seminggu lalu" gives 1 and 7); none gives an
 * empty list. Words are compared after {@link AnswerText#normalize}, so "kemarinnn" and "KEMARIN!" count.
 */
public final class TimeAgo {

    private static final Pattern UP_TO_FOUR_DIGITS = Pattern.compile("\\d{1,4}");
    private static final Pattern DIGIT_THEN_LETTER = Pattern.compile("(\\p{N})(\\p{L})");
    private static final Pattern LETTER_THEN_DIGIT = Pattern.compile("(\\p{L})(\\p{N})");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final int HOURS = -1;
    private static final Map<String, Integer> UNITS = normalizedKeys(Map.ofEntries(
            Map.entry("menit", 0), Map.entry("mnt", 0), Map.entry("minute", 0), Map.entry("minutes", 0),
            Map.entry("jam", HOURS), Map.entry("hour", HOURS), Map.entry("hours", HOURS),
            Map.entry("hari", 1), Map.entry("day", 1), Map.entry("days", 1),
            Map.entry("minggu", 7), Map.entry("mgg", 7), Map.entry("pekan", 7), Map.entry("week", 7), Map.entry("weeks", 7),
            Map.entry("bulan", 30), Map.entry("bln", 30), Map.entry("month", 30), Map.entry("months", 30),
            Map.entry("tahun", 365), Map.entry("thn", 365), Map.entry("year", 365), Map.entry("years", 365)));
    private static final Map<String, Integer> COUNTS = normalizedKeys(Map.ofEntries(
            Map.entry("satu", 1), Map.entry("one", 1), Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("dua", 2), Map.entry("two", 2), Map.entry("tiga", 3), Map.entry("three", 3),
            Map.entry("empat", 4), Map.entry("four", 4), Map.entry("lima", 5), Map.entry("five", 5),
            Map.entry("enam", 6), Map.entry("six", 6), Map.entry("tujuh", 7), Map.entry("seven", 7),
            Map.entry("delapan", 8), Map.entry("eight", 8), Map.entry("sembilan", 9), Map.entry("nine", 9),
            Map.entry("sepuluh", 10), Map.entry("ten", 10), Map.entry("sebelas", 11), Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            // "a few" / "beberapa": the most recent reading, so the safer one.
            Map.entry("beberapa", 2), Map.entry("bbrp", 2), Map.entry("few", 2), Map.entry("several", 2)));
    /** Words after "n units" that belong to the expression: "2 hari yang lalu", "2 days ago". */
    private static final List<String> AGO = normalized(List.of("yang", "yg", "lalu", "ago", "kemarin", "kemaren", "terakhir"));
    private static final String SE = "se";
    private static final Map<String, DayOfWeek> WEEKDAYS = normalizedKeys(Map.ofEntries(
            Map.entry("senin", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("selasa", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("rabu", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("kamis", DayOfWeek.THURSDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("jumat", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("sabtu", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("ahad", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY)));
    private static final String SUNDAY_OR_WEEK = AnswerText.normalize("minggu");
    private static final List<String> DAY_WORDS = normalized(List.of("hari", "on"));
    private static final String EVE = AnswerText.normalize("malam");
    private static final List<String> TIMES_OF_DAY = normalized(List.of("pagi", "siang", "sore", "malam", "morning", "afternoon", "evening", "night"));
    private static final List<String> EARLIER = normalized(List.of("lalu", "kemarin", "kemaren", "last"));
    private static final List<Phrase> PHRASES = phrases(Map.ofEntries(
            Map.entry("tadi", 0), Map.entry("barusan", 0), Map.entry("baru saja", 0), Map.entry("baru aja", 0),
            Map.entry("hari ini", 0), Map.entry("pagi ini", 0), Map.entry("siang ini", 0), Map.entry("sore ini", 0),
            Map.entry("malam ini", 0), Map.entry("today", 0), Map.entry("tonight", 0), Map.entry("just now", 0),
            Map.entry("this morning", 0), Map.entry("this afternoon", 0), Map.entry("this evening", 0),
            Map.entry("tadi malam", 1), Map.entry("malam tadi", 1), Map.entry("semalam", 1), Map.entry("kemarin", 1),
            Map.entry("kemaren", 1), Map.entry("kmrn", 1), Map.entry("kmarin", 1), Map.entry("yesterday", 1),
            Map.entry("last night", 1),
            Map.entry("kemarin lusa", 2), Map.entry("kemaren lusa", 2), Map.entry("the day before yesterday", 2),
            Map.entry("minggu lalu", 7), Map.entry("minggu kemarin", 7), Map.entry("pekan lalu", 7), Map.entry("last week", 7),
            Map.entry("bulan lalu", 30), Map.entry("bulan kemarin", 30), Map.entry("last month", 30),
            Map.entry("tahun lalu", 365), Map.entry("tahun kemarin", 365), Map.entry("last year", 365)));

    private TimeAgo() {
    }

    /** Days ago of every time expression found in {@code typed}, in order; {@code today}: the weekday it is now. */
    public static List<Long> days(String typed, DayOfWeek today) {
        String[] tokens = tokens(typed);
        List<Long> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.length) {
            int weekday = weekdayAt(tokens, i, today, found);
            if (weekday > 0) {
                i += weekday;
                continue;
            }
            Optional<Phrase> phrase = phraseAt(tokens, i);
            if (phrase.isPresent()) {
                found.add((long) phrase.get().days());
                i += phrase.get().tokens().size();
                continue;
            }
            int used = countAndUnitAt(tokens, i, found);
            i += Math.max(used, 1);
        }
        return found;
    }

    /** "2 hari", "dua minggu yang lalu", "a few days ago", "seminggu": adds the days, returns the tokens used (0: none). */
    private static int countAndUnitAt(String[] tokens, int start, List<Long> found) {
        String token = tokens[start];
        Long count = null;
        int next = start + 1;
        if (token.startsWith(SE) && UNITS.containsKey(token.substring(SE.length()))) {
            count = 1L;
            next = start;
            token = token.substring(SE.length());
        } else if (UP_TO_FOUR_DIGITS.matcher(token).matches()) {
            count = Long.parseLong(token);
        } else if (COUNTS.containsKey(token)) {
            count = (long) COUNTS.get(token);
            if (COUNTS.get(token) == 1 && next < tokens.length && COUNTS.containsKey(tokens[next]) && COUNTS.get(tokens[next]) == 2) {
                count = 2L; // "a few"
                next++;
            }
        }
        if (count == null) {
            return 0;
        }
        String unitToken = next == start ? token : next < tokens.length ? tokens[next] : null;
        Integer unit = unitToken == null ? null : UNITS.get(unitToken);
        if (unit == null) {
            return 0;
        }
        found.add(unit == HOURS ? (count + 23) / 24 : count * unit);
        int end = next + 1;
        while (end < tokens.length && AGO.contains(tokens[end])) {
            end++;
        }
        return end - start;
    }

    /** "Sabtu", "hari Minggu kemarin", "malam Minggu", "last Friday": adds the days, returns the tokens used (0: none). */
    private static int weekdayAt(String[] tokens, int start, DayOfWeek today, List<Long> found) {
        int at = start;
        boolean last = tokens[at].equals(AnswerText.normalize("last"));
        boolean eve = tokens[at].equals(EVE);
        boolean dayWord = DAY_WORDS.contains(tokens[at]);
        if ((last || eve || dayWord) && at + 1 < tokens.length) {
            at++;
        }
        DayOfWeek day = WEEKDAYS.get(tokens[at]);
        boolean sundayWord = tokens[at].equals(SUNDAY_OR_WEEK);
        if (day == null && sundayWord && (at > start || at + 1 < tokens.length && TIMES_OF_DAY.contains(tokens[at + 1]))) {
            day = DayOfWeek.SUNDAY;
        }
        if (day == null) {
            return 0;
        }
        if (eve && at > start) {
            day = day.minus(1); // "malam Minggu": the evening before Sunday
        }
        int end = at + 1;
        while (end < tokens.length && (TIMES_OF_DAY.contains(tokens[end]) || EARLIER.contains(tokens[end]) || AGO.contains(tokens[end]))) {
            last |= EARLIER.contains(tokens[end]);
            end++;
        }
        long days = Math.floorMod(today.getValue() - day.getValue(), 7);
        found.add(days == 0 && last ? 7 : days);
        return end - start;
    }

    private static Optional<Phrase> phraseAt(String[] tokens, int start) {
        for (Phrase phrase : PHRASES) {
            int size = phrase.tokens().size();
            if (start + size <= tokens.length && Arrays.asList(tokens).subList(start, start + size).equals(phrase.tokens())) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    /** Normalised words, digits split from letters ("2hari" is "2 hari"). */
    static String[] tokens(String typed) {
        String text = LETTER_THEN_DIGIT.matcher(DIGIT_THEN_LETTER.matcher(AnswerText.normalize(typed)).replaceAll("$1 $2")).replaceAll("$1 $2");
        String trimmed = NON_WORD.matcher(text).replaceAll(" ").trim();
        return trimmed.isEmpty() ? new String[0] : trimmed.split(" ");
    }

    private record Phrase(List<String> tokens, int days) {
    }

    private static List<Phrase> phrases(Map<String, Integer> byText) {
        return byText.entrySet().stream().map(entry -> new Phrase(List.of(tokens(entry.getKey())), entry.getValue()))
                .sorted(Comparator.comparingInt((Phrase phrase) -> -phrase.tokens().size())).toList();
    }

    private static <V> Map<String, V> normalizedKeys(Map<String, V> byWord) {
        Map<String, V> result = new HashMap<>();
        byWord.forEach((word, value) -> result.put(AnswerText.normalize(word), value));
        return Map.copyOf(result);
    }

    private static List<String> normalized(List<String> words) {
        return words.stream().map(AnswerText::normalize).toList();
    }
}
