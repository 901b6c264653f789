package id.ruangaman.conversation;

import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.engine.NodeHandlers;
import id.ruangaman.conversation.lint.AnswerKeyRule;
import id.ruangaman.conversation.lint.CallbackDataRule;
import id.ruangaman.conversation.lint.ConditionRule;
import id.ruangaman.conversation.lint.DiscretionRule;
import id.ruangaman.conversation.lint.ExitRule;
import id.ruangaman.conversation.lint.InvalidPathRule;
import id.ruangaman.conversation.lint.LintContext;
import id.ruangaman.conversation.lint.LintRule;
import id.ruangaman.conversation.lint.MessagesRule;
import id.ruangaman.conversation.lint.NodeFieldsRule;
import id.ruangaman.conversation.lint.OptionRule;
import id.ruangaman.conversation.lint.ReachabilityRule;
import id.ruangaman.conversation.lint.StructureRule;
import id.ruangaman.conversation.lint.TranslationRule;
import id.ruangaman.conversation.lint.TypedAnswerRule;
import java.util.List;

/** Checks a parsed flow file and returns every problem found (empty when the flow is fine). */
public final class FlowLinter {

    private static final List<LintRule> RULES = List.of(
            new StructureRule(),
            new NodeFieldsRule(),
            new OptionRule(),
            new TypedAnswerRule(),
            new AnswerKeyRule(),
            new ExitRule(),
            new InvalidPathRule(),
            new ReachabilityRule(),
            new TranslationRule(),
            new MessagesRule(),
            new CallbackDataRule(),
            new ConditionRule(),
            new DiscretionRule());

    public List<LintProblem> lint(String file, FlowDefinition definition) {
        LintContext context = new LintContext(file, definition, NodeHandlers::rulesOf);
        for (LintRule rule : RULES) {
            rule.check(definition, context);
        }
        return context.problems();
    }

    /**
     * The discretion rules again, with every {@code {notice:<name>}} include filled from {@code shared} as one
     * messenger shows it: an included notice is checked where it is shown (before consent, or as a first line). The
     * host runs this once the shared texts are read, for each messenger's set of them.
     */
    public List<LintProblem> lintIncludes(String file, FlowDefinition definition, SharedTexts shared) {
        LintContext context = new LintContext(file, definition, NodeHandlers::rulesOf, shared);
        new DiscretionRule().check(definition, context);
        return context.problems();
    }
}
