package id.ruangaman.conversation.definition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A phrase of {@code words_anywhere} written with alternatives, as the phrases it stands for: each group in parentheses
 * is one of its words, separated by {@code |}, an empty one for none, so "(aku|gw) (bakal|) bunuh (kamu|lo)" is "aku bakal
 * bunuh kamu", "aku bunuh kamu", "gw bunuh lo" and the rest, eight phrases. A threat is written in many spellings and
 * word orders ("gw bakal bunuh lo", "aku akan bunuh kamu"); written out one by one they were thousands of lines that no
 * volunteer could read or keep. Groups do not nest; a phrase whose parentheses do not close is kept as written, and the
 * flow's lint names it ({@code NodeFieldsRule}).
 */
final class PhraseAlternatives {

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern BAR = java.util.regex.Pattern.compile("\\|");

    private PhraseAlternatives() {
    }

    /** Every list of {@code words}, its phrases expanded ({@link #expand}), in order, each once. */
    static Map<String, List<String>> expandAll(Map<String, List<String>> words) {
        Map<String, List<String>> expanded = new TreeMap<>();
        words.forEach((language, list) -> {
            Set<String> phrases = new LinkedHashSet<>();
            if (list != null) {
                list.stream().filter(phrase -> phrase != null).forEach(phrase -> phrases.addAll(expand(phrase)));
            }
            expanded.put(language, List.copyOf(phrases));
        });
        return Map.copyOf(expanded);
    }

    /** The phrases {@code phrase} stands for, in the order its alternatives are written; itself when it has none. */
    static List<String> expand(String phrase) {
        if (phrase.indexOf('(') < 0) {
            return List.of(phrase);
        }
        List<String> partial = List.of("");
        int at = 0;
        while (at < phrase.length()) {
            int open = phrase.indexOf('(', at);
            if (open < 0) {
                partial = append(partial, List.of(phrase.substring(at)));
                break;
            }
            int close = phrase.indexOf(')', open);
            if (close < 0 || phrase.substring(open + 1, close).indexOf('(') >= 0) {
                return List.of(phrase); // not closed, or nested: as written, for the lint to name
            }
            partial = append(append(partial, List.of(phrase.substring(at, open))), List.of(BAR.split(phrase.substring(open + 1, close), -1)));
            at = close + 1;
        }
        Set<String> phrases = new LinkedHashSet<>();
        for (String text : partial) {
            String spaced = SPACES.matcher(text.strip()).replaceAll(" ");
            if (!spaced.isEmpty()) {
                phrases.add(spaced);
            }
        }
        return List.copyOf(phrases);
    }

    private static List<String> append(List<String> partial, List<String> alternatives) {
        List<String> next = new ArrayList<>(partial.size() * alternatives.size());
        for (String start : partial) {
            for (String alternative : alternatives) {
                next.add(start + alternative);
            }
        }
        return next;
    }
}
