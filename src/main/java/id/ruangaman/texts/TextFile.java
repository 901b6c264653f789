package id.ruangaman.texts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import id.ruangaman.conversation.definition.LocalizedText;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * One text file of the conversations folder ({@code conversations/_*.yaml}: notices, referral texts, canned replies,
 * the legal notice), read with one schema and checked with one lint ({@link TextLint}). The schema:
 *
 * <pre>
 * key:                      # a text: language code -> text; id (Bahasa Indonesia) and en (English) required
 *   id: "Halo, {name}."
 *   en: "Hello, {name}."
 * group:                    # or a group of texts, one level deep (a canned reply's title and text)
 *   title: {id: "…", en: "…"}
 *   text: {id: "…", en: "…"}
 * </pre>
 *
 * A file may instead be one text at its top level ({@code _legal_notice.yaml}: {@code id:} and {@code en:}), kept
 * under the key {@code ""}. Keys {@code id} and {@code en} always mean languages. Texts in a group are keyed
 * {@code group.key}. Order is the file's order.
 */
public final class TextFile {

    /** Bahasa Indonesia: the language a text falls back to when it has none in the reader's language. */
    public static final String DEFAULT_LANGUAGE = "id";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A plain {name} reference, as the services fill them; Qute sections ({#when}, {/when}) are not placeholders. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)\\}");

    /** Jackson's report of a key written twice, which would silently hide the first text. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '([^']*)'");

    private final Path file;
    private final Map<String, LocalizedText> texts;

    private TextFile(Path file, Map<String, LocalizedText> texts) {
        this.file = file;
        this.texts = Collections.unmodifiableMap(texts);
    }

    /**
     * Reads and lints a text file.
     *
     * @throws ConfigurationException naming the file (and each key with a problem) when it is missing, is not YAML,
     *                                or breaks the schema or the lint
     */
    public static TextFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("The text file " + file.toAbsolutePath() + " is missing");
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            throw new ConfigurationException(file + ": " + (duplicate.find() ? "duplicate key '" + duplicate.group(1) + "'" : "invalid YAML") + where);
        } catch (IOException e) {
            throw new ConfigurationException(file + " cannot be read: " + e.getClass().getSimpleName());
        }
        TextLint lint = new TextLint();
        Map<String, LocalizedText> texts = lint.texts(root);
        lint.failIfAny(file);
        return new TextFile(file, texts);
    }

    /** The file when it exists ({@link #read} when it does), else empty: for optional files. */
    public static Optional<TextFile> readIfPresent(Path file) {
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Every text by key ({@code group.key} inside a group, {@code ""} for a whole-file text), in file order. */
    public Map<String, LocalizedText> texts() {
        return texts;
    }

    /**
     * The file's one text, for a file that is a single text at its top level ({@code id:} and {@code en:}).
     *
     * @throws ConfigurationException naming the file when it holds keyed texts instead
     */
    public LocalizedText single() {
        LocalizedText text = texts.get("");
        if (text == null) {
            failIfAny(List.of("the file must be one text: 'id:' and 'en:' at the top level"));
        }
        return text;
    }

    /** The top-level keys (text or group names), in file order. */
    public List<String> keys() {
        return texts.keySet().stream().map(key -> key.contains(".") ? key.substring(0, key.indexOf('.')) : key)
                .distinct().toList();
    }

    /** The texts of a group by their key inside it ({@code title}, {@code text}); empty for a plain text. */
    public Map<String, LocalizedText> group(String key) {
        Map<String, LocalizedText> group = new LinkedHashMap<>();
        texts.forEach((k, text) -> {
            if (k.startsWith(key + ".")) {
                group.put(k.substring(key.length() + 1), text);
            }
        });
        return group;
    }

    /**
     * Checks that each of {@code keys} is a text of this file.
     *
     * @throws ConfigurationException naming the file and every missing key
     */
    public TextFile require(Collection<String> keys) {
        List<String> problems = new ArrayList<>();
        keys.stream().filter(key -> !texts.containsKey(key)).forEach(key -> problems.add("text '" + key + "' is missing"));
        return failIfAny(problems);
    }

    /**
     * Checks that every top-level key is one of {@code keys}, so a misspelt key is not silently ignored.
     *
     * @throws ConfigurationException naming the file and every unknown key
     */
    public TextFile allowOnly(Collection<String> keys) {
        List<String> problems = new ArrayList<>();
        keys().stream().filter(key -> !keys.contains(key)).forEach(key -> problems.add("unknown key '" + key + "'"));
        return failIfAny(problems);
    }

    /**
     * Checks that every top-level key is a group of exactly the texts {@code members} (a canned reply: title, text).
     *
     * @throws ConfigurationException naming the file and each key that is not such a group
     */
    public TextFile groupsOf(List<String> members) {
        return groupsOf(members, List.of());
    }

    /**
     * Checks that every top-level key is a group of the texts {@code members} and, where given, some of
     * {@code optional} (a canned reply: title, text, and a text for when the person already gave safe times).
     *
     * @throws ConfigurationException naming the file and each key that is not such a group
     */
    public TextFile groupsOf(List<String> members, List<String> optional) {
        List<String> problems = new ArrayList<>();
        for (String key : keys()) {
            Set<String> parts = group(key).keySet();
            if (!parts.containsAll(members) || parts.stream().anyMatch(p -> !members.contains(p) && !optional.contains(p))) {
                problems.add("'" + key + "' must be a group of exactly the texts " + members
                        + (optional.isEmpty() ? "" : ", optionally with " + optional));
            }
        }
        return failIfAny(problems);
    }

    private TextFile failIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(TextLint.report(file, problems));
        }
        return this;
    }

    /**
     * The text of {@code key} in {@code language} (Bahasa Indonesia when it has none), with {placeholders} filled.
     * A null language (the person has not chosen one yet) gives the text in Bahasa Indonesia, then in English.
     */
    public String text(String key, String language, Map<String, String> values) {
        LocalizedText text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text '" + key + "' in " + file.getFileName());
        }
        return fill(language == null ? text.inEvery(TextLint.REQUIRED_LANGUAGES) : text.in(language, DEFAULT_LANGUAGE), values);
    }

    /** {@code text} with each {@code {name}} replaced by {@code values.get(name)}; other braces stay. */
    public static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    /** The names of the {@code {placeholders}} in a text, sorted: what the lint compares between languages. */
    public static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher match = PLACEHOLDER.matcher(text);
        while (match.find()) {
            names.add(match.group(1));
        }
        return names;
    }
}
