package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.Limits;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.OptionDefinition;
import java.util.HashSet;
import java.util.Set;

/**
 * Option ids: slugs, unique within their node, not one of the ids the engine adds. Ids may repeat across nodes
 * because answers are keyed by the node's {@code key}, not by option id.
 */
public final class OptionRule implements LintRule {

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        for (NodeDefinition node : flow.nodes()) {
            Set<String> seen = new HashSet<>();
            for (OptionDefinition option : node.options()) {
                if (option.id() == null) {
                    context.problem(node, "option without an id");
                    continue;
                }
                if (!option.id().matches(Limits.ID_PATTERN)) {
                    context.problem(node, "invalid option id '" + option.id() + "'");
                } else if (Limits.RESERVED_OPTION_IDS.contains(option.id())) {
                    context.problem(node, "reserved option id '" + option.id() + "'");
                }
                if (!seen.add(option.id())) {
                    context.problem(node, "reused option id '" + option.id() + "'");
                }
                if (option.label() == null) {
                    context.problem(node, "option '" + option.id() + "' has no label");
                }
            }
        }
    }
}
