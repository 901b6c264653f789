package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Each fixture in {@code broken/} is rejected with exactly these messages, and every fixture has an expectation. */
class BrokenFlowsTest {

    private static final Path DIR = Path.of("src/test/resources/conversation/broken");

    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("unreachable_node.yaml", List.of(
                    "unreachable_node.yaml: node 'orphan': unreachable node")),
            Map.entry("dangling_exit.yaml", List.of(
                    "dangling_exit.yaml: node 'ask_colour': dangling exit 'red' -> 'nowhere'")),
            Map.entry("missing_translation.yaml", List.of(
                    "missing_translation.yaml: node 'ask_name': missing translation 'en' in 'text'")),
            Map.entry("no_invalid_path.yaml", List.of(
                    "no_invalid_path.yaml: node 'ask_name': question without an invalid-answer path")),
            Map.entry("reused_option_id.yaml", List.of(
                    "reused_option_id.yaml: node 'ask_colour': reused option id 'red'")),
            Map.entry("unknown_field.yaml", List.of(
                    "unknown_field.yaml: node 'ask_name': unknown field 'hint'",
                    "unknown_field.yaml: unknown field 'author'")),
            Map.entry("callback_too_long.yaml", List.of(
                    "callback_too_long.yaml: node 'ask_colour': callback data "
                            + "'ask_colour:blue_but_a_very_long_option_id_for_telegram_buttons' is 62 bytes (max 60)")),
            Map.entry("duplicate_node_id.yaml", List.of(
                    "duplicate_node_id.yaml: node 'bye': duplicate node id 'bye'")),
            Map.entry("missing_start.yaml", List.of(
                    "missing_start.yaml: missing start node 'begin'")),
            Map.entry("duplicate_answer_key.yaml", List.of(
                    "duplicate_answer_key.yaml: node 'ask_colour': duplicate answer key 'name'")),
            Map.entry("missing_message.yaml", List.of(
                    "missing_message.yaml: missing message 'help'",
                    "missing_message.yaml: unknown message 'helpp'")),
            Map.entry("unsupported_spec_version.yaml", List.of(
                    "unsupported_spec_version.yaml: unsupported spec_version 2 (supported: 1)")),
            Map.entry("option_without_exit.yaml", List.of(
                    "option_without_exit.yaml: node 'ask_colour': option 'blue' has no exit and node has no 'next'")),
            Map.entry("reserved_option_id.yaml", List.of(
                    "reserved_option_id.yaml: node 'ask_colour': reserved option id 'skip'")),
            Map.entry("unknown_kind.yaml", List.of(
                    "unknown_kind.yaml: node 'ask_colour': invalid value for 'kind'")),
            Map.entry("text_by_unknown_answer.yaml", List.of(
                    "text_by_unknown_answer.yaml: node 'ask_colour': text_by refers to unknown answer 'mood'")),
            Map.entry("words_before_consent.yaml", List.of(
                    "words_before_consent.yaml: 'messages.help' (id) is sent before consent and contains 'lapor'",
                    "words_before_consent.yaml: node 'about': 'text' (id) is sent before consent and contains 'kekerasan'")),
            Map.entry("invalid_yaml.yaml", List.of(
                    "invalid_yaml.yaml: invalid YAML at line 4")));

    @TestFactory
    Stream<DynamicTest> shouldRejectEachBrokenFlowWithItsExactMessages() {
        return EXPECTED.keySet().stream().sorted().map(file -> DynamicTest.dynamicTest(file, () -> {
            FlowException error = assertThrows(FlowException.class,
                    () -> new FlowLoader().load(file, Files.readAllBytes(DIR.resolve(file))));
            assertEquals(EXPECTED.get(file), error.problems().stream().map(LintProblem::toString).toList());
            assertEquals(String.join("\n", EXPECTED.get(file)), error.getMessage());
        }));
    }

    @Test
    void shouldHaveAnExpectationForEveryBrokenFixture() throws IOException {
        Set<String> files;
        try (Stream<Path> listing = Files.list(DIR)) {
            files = listing.map(path -> path.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(EXPECTED.keySet()), files);
    }
}
