package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.OptionDefinition;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Every user-facing text has every flow language, and no language the flow does not declare. */
public final class TranslationRule implements LintRule {

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        new TreeMap<>(flow.messages()).forEach((key, text) ->
                check(text, "messages." + key, flow.languages(), context::fileProblem));
        new TreeMap<>(flow.stepNames()).forEach((step, text) ->
                check(text, "step_names." + step, flow.languages(), context::fileProblem));
        if (flow.discretion() != null) {
            check(flow.discretion().neutralLine(), "discretion.neutral_line", flow.languages(), context::fileProblem);
        }
        for (NodeDefinition node : flow.nodes()) {
            if (node.id() == null) {
                continue;
            }
            Consumer<String> report = problem -> context.problem(node, problem);
            check(node.text(), "text", flow.languages(), report);
            check(node.label(), "label", flow.languages(), report);
            check(node.reprompt(), "reprompt", flow.languages(), report);
            check(node.mediaRefused(), "media_refused", flow.languages(), report);
            check(node.discreetText(), "discreet_text", flow.languages(), report);
            check(node.secret(), "secret", flow.languages(), report);
            check(node.onLater(), "on_later", flow.languages(), report);
            check(node.onLaterAgain(), "on_later_again", flow.languages(), report);
            if (node.toldEarly() != null) {
                check(node.toldEarly().kept(), "told_early.kept", flow.languages(), report);
                check(node.toldEarly().carried(), "told_early.carried", flow.languages(), report);
                check(node.toldEarly().keptMore(), "told_early.kept_more", flow.languages(), report);
            }
            if (node.onUnclear() != null) {
                check(node.onUnclear().text(), "on_unclear.text", flow.languages(), report);
            }
            if (node.tooBroad() != null) {
                check(node.tooBroad().text(), "too_broad.text", flow.languages(), report);
            }
            for (OptionDefinition option : node.options()) {
                check(option.label(), "options." + option.id() + ".label", flow.languages(), report);
            }
            if (node.textBy() != null) {
                for (Map.Entry<String, LocalizedText> variant : new TreeMap<>(node.textBy().variants()).entrySet()) {
                    check(variant.getValue(), "text_by.variants." + variant.getKey(), flow.languages(), report);
                }
            }
        }
    }

    private static void check(LocalizedText text, String where, List<String> languages, Consumer<String> report) {
        if (text == null) {
            return;
        }
        for (String language : languages) {
            if (!text.has(language)) {
                report.accept("missing translation '" + language + "' in '" + where + "'");
            }
        }
        for (String language : text.values().keySet()) {
            if (!languages.contains(language)) {
                report.accept("unknown language '" + language + "' in '" + where + "'");
            }
        }
    }
}
