package id.ruangaman.conversation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.text.AnswerText;

/** Matches typed text to a button: its displayed number ("2"), its id, its label in any language, or a known word. */
final class ChoiceMatcher {

    private ChoiceMatcher() {
    }

    static Optional<String> match(String typed, List<ChoiceSpec> choices) {
        String text = normalize(typed);
        if (text.matches("\\d{1,3}")) {
            int index = Integer.parseInt(text) - 1;
            return index >= 0 && index < choices.size() ? Optional.of(choices.get(index).id()) : Optional.empty();
        }
        for (ChoiceSpec choice : choices) {
            if (choice.id().equals(text) || normalize(choice.id()).equals(text)
                    || choice.label().values().values().stream().anyMatch(label -> normalize(label).equals(text))
                    || choice.words().stream().anyMatch(word -> normalize(word).equals(text))) {
                return Optional.of(choice.id());
            }
        }
        return Optional.empty();
    }

    /** Several choices in one message: "1, 3 dan 5", "legal; medical". Empty unless every part matches. */
    static Optional<List<String>> matchAll(String typed, List<ChoiceSpec> choices) {
        Optional<String> single = match(typed, choices);
        if (single.isPresent()) {
            return Optional.of(List.of(single.get()));
        }
        String text = normalize(typed);
        String[] parts = text.matches("[\\d\\s,;]+") ? text.split("[\\s,;]+") : text.split("\\s*(?:[,;]|\\bdan\\b|\\band\\b)\\s*");
        List<String> ids = new ArrayList<>();
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            Optional<String> id = match(part, choices);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            if (!ids.contains(id.get())) {
                ids.add(id.get());
            }
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids);
    }

    /**
     * A yes/no answer in a few words: "iya, setuju 🙏", "ya kak", "nggak mau". The first word decides; a later word
     * meaning the opposite makes it unclear ("iya tidak"), except after a no ("tidak setuju" is a no).
     */
    static Optional<String> matchPhrase(String typed, List<ChoiceSpec> choices) {
        Optional<String> whole = match(typed, choices);
        if (whole.isPresent()) {
            return whole;
        }
        String[] words = normalize(typed).split("[^\\p{L}\\p{N}]+");
        if (words.length < 2) {
            return Optional.empty();
        }
        Optional<ChoiceSpec> first = byWord(words[0], choices);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (!first.get().id().equals(ChoiceIds.NO)) {
            for (int i = 1; i < words.length; i++) {
                Optional<ChoiceSpec> other = byWord(words[i], choices);
                if (other.isPresent() && !other.get().id().equals(first.get().id())) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(first.get().id());
    }

    private static Optional<ChoiceSpec> byWord(String word, List<ChoiceSpec> choices) {
        return choices.stream().filter(choice -> choice.words().stream().anyMatch(w -> normalize(w).equals(word))).findFirst();
    }

    /** {@link AnswerText#normalize}, and the dashes phone keyboards type ("-" where labels use "–" or "—"). */
    static String normalize(String text) {
        return AnswerText.normalize(text.replace("✓", "")).replaceAll("\\s*[\u2010-\u2015\u2212-]\\s*", "-");
    }
}
