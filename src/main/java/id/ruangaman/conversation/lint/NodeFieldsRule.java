package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.Limits;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import id.ruangaman.conversation.definition.OptionDefinition;
import id.ruangaman.conversation.definition.UnclearAnswer;

/** Fields each kind needs, and fields that do not apply to a kind. */
public final class NodeFieldsRule implements LintRule {

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        long toldEarly = flow.nodes().stream().filter(node -> node.toldEarly() != null).count();
        if (toldEarly > 1) {
            context.fileProblem("told_early is on " + toldEarly + " questions; a flow has one story question");
        }
        for (NodeDefinition node : flow.nodes()) {
            if (node.id() == null) {
                continue;
            }
            if (node.kind() == null) {
                context.problem(node, "missing field 'kind'");
                continue;
            }
            checkText(node, context);
            checkKindSpecific(flow, node, context);
            if (node.step() != null && flow.steps() != null && (node.step() < 1 || node.step() > flow.steps())) {
                context.problem(node, "step " + node.step() + " is outside 1.." + flow.steps());
            }
            if (node.validation() != null && node.validation().maxLength() != null && node.validation().maxLength() < 1) {
                context.problem(node, "max_length must be at least 1");
            }
        }
    }

    private static void checkText(NodeDefinition node, LintContext context) {
        if (node.text() == null && context.rules(node).text() == KindRules.Text.REQUIRED) {
            context.problem(node, "missing field 'text'");
        }
        if (node.textBy() != null) {
            var source = node.textBy().answer() == null ? null : context.nodeForKey(node.textBy().answer()).orElse(null);
            if (source == null) {
                context.problem(node, "text_by refers to unknown answer '" + node.textBy().answer() + "'");
                return;
            }
            for (String variant : node.textBy().variants().keySet()) {
                boolean known = source.options().stream().anyMatch(option -> option.id().equals(variant))
                        || (source.kind() != null && context.rules(source).values().contains(variant));
                if (!known) {
                    context.problem(node, "text_by variant '" + variant + "' is not an option of '" + source.id() + "'");
                }
            }
        }
    }

    private static void checkKindSpecific(FlowDefinition flow, NodeDefinition node, LintContext context) {
        KindRules rules = context.rules(node);
        if (rules.options() && node.options().isEmpty()) {
            context.problem(node, "missing field 'options'");
        }
        notApplicable(node, context, "options", !rules.options() && !node.options().isEmpty());
        notApplicable(node, context, "accept", !rules.takesFiles() && !node.accept().isEmpty());
        notApplicable(node, context, "shared", !java.util.EnumSet.of(NodeKind.TEXT, NodeKind.MULTI_TEXT, NodeKind.MEDIA)
                .contains(node.kind()) && !node.shared().isEmpty());
        notApplicable(node, context, "outcome", !rules.ends() && node.outcome() != null);
        notApplicable(node, context, "media_refused", (!rules.question() || rules.takesFiles()) && node.mediaRefused() != null);
        notApplicable(node, context, "text", rules.text() == KindRules.Text.NONE && node.text() != null);
        notApplicable(node, context, "discreet_text", rules.text() == KindRules.Text.NONE && node.discreetText() != null);
        notApplicable(node, context, "sets_language", !rules.languageChoice() && node.setsLanguage() != null);
        notApplicable(node, context, "skippable", !rules.recordsAnswer() && node.skippable() != null);
        notApplicable(node, context, "secret", node.kind() != NodeKind.TEXT && node.secret() != null);
        notApplicable(node, context, "no_means_skip", node.kind() != NodeKind.TEXT && node.noMeansSkip() != null);
        notApplicable(node, context, "age_below", node.kind() != NodeKind.YES_NO && node.ageBelow() != null);
        notApplicable(node, context, "on_later", node.kind() != NodeKind.YES_NO && node.onLater() != null);
        if (node.onLaterAgain() != null && node.onLater() == null) {
            context.problem(node, "on_later_again needs on_later");
        }
        notApplicable(node, context, "told_early", node.kind() != NodeKind.MULTI_TEXT && node.toldEarly() != null);
        if (node.toldEarly() != null && node.key() == null) {
            context.problem(node, "told_early needs a key: the story told early is kept as this question's answer");
        }
        if (node.toldEarly() != null && (node.toldEarly().kept() == null || node.toldEarly().keptMore() == null
                || node.toldEarly().carried() == null)) {
            context.problem(node, "told_early needs 'kept', 'kept_more' and 'carried'");
        }
        if (node.toldEarly() != null) {
            node.toldEarly().asksBack().keySet().stream().filter(language -> !flow.languages().contains(language)).sorted()
                    .forEach(language -> context.problem(node, "unknown language '" + language + "' in 'told_early.asks_back'"));
        }
        if (node.kind() == NodeKind.YES_NO && node.ageBelow() != null && (node.ageBelow() < 2 || node.ageBelow() > 120)) {
            context.problem(node, "age_below must be an age in years from 2 to 120");
        }
        if (node.kind() == NodeKind.TEXT && node.isNoMeansSkip() && !node.isSkippable()) {
            context.problem(node, "no_means_skip needs skippable: true");
        }
        checkUnclear(node, rules, context);
        checkBroad(node, context);
        checkAnswerWords(flow, node, context);
        if (rules.takesFiles() && node.accept().isEmpty()) {
            context.problem(node, "missing field 'accept'");
        }
        if (node.outcome() != null && !Limits.OUTCOMES.contains(node.outcome())) {
            context.problem(node, "unknown outcome '" + node.outcome() + "'");
        }
        node.events().forEach((exit, event) -> {
            if (!Limits.EVENTS.contains(event)) {
                context.problem(node, "unknown event '" + event + "'");
            }
        });
        if (node.isLanguageChoice()) {
            for (OptionDefinition option : node.options()) {
                if (!flow.languages().contains(option.id())) {
                    context.problem(node, "option '" + option.id() + "' is not one of the flow languages");
                }
            }
        }
    }

    /** {@code on_unclear}: a question with one exit per answer, an answer it has, and a text saying so. */
    private static void checkUnclear(NodeDefinition node, KindRules rules, LintContext context) {
        UnclearAnswer unclear = node.onUnclear();
        if (unclear == null) {
            return;
        }
        notApplicable(node, context, "on_unclear", !rules.exitPerAnswer());
        boolean known = node.options().stream().anyMatch(option -> option.id().equals(unclear.answer()))
                || rules.values().contains(unclear.answer());
        if (rules.exitPerAnswer() && !known) {
            context.problem(node, "on_unclear answer '" + unclear.answer() + "' is not an option of this node");
        }
        if (unclear.text() == null) {
            context.problem(node, "missing field 'on_unclear.text'");
        }
        unclear.allWordsAnywhere().stream().filter(phrase -> phrase.indexOf('(') >= 0 || phrase.indexOf(')') >= 0 || phrase.indexOf('|') >= 0)
                .forEach(phrase -> context.problem(node, "on_unclear.words_anywhere: '" + phrase + "' has a group of alternatives that"
                        + " does not close, or one inside another: write (a|b|) with no group inside it"));
        if (!unclear.wordsAnywhere().isEmpty()) {
            // said at another question, the message the answer's exit leads to is what the person is told
            boolean message = context.node(node.target(unclear.answer()))
                    .map(next -> next.kind() == NodeKind.MESSAGE && next.text() != null).orElse(false);
            if (!message) {
                context.problem(node, "on_unclear.words_anywhere needs the exit of '" + unclear.answer() + "' to lead to a message");
            }
        }
    }

    /**
     * {@code too_broad}: at a choice question, with words and a text (the words' overlap: {@link TypedAnswerRule});
     * {@code over_options} at a single choice only.
     */
    private static void checkBroad(NodeDefinition node, LintContext context) {
        if (node.tooBroad() == null) {
            return;
        }
        notApplicable(node, context, "too_broad", node.kind() != NodeKind.SINGLE_CHOICE && node.kind() != NodeKind.MULTI_CHOICE);
        // at a multi choice every option named is ticked beside a broad word ("pelecehan dan dipukul"): nothing to win over
        notApplicable(node, context, "too_broad.over_options", node.tooBroad().overOptions() && node.kind() == NodeKind.MULTI_CHOICE);
        if (node.tooBroad().allWords().isEmpty()) {
            context.problem(node, "missing field 'too_broad.words'");
        }
        if (node.tooBroad().text() == null) {
            context.problem(node, "missing field 'too_broad.text'");
        }
    }

    /**
     * {@code answer_words}: at a yes/no question, per answer ({@code yes}, {@code no}) and flow language, no word for both
     * answers.
     */
    private static void checkAnswerWords(FlowDefinition flow, NodeDefinition node, LintContext context) {
        if (node.answerWords().isEmpty()) {
            return;
        }
        notApplicable(node, context, "answer_words", node.kind() != NodeKind.YES_NO);
        java.util.Map<String, String> answerOf = new java.util.HashMap<>();
        node.answerWords().forEach((answer, perLanguage) -> {
            if (!ChoiceIds.YES.equals(answer) && !ChoiceIds.NO.equals(answer) && !"unclear".equals(answer)) {
                context.problem(node, "answer_words: '" + answer + "' is not an answer of a yes/no question (yes, no, unclear)");
            }
            (perLanguage == null ? java.util.Map.<String, java.util.List<String>>of() : perLanguage).forEach((language, words) -> {
                if (!flow.languages().contains(language)) {
                    context.problem(node, "unknown language '" + language + "' in 'answer_words." + answer + "'");
                }
                for (String word : words == null ? java.util.List.<String>of() : words) {
                    String other = answerOf.putIfAbsent(word.strip().toLowerCase(java.util.Locale.ROOT), answer);
                    if (other != null && !other.equals(answer)) {
                        context.problem(node, "answer_words: '" + word + "' means both '" + other + "' and '" + answer + "'");
                    }
                }
            });
        });
    }

    private static void notApplicable(NodeDefinition node, LintContext context, String field, boolean present) {
        if (present) {
            context.problem(node, "field '" + field + "' does not apply to kind '" + node.kind().fileName() + "'");
        }
    }
}
