package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.NodeDefinition;

/** Every question says where to go after too many answers the engine could not use: no dead ends. */
public final class InvalidPathRule implements LintRule {

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        for (NodeDefinition node : flow.nodes()) {
            if (node.id() != null && context.isQuestion(node) && node.onInvalid() == null) {
                context.problem(node, "question without an invalid-answer path");
            }
        }
    }
}
