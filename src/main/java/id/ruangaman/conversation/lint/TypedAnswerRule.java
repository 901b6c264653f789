package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import id.ruangaman.conversation.definition.NumberRange;
import id.ruangaman.conversation.definition.OptionDefinition;
import id.ruangaman.conversation.text.AnswerText;
import id.ruangaman.conversation.text.WholeAnswer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a person may type instead of tapping an option ({@code words}, {@code number}, {@code days_ago}) must point to
 * one option only: a typed word (normalised as answers are) that is another option's word, label or id in the same
 * question, a word that is a number (numbers pick options by position), and ranges that overlap are refused. Ranges
 * apply to single_choice options only; words come in the flow's languages. A whole-answer word ({@code "=aku"}) is
 * refused when it holds only address words or particles ({@code "=kak"}, {@link WholeAnswer#AROUND}): those are read
 * around every whole answer and name nothing. A question's {@code too_broad} words are none of its options' words,
 * labels or ids.
 */
public final class TypedAnswerRule implements LintRule {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        for (NodeDefinition node : flow.nodes()) {
            if (node.id() == null) {
                continue;
            }
            Map<String, String> owners = owners(node, false);
            for (OptionDefinition option : node.options()) {
                if (option.id() != null) {
                    checkWords(flow, node, option, owners, context);
                }
            }
            checkBroadWords(flow, node, context);
            checkRanges(node, "number", OptionDefinition::number, context);
            checkRanges(node, "days_ago", OptionDefinition::daysAgo, context);
        }
    }

    private static void checkWords(FlowDefinition flow, NodeDefinition node, OptionDefinition option, Map<String, String> owners,
            LintContext context) {
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(option.words()).entrySet()) {
            if (!flow.languages().contains(entry.getKey())) {
                context.problem(node, "unknown language '" + entry.getKey() + "' in 'options." + option.id() + ".words'");
            }
            for (String word : entry.getValue()) {
                String normalized = AnswerText.normalize(word);
                if (normalized.isBlank()) {
                    context.problem(node, "empty typed word in option '" + option.id() + "'");
                } else if (DIGITS.matcher(normalized).matches()) {
                    context.problem(node, "typed word '" + word + "' of option '" + option.id()
                            + "' is a number (a typed number picks the option at that position; use 'number')");
                } else if (word.startsWith("=") && WholeAnswer.core(word).isEmpty() && WholeAnswer.words(word).size() != 1) {
                    // one particle alone ("=ya") names a reply of particles only that holds it ("ya kak"); more say nothing
                    context.problem(node, "whole-answer word '" + word + "' of option '" + option.id()
                            + "' is only address words or particles (kak, aja, sih ...), which a whole answer may carry around it");
                } else {
                    String owner = owners.putIfAbsent(normalized, option.id());
                    if (owner != null && !owner.equals(option.id())) {
                        context.problem(node, "typed word '" + word + "' belongs to options '" + owner + "' and '" + option.id() + "'");
                    }
                }
            }
        }
    }

    /**
     * {@code too_broad.words}: in the flow's languages, not empty, not a number, and never an option's word, label or
     * id (a word that picks an option is not too broad; the option must keep it). A word an option takes only as the
     * whole answer ({@code "=aman"}) may be broad inside a longer one: "aman" alone is *Ya, aman* at "Apakah aman chat di
     * HP ini?", while "aku udah aman" says the person is safe, not the phone.
     */
    private static void checkBroadWords(FlowDefinition flow, NodeDefinition node, LintContext context) {
        if (node.tooBroad() == null) {
            return;
        }
        Map<String, String> owners = owners(node, true);
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(node.tooBroad().words()).entrySet()) {
            if (!flow.languages().contains(entry.getKey())) {
                context.problem(node, "unknown language '" + entry.getKey() + "' in 'too_broad.words'");
            }
            for (String word : entry.getValue()) {
                String normalized = AnswerText.normalize(word);
                if (normalized.isBlank()) {
                    context.problem(node, "empty word in 'too_broad.words'");
                } else if (DIGITS.matcher(normalized).matches()) {
                    context.problem(node, "broad word '" + word + "' is a number (a typed number picks the option at that position)");
                } else if (owners.containsKey(normalized)) {
                    context.problem(node, "broad word '" + word + "' is a typed answer of option '" + owners.get(normalized) + "'");
                }
            }
        }
    }

    /**
     * The node's options' ids and labels, normalised, each with its option; with {@code words}, also the typed words an
     * option reads inside a longer reply (not its whole-answer words, {@code "=aman"}).
     */
    private static Map<String, String> owners(NodeDefinition node, boolean words) {
        Map<String, String> owners = new HashMap<>();
        for (OptionDefinition option : node.options()) {
            if (option.id() == null) {
                continue;
            }
            owners.putIfAbsent(AnswerText.normalize(option.id()), option.id());
            if (option.label() != null) {
                option.label().values().values().forEach(label -> owners.putIfAbsent(AnswerText.normalize(label), option.id()));
            }
            if (words) {
                option.words().values().forEach(typed -> typed.stream().filter(word -> !word.startsWith("="))
                        .forEach(word -> owners.putIfAbsent(AnswerText.normalize(word), option.id())));
            }
        }
        return owners;
    }

    private static void checkRanges(NodeDefinition node, String field, Function<OptionDefinition, NumberRange> range,
            LintContext context) {
        List<OptionDefinition> ranged = node.options().stream().filter(option -> range.apply(option) != null).toList();
        if (!ranged.isEmpty() && node.kind() != NodeKind.SINGLE_CHOICE) {
            context.problem(node, "option field '" + field + "' applies to single_choice only");
            return;
        }
        for (int i = 0; i < ranged.size(); i++) {
            OptionDefinition option = ranged.get(i);
            if (!range.apply(option).isValid()) {
                context.problem(node, "invalid '" + field + "' of option '" + option.id() + "' (needs min or max, 0 or more, min <= max)");
                continue;
            }
            for (OptionDefinition other : ranged.subList(0, i)) {
                if (range.apply(other).isValid() && range.apply(other).overlaps(range.apply(option))) {
                    context.problem(node, "'" + field + "' of options '" + other.id() + "' and '" + option.id() + "' overlap");
                }
            }
        }
    }
}
