package id.ruangaman.conversation.definition;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Words a person may type, per language ({@code {id: [mahasiswi], en: [student]}}), as an option's {@code words} and a
 * question's {@code too_broad} hold them.
 */
final class WordLists {

    private WordLists() {
    }

    /** An unmodifiable copy in language order: a missing map is empty, a missing list is empty, null words are dropped. */
    static Map<String, List<String>> copyOf(Map<String, List<String>> words) {
        Map<String, List<String>> given = new TreeMap<>();
        if (words != null) {
            words.forEach((language, list) -> given.put(language, list == null ? List.of()
                    : list.stream().filter(word -> word != null).toList()));
        }
        return Map.copyOf(given);
    }

    /** Every word, in any language (languages in code order), each once. */
    static List<String> all(Map<String, List<String>> words) {
        Set<String> all = new LinkedHashSet<>();
        new TreeMap<>(words).values().forEach(all::addAll);
        return List.copyOf(all);
    }
}
