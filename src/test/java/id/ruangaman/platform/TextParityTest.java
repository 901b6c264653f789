package id.ruangaman.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import id.ruangaman.texts.TextFile;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Every text people read exists in Bahasa Indonesia and English with the same placeholders: the inbox's message
 * bundles ({@code messages/x.properties} against {@code x_en.properties}), the text files of the conversations folder
 * ({@code conversations/_*.yaml}, through the service's own loader and lint, {@link TextFile}) and every translation
 * in the flows ({@code conversations/*.yaml}: a map whose keys are languages, {@code id} and {@code en}). Each folder
 * is listed, so a new bundle or file is covered without changing this test.
 */
class TextParityTest {

    private static final Path BUNDLES = Path.of("src/main/resources/messages");
    private static final Path CONVERSATIONS = Path.of("conversations");
    private static final Set<String> LANGUAGES = Set.of("id", "en");
    /** The {@code _*.yaml} files that hold data, not texts: words to match (a list per language) and the providers. */
    private static final Set<String> DATA_FILES = Set.of("_answer_words.yaml", "_providers.yaml");

    @Test
    void shouldHaveTheSameKeysAndPlaceholdersInEveryBundle() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> bases;
        try (Stream<Path> files = Files.list(BUNDLES)) {
            bases = files.filter(file -> file.getFileName().toString().matches("[a-z]+\\.properties")).sorted().toList();
        }
        assertFalse(bases.isEmpty(), "no message bundles found");
        try (Stream<Path> files = Files.list(BUNDLES)) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith("_en.properties"))
                    .filter(name -> !Files.exists(BUNDLES.resolve(name.replace("_en.properties", ".properties"))))
                    .forEach(name -> problems.add(name + " has no Bahasa Indonesia bundle beside it"));
        }
        for (Path base : bases) {
            Path english = base.resolveSibling(base.getFileName().toString().replace(".properties", "_en.properties"));
            Properties id = load(base);
            Properties en = load(english);
            for (String key : union(id.stringPropertyNames(), en.stringPropertyNames())) {
                String where = base.getFileName() + " / " + english.getFileName() + ": " + key;
                if (!id.containsKey(key) || !en.containsKey(key)) {
                    problems.add(where + " is missing in " + (id.containsKey(key) ? "en" : "id"));
                } else if (!placeholders(id.getProperty(key)).equals(placeholders(en.getProperty(key)))) {
                    problems.add(where + " has placeholders " + placeholders(id.getProperty(key)) + " in id but "
                            + placeholders(en.getProperty(key)) + " in en");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The notices, referral texts, canned replies and the legal notice's example, and any text file added later. */
    @Test
    void shouldPassTheTextLintInEveryTextFileOfTheConversationsFolder() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(CONVERSATIONS)) {
            for (Path file : files.filter(TextParityTest::isTextFile).sorted().toList()) {
                checked.add(file.getFileName().toString());
                try {
                    TextFile.read(file);
                } catch (ConfigurationException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        assertTrue(checked.containsAll(List.of("_notices.yaml", "_referral_texts.yaml", "_canned_replies.yaml",
                "_legal_notice.yaml.example")), "text files found: " + checked);
        assertEquals(List.of(), problems);
    }

    /** {@code _*.yaml} (and the {@code .example} an organisation copies), except the two data files. */
    private static boolean isTextFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("_") && (name.endsWith(".yaml") || name.endsWith(".yaml.example")) && !DATA_FILES.contains(name);
    }

    @Test
    void shouldTranslateEveryFlowTextIntoBothLanguages() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(CONVERSATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !isTextFile(f)).sorted().toList()) {
                check(yaml.readValue(file.toFile(), Object.class), file.getFileName().toString(), problems);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void check(Object node, String path, List<String> problems) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "[" + i + "]", problems);
            }
        } else if (node instanceof Map<?, ?> map) {
            if (isTranslation(map)) {
                for (String language : LANGUAGES) {
                    if (!(map.get(language) instanceof String text) || text.isBlank()) {
                        problems.add(path + ": no " + language + " text");
                    }
                }
                if (map.get("id") instanceof String id && map.get("en") instanceof String en
                        && !placeholders(id).equals(placeholders(en))) {
                    problems.add(path + ": placeholders " + placeholders(id) + " in id but " + placeholders(en) + " in en");
                }
                return;
            }
            map.forEach((key, value) -> check(value, path + "." + key, problems));
        }
    }

    /** Keys only of languages, or a lone {@code id} with text (an English half forgotten), and at least one text. */
    private static boolean isTranslation(Map<?, ?> map) {
        return !map.isEmpty() && LANGUAGES.containsAll(map.keySet()) && map.values().stream().anyMatch(String.class::isInstance);
    }

    private static Set<String> placeholders(String text) {
        return TextFile.placeholders(text);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
