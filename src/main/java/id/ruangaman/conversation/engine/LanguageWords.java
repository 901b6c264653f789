package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A language named in words at a language choice (the flow's {@code sets_language} question, or /bahasa): "english",
 * "inggris", "english please", "pakai bahasa inggris", "indonesia", "bahasa", "en", "id". A reply naming exactly one
 * of the flow's languages chooses it; "bahasa" alone means Bahasa Indonesia, as people say it. Besides the words
 * below, each language's code and its name in itself ({@code messages.language_name}) count.
 */
final class LanguageWords {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Map<String, List<String>> NAMES = Map.of(
            "id", List.of("indonesia", "indonesian", "indo", "bahasa indonesia", "b indo", "ind", "bhs indonesia"),
            "en", List.of("english", "inggris", "inggeris", "bahasa inggris", "bhs inggris", "eng", "englis", "engels"));
    /** Said alone, "bahasa" (language) means Bahasa Indonesia. */
    private static final String BAHASA = "bahasa";

    private LanguageWords() {
    }

    /** At a language question, typed words naming one language become that button; anything else is left as it is. */
    static Reply understood(Turn turn, NodeDefinition node, Reply reply) {
        if (!node.isLanguageChoice() || !(reply instanceof Reply.Typed typed)
                || NodeHandlers.of(node.kind()).chosen(turn, node, reply).isPresent()) {
            return reply; // a button, or typed text the question already understands (kept as typed)
        }
        List<String> offered = node.options().stream().map(option -> option.id()).toList();
        return named(turn, typed.text()).filter(offered::contains).<Reply>map(Reply.Pick::new).orElse(reply);
    }

    /** The one flow language {@code typed} names, if it names exactly one. */
    static Optional<String> named(Turn turn, String typed) {
        String text = " " + NON_WORD.matcher(ChoiceMatcher.normalize(typed)).replaceAll(" ").trim() + " ";
        List<String> found = new ArrayList<>();
        for (String language : turn.flow().languages()) {
            List<String> words = new ArrayList<>(NAMES.getOrDefault(language, List.of()));
            words.add(language);
            words.add(turn.flow().message(MessageKey.LANGUAGE_NAME).in(language, language));
            boolean named = words.stream().map(word -> NON_WORD.matcher(ChoiceMatcher.normalize(word)).replaceAll(" ").trim())
                    .anyMatch(word -> !word.isEmpty() && text.contains(" " + word + " "));
            if (named) {
                found.add(language);
            }
        }
        if (found.isEmpty() && text.contains(" " + BAHASA + " ") && turn.flow().languages().contains("id")) {
            return Optional.of("id");
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
