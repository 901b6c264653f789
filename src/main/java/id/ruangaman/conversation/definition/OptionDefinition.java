package id.ruangaman.conversation.definition;

import java.util.List;
import java.util.Map;

/**
 * An option of a single_choice or multi_choice node. The id is stored as the answer value. What a person may type
 * instead of tapping it, besides its number, id and label: {@code words} per language ({@code {id: [mahasiswi]}}),
 * and on a single_choice a {@code number} range (a typed age) or a {@code days_ago} range (a typed time ago such as
 * "tadi malam"). See {@code conversations/README.md}, "Typed answers to choices".
 */
public record OptionDefinition(String id, LocalizedText label, Map<String, List<String>> words, NumberRange number,
        NumberRange daysAgo) {

    public OptionDefinition {
        words = WordLists.copyOf(words);
    }

    /** Every typed word of this option, in any language (languages in code order). */
    public List<String> allWords() {
        return WordLists.all(words);
    }
}
