package id.ruangaman.texts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import id.ruangaman.conversation.definition.LocalizedText;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The one check of a text file's shape and wording (see {@link TextFile} for the schema). It collects every
 * problem, each as {@code text 'key' has no 'en'}, and reports them together:
 * <ul>
 * <li>the top level is a map of texts and groups, or one text;</li>
 * <li>a text has Bahasa Indonesia ({@code id}) and English ({@code en}), neither blank; any other key of a text is a
 * language code (two or three lower-case letters) with a text that is not blank either;</li>
 * <li>every language of a text has the same {@code {placeholders}} as the Bahasa Indonesia one;</li>
 * <li>a group holds only texts, and is not empty;</li>
 * <li>no key contains a dot (a text in a group is named {@code group.key}).</li>
 * </ul>
 */
final class TextLint {

    static final List<String> REQUIRED_LANGUAGES = List.of(TextFile.DEFAULT_LANGUAGE, "en");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final List<String> problems = new ArrayList<>();

    /** The texts of a file's top level, keyed as {@link TextFile#texts()} says; problems are collected. */
    Map<String, LocalizedText> texts(JsonNode root) {
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        if (root == null || !root.isObject() || root.isEmpty()) {
            problems.add("the file must be a map of texts {id: ..., en: ...} (or groups of them)");
        } else if (isText(root)) {
            text("", root).ifPresent(text -> texts.put("", text));
        } else {
            root.fields().forEachRemaining(entry -> entry(entry.getKey(), entry.getValue(), texts));
        }
        return texts;
    }

    private void entry(String key, JsonNode value, Map<String, LocalizedText> texts) {
        if (key.contains(".")) {
            problems.add("key '" + key + "' may not contain '.' (a text in a group is named group.key)");
        } else if (isText(value)) {
            text(key, value).ifPresent(text -> texts.put(key, text));
        } else if (value.isObject() && !value.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = value.fields(); members.hasNext();) {
                Map.Entry<String, JsonNode> member = members.next();
                String memberKey = key + "." + member.getKey();
                if (member.getKey().contains(".")) {
                    problems.add("key '" + memberKey + "' may not contain '.' (a text in a group is named group.key)");
                } else if (isText(member.getValue())) {
                    text(memberKey, member.getValue()).ifPresent(text -> texts.put(memberKey, text));
                } else {
                    problems.add("'" + memberKey + "' is not a text {id: ..., en: ...}");
                }
            }
        } else {
            problems.add("'" + key + "' is not a text {id: ..., en: ...} or a group of texts");
        }
    }

    /** A map with a key of a required language: a text (even when a language is missing or blank). */
    private static boolean isText(JsonNode node) {
        return node.isObject() && REQUIRED_LANGUAGES.stream().anyMatch(node::has);
    }

    private Optional<LocalizedText> text(String key, JsonNode node) {
        String name = key.isEmpty() ? "the text" : "text '" + key + "'";
        int before = problems.size();
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            String language = entry.getKey();
            if (!LANGUAGE.matcher(language).matches()) {
                problems.add(name + " has '" + language + "', which is not a language code");
            } else if (!entry.getValue().isTextual()) {
                problems.add(name + " has no text in '" + language + "'");
            } else if (entry.getValue().asText().isBlank()) {
                problems.add(name + " has a blank '" + language + "'");
            } else {
                values.put(language, entry.getValue().asText());
            }
        });
        for (String language : REQUIRED_LANGUAGES) {
            if (!node.has(language)) {
                problems.add(name + " has no '" + language + "'");
            }
        }
        if (values.containsKey(TextFile.DEFAULT_LANGUAGE)) {
            Set<String> expected = TextFile.placeholders(values.get(TextFile.DEFAULT_LANGUAGE));
            values.forEach((language, text) -> {
                if (!TextFile.placeholders(text).equals(expected)) {
                    problems.add(name + " has placeholders " + expected + " in '" + TextFile.DEFAULT_LANGUAGE + "' but "
                            + TextFile.placeholders(text) + " in '" + language + "'");
                }
            });
        }
        return problems.size() == before ? Optional.of(new LocalizedText(values)) : Optional.empty();
    }

    /** @throws ConfigurationException listing every problem found, with the file */
    void failIfAny(Path file) {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(report(file, problems));
        }
    }

    /** One line per problem, each starting with the file: {@code conversations/_notices.yaml: text 'x' has no 'en'}. */
    static String report(Path file, List<String> problems) {
        return String.join("\n", problems.stream().map(problem -> file + ": " + problem).toList());
    }
}
