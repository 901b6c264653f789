package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each fixture in {@code broken/} is rejected with exactly these messages, and every fixture has an expectation. */
class BrokenFlowsTest {

    private static final Path DIR = Path.of("src/test/resources/conversation/broken");

    /** Each broken flow, labelled with the lint problems it must produce, in order. */
    static Stream<Arguments> brokenFlows() {
        return Stream.of(
                Arguments.of("unreachable_node.yaml", List.of(
                        "unreachable_node.yaml: node 'orphan': unreachable node")),
                Arguments.of("dangling_exit.yaml", List.of(
                        "dangling_exit.yaml: node 'ask_colour': dangling exit 'red' -> 'nowhere'")),
                Arguments.of("missing_translation.yaml", List.of(
                        "missing_translation.yaml: node 'ask_name': missing translation 'en' in 'text'")),
                Arguments.of("no_invalid_path.yaml", List.of(
                        "no_invalid_path.yaml: node 'ask_name': question without an invalid-answer path")),
                Arguments.of("reused_option_id.yaml", List.of(
                        "reused_option_id.yaml: node 'ask_colour': reused option id 'red'")),
                // YAML reads an unquoted yes, no, on, off as true or false: the English "yes" was lost so (session 55)
                Arguments.of("unquoted_yes_no.yaml", List.of(
                        "unquoted_yes_no.yaml: node 'hello': 'true' at nodes[0].text.en: YAML reads an unquoted "
                                + "yes, no, on or off as true or false; write the word in quotes (\"yes\", \"off\")",
                        "unquoted_yes_no.yaml: node 'ask_colour': 'true' at nodes[2].options[0].words.en[0]: YAML reads an unquoted "
                                + "yes, no, on or off as true or false; write the word in quotes (\"yes\", \"off\")",
                        "unquoted_yes_no.yaml: node 'ask_colour': 'false' at nodes[2].options[1].words.en[1]: YAML reads an unquoted "
                                + "yes, no, on or off as true or false; write the word in quotes (\"yes\", \"off\")")),
                Arguments.of("unknown_field.yaml", List.of(
                        "unknown_field.yaml: node 'ask_name': unknown field 'hint'",
                        "unknown_field.yaml: unknown field 'author'")),
                Arguments.of("callback_too_long.yaml", List.of(
                        "callback_too_long.yaml: node 'ask_colour': callback data "
                                        + "'ask_colour:blue_but_a_very_long_option_id_for_telegram_buttons' is 62 bytes (max 60)")),
                Arguments.of("duplicate_node_id.yaml", List.of(
                        "duplicate_node_id.yaml: node 'bye': duplicate node id 'bye'")),
                Arguments.of("missing_start.yaml", List.of(
                        "missing_start.yaml: missing start node 'begin'")),
                Arguments.of("duplicate_answer_key.yaml", List.of(
                        "duplicate_answer_key.yaml: node 'ask_colour': duplicate answer key 'name'")),
                Arguments.of("missing_message.yaml", List.of(
                        "missing_message.yaml: missing message 'help'",
                        "missing_message.yaml: unknown message 'helpp'")),
                Arguments.of("unsupported_spec_version.yaml", List.of(
                        "unsupported_spec_version.yaml: unsupported spec_version 2 (supported: 1)")),
                Arguments.of("option_without_exit.yaml", List.of(
                        "option_without_exit.yaml: node 'ask_colour': option 'blue' has no exit and node has no 'next'")),
                Arguments.of("reserved_option_id.yaml", List.of(
                        "reserved_option_id.yaml: node 'ask_colour': reserved option id 'skip'")),
                Arguments.of("unknown_kind.yaml", List.of(
                        "unknown_kind.yaml: node 'ask_colour': invalid value for 'kind'")),
                Arguments.of("unanswered_condition.yaml", List.of(
                        "unanswered_condition.yaml: condition 'both_ways': 'unanswered: true' goes with 'answer' and without 'any_of'",
                        "unanswered_condition.yaml: condition 'says_false': 'unanswered: true' goes with 'answer' and without 'any_of'",
                        "unanswered_condition.yaml: condition 'unknown_key' refers to unknown answer 'mood'",
                        "unanswered_condition.yaml: condition 'nested_wrong': a clause takes exactly one of 'any', 'all', or 'answer' with 'any_of'",
                        "unanswered_condition.yaml: condition 'any_and_all': a clause takes exactly one of 'any', 'all', or 'answer' with 'any_of'",
                        "unanswered_condition.yaml: condition 'all_unknown_key' refers to unknown answer 'mood'")),
                Arguments.of("text_by_unknown_answer.yaml", List.of(
                        "text_by_unknown_answer.yaml: node 'ask_colour': text_by refers to unknown answer 'mood'")),
                Arguments.of("words_before_consent.yaml", List.of(
                        "words_before_consent.yaml: node 'about': 'text' (id) begins a message to a discreet chat and its first line shows 'kekerasan'",
                        "words_before_consent.yaml: 'messages.help' (id) is sent before consent and contains 'lapor'",
                        "words_before_consent.yaml: node 'about': 'text' (id) is sent before consent and contains 'kekerasan'")),
                Arguments.of("discreet_first_line.yaml", List.of(
                        "discreet_first_line.yaml: 'messages.selected' (en) begins a message to a discreet chat and its first line shows '{selected}'",
                        "discreet_first_line.yaml: 'messages.selected' (id) begins a message to a discreet chat and its first line shows '{selected}'",
                        "discreet_first_line.yaml: node 'ask_name': 'reprompt' (id) begins a message to a discreet chat and its first line shows 'Contoh Layanan'",
                        "discreet_first_line.yaml: node 'bye': 'text' (id) begins a message to a discreet chat and its first line shows 'kekerasan'")),
                Arguments.of("fields_of_kinds.yaml", List.of(
                        "fields_of_kinds.yaml: missing field 'messages'",
                        "fields_of_kinds.yaml: told_early is on 2 questions; a flow has one story question",
                        "fields_of_kinds.yaml: node 'hello': field 'skippable' does not apply to kind 'message'",
                        "fields_of_kinds.yaml: node 'ask_name': field 'options' does not apply to kind 'text'",
                        "fields_of_kinds.yaml: node 'ask_name': field 'accept' does not apply to kind 'text'",
                        "fields_of_kinds.yaml: node 'ask_name': field 'told_early' does not apply to kind 'text'",
                        "fields_of_kinds.yaml: node 'ask_name': told_early needs 'kept', 'kept_more' and 'carried'",
                        "fields_of_kinds.yaml: node 'ask_tea': field 'sets_language' does not apply to kind 'yes_no'",
                        "fields_of_kinds.yaml: node 'ask_tea': on_later_again needs on_later",
                        "fields_of_kinds.yaml: node 'ask_files': text_by variant 'maybe' is not an option of 'ask_tea'",
                        "fields_of_kinds.yaml: node 'ask_files': field 'media_refused' does not apply to kind 'media'",
                        "fields_of_kinds.yaml: node 'ask_files': missing field 'accept'",
                        "fields_of_kinds.yaml: node 'check': field 'text' does not apply to kind 'branch'",
                        "fields_of_kinds.yaml: node 'ask_colour': missing field 'options'",
                        "fields_of_kinds.yaml: node 'summary': field 'outcome' does not apply to kind 'summary'",
                        "fields_of_kinds.yaml: node 'summary': field 'skippable' does not apply to kind 'summary'",
                        "fields_of_kinds.yaml: node 'ask_more': unknown language 'fr' in 'told_early.asks_back'",
                        "fields_of_kinds.yaml: node 'hello': field 'key' does not apply to kind 'message'",
                        "fields_of_kinds.yaml: node 'ask_tea': exit for unknown option 'maybe'",
                        "fields_of_kinds.yaml: node 'ask_more': missing field 'next'",
                        "fields_of_kinds.yaml: node 'ask_colour': unreachable node",
                        "fields_of_kinds.yaml: node 'ask_more': unreachable node",
                        "fields_of_kinds.yaml: condition 'likes_tea': 'maybe' is not an option of 'ask_tea'",
                        "fields_of_kinds.yaml: node 'check': a branch needs 'exits: {yes: …}' and 'next'")),
                Arguments.of("on_unclear.yaml", List.of(
                        "on_unclear.yaml: node 'ask_name': field 'on_unclear' does not apply to kind 'text'",
                        "on_unclear.yaml: node 'ask_colour': on_unclear answer 'green' is not an option of this node",
                        "on_unclear.yaml: node 'ask_colour': missing field 'on_unclear.text'",
                        "on_unclear.yaml: node 'ask_colour': on_unclear.harmless needs on_unclear.words or on_unclear.words_anywhere",
                        "on_unclear.yaml: node 'ask_tea': on_unclear.words_anywhere: '(dia|ia datang' has a group of alternatives that"
                                + " does not close, or one inside another: write (a|b|) with no group inside it",
                        "on_unclear.yaml: node 'ask_tea': on_unclear.harmless: '(dia|ia lagi' has a group of alternatives that"
                                + " does not close, or one inside another: write (a|b|) with no group inside it",
                        "on_unclear.yaml: node 'ask_tea': unknown language 'fr' in 'on_unclear.harmless'",
                        "on_unclear.yaml: node 'ask_tea': on_unclear.harmless: 'datang' lies inside 'dia datang', a word of danger,"
                                + " and would hide it wherever it is said",
                        "on_unclear.yaml: node 'ask_tea': on_unclear.harmless: 'dikejar deadline' shares no word with a phrase of"
                                + " on_unclear.words or words_anywhere, so it takes nothing away",
                        "on_unclear.yaml: node 'ask_tea': on_unclear.words_anywhere needs the exit of 'no' to lead to a message",
                        "on_unclear.yaml: node 'ask_tea': dangling exit 'on_unclear.next' -> 'nowhere'",
                        "on_unclear.yaml: node 'ask_tea': missing translation 'en' in 'on_unclear.text'")),
                Arguments.of("too_broad.yaml", List.of(
                        "too_broad.yaml: node 'ask_name': field 'too_broad' does not apply to kind 'text'",
                        "too_broad.yaml: node 'ask_name': missing field 'too_broad.words'",
                        "too_broad.yaml: node 'ask_food': field 'too_broad.over_options' does not apply to kind 'multi_choice'",
                        "too_broad.yaml: node 'ask_food': missing field 'too_broad.text'",
                        "too_broad.yaml: node 'ask_colour': unknown language 'fr' in 'too_broad.words'",
                        "too_broad.yaml: node 'ask_colour': broad word 'MERAH TUA!' is a typed answer of option 'red'",
                        "too_broad.yaml: node 'ask_colour': broad word 'biru' is a typed answer of option 'blue'",
                        "too_broad.yaml: node 'ask_colour': missing translation 'en' in 'too_broad.text'")),
                Arguments.of("answer_words.yaml", List.of(
                        "answer_words.yaml: node 'ask_colour': field 'answer_words' does not apply to kind 'single_choice'",
                        "answer_words.yaml: node 'ask_safe': unknown language 'fr' in 'answer_words.no'",
                        "answer_words.yaml: node 'ask_safe': answer_words: 'sudah aman' means both 'no' and 'yes'",
                        "answer_words.yaml: node 'ask_safe': answer_words: 'maybe' is not an answer of a yes/no question (yes, no, unclear)")),
                Arguments.of("secret.yaml", List.of(
                        "secret.yaml: node 'ask_colour': field 'secret' does not apply to kind 'single_choice'",
                        "secret.yaml: node 'ask_word': missing translation 'en' in 'secret'")),
                Arguments.of("typed_words.yaml", List.of(
                        "typed_words.yaml: node 'ask_colour': unknown language 'fr' in 'options.red.words'",
                        "typed_words.yaml: node 'ask_colour': typed word 'Biru' belongs to options 'blue' and 'red'",
                        "typed_words.yaml: node 'ask_colour': typed word 'MERAH TUA!' belongs to options 'red' and 'blue'",
                        "typed_words.yaml: node 'ask_colour': typed word '12' of option 'blue' is a number "
                                + "(a typed number picks the option at that position; use 'number')",
                        "typed_words.yaml: node 'ask_colour': whole-answer word '=kak sih' of option 'green' is only address "
                                + "words or particles (kak, aja, sih ...), which a whole answer may carry around it",
                        "typed_words.yaml: node 'ask_colour': 'number' of options 'red' and 'blue' overlap",
                        "typed_words.yaml: node 'ask_colour': invalid 'days_ago' of option 'green' (needs min or max, 0 or more, min <= max)",
                        "typed_words.yaml: node 'ask_food': option field 'days_ago' applies to single_choice only")),
                Arguments.of("invalid_yaml.yaml", List.of(
                        "invalid_yaml.yaml: invalid YAML at line 4")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFlows")
    void shouldRejectTheBrokenFlowWithItsExactMessages(String file, List<String> problems) {
        FlowException error = assertThrows(FlowException.class,
                () -> new FlowLoader().load(file, Files.readAllBytes(DIR.resolve(file))));
        assertEquals(problems, error.problems().stream().map(LintProblem::toString).toList());
        assertEquals(String.join("\n", problems), error.getMessage());
    }

    @Test
    void shouldHaveAnExpectationForEveryBrokenFixture() throws IOException {
        Set<String> files;
        try (Stream<Path> listing = Files.list(DIR)) {
            files = listing.map(path -> path.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> labelled = brokenFlows().map(arguments -> (String) arguments.get()[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(labelled, files);
    }
}
