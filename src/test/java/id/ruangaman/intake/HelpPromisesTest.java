package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.FlowCatalog;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import id.ruangaman.conversation.engine.Command;

/**
 * What the shipped texts promise, held against what the shipped intake shows. The help text (/bantuan) and the
 * questions' own words name buttons ("Lewati", "Selesai") and commands; a survivor who is told "any question can be
 * skipped" and then meets a question without Lewati is left stuck. Each question is asked by the engine itself
 * ({@code repeatCurrent}), so the buttons checked are the ones a person sees, not the file's flags.
 */
class HelpPromisesTest {

    /** Nodes that ask something and wait (the others send a message or choose a way on). */
    private static final Set<NodeKind> ASKING = EnumSet.complementOf(EnumSet.of(NodeKind.MESSAGE, NodeKind.BRANCH, NodeKind.END));
    /** Words that make a sentence about a button a promise for every question. */
    private static final Map<String, List<String>> EVERY = Map.of(
            "id", List.of("apa pun", "apapun", "semua", "setiap", "mana pun", "manapun", "seluruh"),
            "en", List.of("any", "every", "all"));
    /** A sentence about skipping questions: "pertanyaan ... dilewati", "skip ... question". */
    private static final Map<String, Pattern> SKIPPING = Map.of(
            "id", Pattern.compile("pertanyaan.*lewat|lewat.*pertanyaan", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            "en", Pattern.compile("\\bskip.*question|question.*\\bskip", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    /**
     * Telling the person to tap or choose a button: "ketuk Lewati", "pilih Selesai", "tap \"Skip\"", "choose Done" (the
     * words of a question WhatsApp may show as numbered text, where nothing is tapped).
     */
    private static final Map<String, String> TAP = Map.of("id", "(?:ketuk|pilih)", "en", "(?:tap|choose)");
    /** Commands answered before the engine, by the referral's chat seam (ReferralChat), not by {@link Command}. */
    private static final Set<String> REFERRAL_COMMANDS = Set.of("cabut", "withdraw");

    private static ShippedIntake intake;
    private static FlowCatalog catalog;

    @BeforeAll
    static void load() {
        intake = ShippedIntake.load();
        catalog = new FlowCatalog();
        catalog.add(intake.flow);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void aButtonTheHelpPromisesForEveryQuestionIsOnEveryQuestion(String language) {
        String help = message(MessageKey.HELP, language);
        List<String> broken = new ArrayList<>();
        for (MessageKey button : List.of(MessageKey.SKIP, MessageKey.DONE)) {
            String label = message(button, language);
            for (String sentence : sentences(help)) {
                if (!contains(sentence, label) || EVERY.get(language).stream().noneMatch(word -> hasWord(sentence, word))) {
                    continue;
                }
                for (NodeDefinition node : askingNodes()) {
                    if (!buttons(node, language).contains(label)) {
                        broken.add(node.id() + " has no \"" + label + "\", but the help says: " + sentence);
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /**
     * The same promise in words, wherever it is written: "Pertanyaan apa pun boleh dilewati" before consent named no
     * button, yet promised every question a skip. Every shipped text (each node's texts, the flow's messages) is read:
     * a sentence that speaks of skipping questions with a word for "every" holds only while every question has Lewati.
     */
    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void noShippedTextPromisesEveryQuestionASkip(String language) {
        List<String> promises = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (NodeDefinition node : intake.flow.nodes()) {
            for (LocalizedText text : new LocalizedText[] {node.text(), node.discreetText(), node.reprompt(), node.onLater(),
                    node.onLaterAgain()}) {
                if (text != null && text.has(language)) {
                    texts.add(text.in(language, ""));
                }
            }
        }
        for (MessageKey key : MessageKey.values()) {
            texts.add(message(key, language));
        }
        for (String text : texts) {
            for (String sentence : sentences(text)) {
                if (SKIPPING.get(language).matcher(sentence).find() && EVERY.get(language).stream().anyMatch(word -> hasWord(sentence, word))) {
                    promises.add(sentence.strip());
                }
            }
        }
        String label = message(MessageKey.SKIP, language);
        List<String> without = askingNodes().stream().filter(node -> !buttons(node, language).contains(label)).map(NodeDefinition::id).toList();
        assertTrue(texts.size() > 50, "the shipped texts were not found: " + texts.size());
        assertEquals(List.of(), without.isEmpty() ? List.of() : promises, "questions without \"" + label + "\": " + without);
    }

    /** The check of every text catches the old sentence before consent. */
    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void theRuleCatchesTheOldPromiseInWords(String language) {
        String old = "id".equals(language) ? "Kamu tidak harus memakai nama asli. Pertanyaan apa pun boleh dilewati."
                : "You don't have to use your real name. You can skip any question.";
        assertTrue(sentences(old).stream().anyMatch(sentence -> SKIPPING.get(language).matcher(sentence).find()
                && EVERY.get(language).stream().anyMatch(word -> hasWord(sentence, word))));
    }

    /**
     * A promise for a group of questions: "• Lanjut cerita: beberapa pertanyaan lagi … Semuanya boleh dilewati." (send_now)
     * spoke of every question after "Lanjut cerita", yet the offers there ("Mau mengisi data diri?") have no Lewati: they
     * are declined with "Tidak". A sentence that speaks of skipping with a word for "every" ("semuanya", "any of them"),
     * on a line about questions, holds for the questions it speaks of: those reached through the option whose label begins
     * the line ("• Lanjut cerita:"), else every question. Each must show Lewati, or, where the sentence names the no button
     * too ("\"Tidak\""), Lewati or that button. The summary, a check of the answers, is no question here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void aSentencePromisingAGroupOfQuestionsASkipHoldsForEachOfThem(String language) {
        List<String> broken = new ArrayList<>();
        int promises = 0;
        for (NodeDefinition node : intake.flow.nodes()) {
            for (LocalizedText text : new LocalizedText[] {node.text(), node.discreetText(), node.reprompt(), node.onLater(),
                    node.onLaterAgain()}) {
                if (text != null && text.has(language)) {
                    List<String> found = brokenGroupPromises(node, text.in(language, ""), language);
                    promises += found.isEmpty() ? countGroupPromises(text.in(language, ""), language) : 1;
                    broken.addAll(found);
                }
            }
        }
        assertTrue(promises >= 1, "the shipped promise of skips (send_now) was not found: " + promises);
        assertEquals(List.of(), broken);
    }

    /** The group check catches send_now's old sentence, which promised a skip to the offers too. */
    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void theGroupRuleCatchesTheOldSendNowPromise(String language) {
        String old = "id".equals(language)
                ? "• Lanjut cerita: beberapa pertanyaan lagi, kira-kira 5 sampai 10 menit. Semuanya boleh dilewati."
                : "• Tell more: a few more questions, about 5 to 10 minutes. You can skip any of them.";
        List<String> broken = brokenGroupPromises(intake.flow.node("send_now"), old, language);
        assertTrue(broken.stream().anyMatch(problem -> problem.startsWith("biodata_offer ")), broken.toString());
        assertTrue(broken.stream().noneMatch(problem -> problem.startsWith("name ")), "name has Lewati: " + broken);
    }

    /** Words for "every" a group's promise uses, beside {@link #EVERY}: "Semuanya boleh dilewati", "each one". */
    private static final Map<String, List<String>> EVERY_OF_A_GROUP = Map.of(
            "id", List.of("semuanya", "semua", "tiap", "setiap", "apa pun", "apapun", "masing-masing", "seluruhnya"),
            "en", List.of("any", "every", "all", "each"));
    private static final Map<String, String> SKIP_VERB = Map.of("id", "lewat", "en", "skip");
    private static final Map<String, String> QUESTION = Map.of("id", "pertanyaan", "en", "question");

    private static int countGroupPromises(String text, String language) {
        int count = 0;
        for (String line : text.split("\n")) {
            for (String sentence : sentences(line)) {
                count += groupPromise(sentence, line, language) ? 1 : 0;
            }
        }
        return count;
    }

    private static boolean groupPromise(String sentence, String line, String language) {
        return contains(sentence, SKIP_VERB.get(language)) && contains(line, QUESTION.get(language))
                && EVERY_OF_A_GROUP.get(language).stream().anyMatch(word -> hasWord(sentence, word));
    }

    /** The questions each promise of {@code text} (a text of {@code node}) leaves without the button it promises. */
    private static List<String> brokenGroupPromises(NodeDefinition node, String text, String language) {
        List<String> broken = new ArrayList<>();
        String skip = message(MessageKey.SKIP, language);
        String no = message(MessageKey.NO, language);
        for (String line : text.split("\n")) {
            for (String sentence : sentences(line)) {
                if (!groupPromise(sentence, line, language)) {
                    continue;
                }
                boolean orNo = contains(sentence, "\"" + no + "\"");
                for (NodeDefinition question : group(node, line, language)) {
                    List<String> buttons = buttons(question, language);
                    if (!buttons.contains(skip) && !(orNo && buttons.contains(no))) {
                        broken.add(question.id() + " shows " + buttons + ", but " + node.id() + " says: " + sentence.strip());
                    }
                }
            }
        }
        return broken;
    }

    /** The questions a line speaks of: reached through the option of {@code node} whose label begins it, else all. */
    private static List<NodeDefinition> group(NodeDefinition node, String line, String language) {
        String start = line.strip().replaceFirst("^[•*-]\\s*", "").toLowerCase(Locale.ROOT);
        for (var option : node.options()) {
            String label = option.label().in(language, "").toLowerCase(Locale.ROOT);
            if (!label.isEmpty() && start.startsWith(label)) {
                return reachable(node.target(option.id()));
            }
        }
        return askingNodes().stream().filter(question -> question.kind() != NodeKind.SUMMARY).toList();
    }

    /** The asking nodes but the summary reached from {@code from} through next, exits, on_invalid and on_unclear.next. */
    private static List<NodeDefinition> reachable(String from) {
        java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (id == null || !seen.add(id)) {
                continue;
            }
            NodeDefinition next = intake.flow.node(id);
            if (next.next() != null) {
                queue.add(next.next());
            }
            queue.addAll(next.exits().values());
            if (next.onInvalid() != null) {
                queue.add(next.onInvalid());
            }
            if (next.onUnclear() != null && next.onUnclear().next() != null) {
                queue.add(next.onUnclear().next());
            }
        }
        return seen.stream().map(intake.flow::node)
                .filter(question -> ASKING.contains(question.kind()) && question.kind() != NodeKind.SUMMARY).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void aQuestionThatSaysTapAButtonShowsIt(String language) {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (MessageKey button : List.of(MessageKey.SKIP, MessageKey.DONE)) {
            String label = message(button, language);
            Pattern tap = Pattern.compile("\\b" + TAP.get(language) + "\\s+\"?" + Pattern.quote(label) + "\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            for (NodeDefinition node : askingNodes()) {
                for (LocalizedText text : new LocalizedText[] {node.text(), node.reprompt(), node.mediaRefused()}) {
                    if (text != null && text.has(language) && tap.matcher(text.in(language, "")).find()) {
                        checked++;
                        if (!buttons(node, language).contains(label)) {
                            broken.add(node.id() + " says tap \"" + label + "\" but shows " + buttons(node, language));
                        }
                    }
                }
            }
        }
        assertTrue(checked > 3, "the shipped questions that name a button were not found: " + checked);
        assertEquals(List.of(), broken);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void everyCommandTheHelpListsIsOne(String language) {
        Matcher commands = Pattern.compile("(?m)^/(\\w+)").matcher(message(MessageKey.HELP, language));
        List<String> listed = new ArrayList<>();
        while (commands.find()) {
            listed.add(commands.group(1));
        }
        assertTrue(listed.size() >= 6, "the help's commands were not found: " + listed);
        for (String command : listed) {
            assertTrue(REFERRAL_COMMANDS.contains(command) || Command.parse("/" + command).orElseThrow() != Command.UNKNOWN,
                    "the help lists /" + command + ", which nothing answers");
        }
    }

    /** The check itself: the help text that promised "any question" named questions without Lewati (send_now ...). */
    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void theRuleCatchesTheOldPromise(String language) {
        String old = "id".equals(language) ? "Pertanyaan apa pun boleh dilewati dengan tombol \"Lewati\"."
                : "You can skip any question with the \"Skip\" button.";
        String label = message(MessageKey.SKIP, language);
        assertTrue(contains(old, label) && EVERY.get(language).stream().anyMatch(word -> hasWord(old, word)));
        assertFalse(buttons(intake.flow.node("send_now"), language).contains(label), "send_now offers no skip: it is where the "
                + "person chooses to send now or tell more, and skipping it would choose for them");
    }

    private static List<NodeDefinition> askingNodes() {
        return intake.flow.nodes().stream().filter(node -> ASKING.contains(node.kind())).toList();
    }

    /** The labels of the buttons the engine shows with the question at {@code node}. */
    private static List<String> buttons(NodeDefinition node, String language) {
        List<Output> outputs = intake.engine.repeatCurrent(catalog, intake.at(node.id(), language)).outputs();
        return outputs.stream().filter(Output.Message.class::isInstance).map(Output.Message.class::cast)
                .filter(message -> message.choices() != null).flatMap(message -> message.choices().stream())
                .map(Choice::label).toList();
    }

    private static String message(MessageKey key, String language) {
        return intake.flow.message(key).in(language, "");
    }

    private static List<String> sentences(String text) {
        return List.of(text.split("(?<=[.!?])\\s+|\\n"));
    }

    /** {@code words} as whole words ("any" is not in "many"). */
    private static boolean hasWord(String text, String words) {
        return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(words) + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).find();
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
