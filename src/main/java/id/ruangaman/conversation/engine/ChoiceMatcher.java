package id.ruangaman.conversation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
            if (choice.id().equals(text)
                    || choice.label().values().values().stream().anyMatch(label -> normalize(label).equals(text))
                    || choice.words().contains(text)) {
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

    static String normalize(String text) {
        // Phone keyboards type "-" where labels use "–" or "—", and spaces around dashes vary.
        return text.toLowerCase(Locale.ROOT).replace("✓", "").replaceAll("\\s*[\u2010-\u2015\u2212-]\\s*", "-")
                .trim().replaceAll("\\s+", " ").replaceAll("[.!]+$", "");
    }
}
