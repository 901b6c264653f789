package id.ruangaman.conversation.text;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Indonesian and English month names, full and short (lower-case). */
final class MonthNames {

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        add(1, "januari", "january", "jan");
        add(2, "februari", "pebruari", "february", "feb", "peb");
        add(3, "maret", "march", "mar");
        add(4, "april", "apr");
        add(5, "mei", "may");
        add(6, "juni", "june", "jun");
        add(7, "juli", "july", "jul");
        add(8, "agustus", "august", "agu", "agt", "ags", "aug");
        add(9, "september", "sep", "sept");
        add(10, "oktober", "october", "okt", "oct");
        add(11, "november", "nov", "nop");
        add(12, "desember", "december", "des", "dec");
    }

    private MonthNames() {
    }

    private static void add(int month, String... names) {
        for (String name : names) {
            MONTHS.put(name, month);
        }
    }

    static OptionalInt month(String word) {
        Integer month = MONTHS.get(word);
        return month == null ? OptionalInt.empty() : OptionalInt.of(month);
    }
}
