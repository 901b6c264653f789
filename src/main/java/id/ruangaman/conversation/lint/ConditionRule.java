package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.Condition;
import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.List;

/** Named conditions refer to answer keys and option ids that exist; a {@code branch} tests a known condition. */
public final class ConditionRule implements LintRule {

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        flow.conditions().forEach((name, clauses) -> {
            if (!name.matches(id.ruangaman.conversation.definition.Limits.ID_PATTERN)) {
                context.fileProblem("invalid condition name '" + name + "'");
            }
            if (clauses == null || clauses.isEmpty()) {
                context.fileProblem("condition '" + name + "' has no clauses");
                return;
            }
            clauses.forEach(clause -> checkClause(name, clause, context));
        });
        for (NodeDefinition node : flow.nodes()) {
            if (node.id() == null || node.kind() == null) {
                continue;
            }
            if (context.rules(node).branches()) {
                if (node.when() == null) {
                    context.problem(node, "missing field 'when'");
                } else if (!flow.conditions().containsKey(node.when())) {
                    context.problem(node, "unknown condition '" + node.when() + "'");
                }
                if (node.next() == null || !node.exits().containsKey("yes")) {
                    context.problem(node, "a branch needs 'exits: {yes: …}' and 'next'");
                }
            } else if (node.when() != null) {
                context.problem(node, "field 'when' does not apply to kind '" + node.kind().fileName() + "'");
            }
        }
    }

    private static void checkClause(String name, Condition clause, LintContext context) {
        if (!clause.any().isEmpty() || !clause.all().isEmpty()) {
            if (clause.answer() != null || !clause.anyOf().isEmpty() || clause.unanswered() != null
                    || !clause.any().isEmpty() && !clause.all().isEmpty()) {
                context.fileProblem("condition '" + name + "': a clause takes exactly one of 'any', 'all', or 'answer' with 'any_of'");
            }
            clause.any().forEach(nested -> checkClause(name, nested, context));
            clause.all().forEach(nested -> checkClause(name, nested, context));
            return;
        }
        if (clause.unanswered() != null) {
            if (clause.answer() == null || !clause.anyOf().isEmpty() || !clause.holdsWhenUnanswered()) {
                context.fileProblem("condition '" + name + "': 'unanswered: true' goes with 'answer' and without 'any_of'");
            } else if (context.nodeForKey(clause.answer()).isEmpty()) {
                context.fileProblem("condition '" + name + "' refers to unknown answer '" + clause.answer() + "'");
            }
            return;
        }
        if (clause.answer() == null || clause.anyOf().isEmpty()) {
            context.fileProblem("condition '" + name + "': a clause needs 'answer' and 'any_of'");
            return;
        }
        NodeDefinition source = context.nodeForKey(clause.answer()).orElse(null);
        if (source == null) {
            context.fileProblem("condition '" + name + "' refers to unknown answer '" + clause.answer() + "'");
            return;
        }
        List<String> values = source.kind() == null ? List.of() : context.rules(source).values();
        List<String> known = !values.isEmpty() ? values : source.options().stream().map(option -> option.id()).toList();
        clause.anyOf().stream().filter(id -> !known.contains(id)).forEach(id ->
                context.fileProblem("condition '" + name + "': '" + id + "' is not an option of '" + source.id() + "'"));
    }
}
