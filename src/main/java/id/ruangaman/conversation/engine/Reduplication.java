package id.ruangaman.conversation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Indonesian reduplication as people type it in chat: the repeated word written with the digit 2 ("dipegang2" for
 * "dipegang-pegang", "diolok2" for "diolok-olok", "dikata2in" for "dikata-katain"; the informal spelling of the KBBI's
 * "kata ulang", common in messaging). The flow's word lists write the repeat out ("dipegang pegang"); this lets both
 * spellings meet, so a survivor who types "aku dipegang2" is read as the word list says. Whole words only; nothing is
 * guessed beyond the repeat: "diraba2" is read as "diraba" (a word of the list) because it says at least that.
 */
final class Reduplication {

    /** A typed word repeated with the digit 2, with an optional suffix after it ("dikata2in"): stem, then suffix. */
    private static final Pattern TYPED = Pattern.compile("(\\p{L}{2,})2(\\p{L}*)");
    /** Suffixes that may follow the repeat ("kata-katain", "olok-olokan", "kos-kosan"); a longer tail is another word. */
    private static final Set<String> SUFFIXES = Set.of("", "an", "in", "i", "kan", "nya", "annya");
    /** The shortest repeated part: "rumah mahasiswa" repeats nothing, and two letters ("saya ya") are too few. */
    private static final int SHORTEST_REPEAT = 3;

    private Reduplication() {
    }

    /**
     * The phrase's words as written, and, when it writes a repeat out ("dipegang pegang"), the same words with the
     * repeat in its chat spelling ("dipegang2").
     */
    static List<List<String>> forms(List<String> words) {
        List<String> short2 = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < words.size(); i++) {
            String joined = i + 1 < words.size() ? joined(words.get(i), words.get(i + 1)) : null;
            if (joined != null) {
                short2.add(joined);
                changed = true;
                i++;
            } else {
                short2.add(words.get(i));
            }
        }
        return changed ? List.of(words, short2) : List.of(words);
    }

    /**
     * Whether typed words say a phrase's words: equal word for word, where a typed repeat ("diraba2") also says its
     * plain word ("diraba").
     */
    static boolean sameWords(List<String> typed, List<String> wanted) {
        for (int i = 0; i < typed.size(); i++) {
            if (!says(typed.get(i), wanted.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether one typed word says a phrase's word: the same word, or its repeat in the chat spelling ("diraba2"). */
    static boolean says(String typed, String wanted) {
        return typed.equals(wanted) || wanted.equals(plain(typed));
    }

    /** The plain word a typed word ending in the repeat's 2 says ("diraba2": "diraba"), or null for any other word. */
    static String plain(String typed) {
        return typed.endsWith("2") && TYPED.matcher(typed).matches() ? typed.substring(0, typed.length() - 1) : null;
    }

    /** "dipegang" + "pegang" is "dipegang2"; "dikata" + "katain" is "dikata2in"; null when the second repeats nothing. */
    private static String joined(String first, String second) {
        for (int length = Math.min(first.length(), second.length()); length >= SHORTEST_REPEAT; length--) {
            String repeat = second.substring(0, length);
            if (first.endsWith(repeat) && SUFFIXES.contains(second.substring(length))
                    && repeat.chars().allMatch(Character::isLetter)) {
                return first + "2" + second.substring(length);
            }
        }
        return null;
    }
}
