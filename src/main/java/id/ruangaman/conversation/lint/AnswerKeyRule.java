package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.Limits;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.HashSet;
import java.util.Set;

/** Answer keys are what the inbox reads: slugs, one node per key, and only on questions that record an answer. */
public final class AnswerKeyRule implements LintRule {

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        Set<String> seen = new HashSet<>();
        for (NodeDefinition node : flow.nodes()) {
            if (node.key() == null || node.kind() == null) {
                if (node.label() != null && node.kind() != null) {
                    context.problem(node, "field 'label' needs a 'key'");
                }
                continue;
            }
            if (!context.rules(node).recordsAnswer()) {
                context.problem(node, "field 'key' does not apply to kind '" + node.kind().fileName() + "'");
            } else if (!node.key().matches(Limits.ID_PATTERN)) {
                context.problem(node, "invalid answer key '" + node.key() + "'");
            } else if (!seen.add(node.key())) {
                context.problem(node, "duplicate answer key '" + node.key() + "'");
            }
        }
    }
}
