package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.List;

/** Every exit points to an existing node, and every way out of a node has somewhere to go. */
public final class ExitRule implements LintRule {

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        for (NodeDefinition node : flow.nodes()) {
            if (node.id() == null || node.kind() == null) {
                continue;
            }
            List<String> exitKeys = context.rules(node).exitKeys(node);
            node.exits().forEach((key, target) -> {
                if (!exitKeys.contains(key)) {
                    context.problem(node, "exit for unknown option '" + key + "'");
                }
                dangling(node, key, target, context);
            });
            dangling(node, "next", node.next(), context);
            dangling(node, "on_invalid", node.onInvalid(), context);
            if (node.onUnclear() != null) {
                dangling(node, "on_unclear.next", node.onUnclear().next(), context);
            }
            node.events().keySet().stream().filter(key -> !exitKeys.contains(key))
                    .forEach(key -> context.problem(node, "event for unknown option '" + key + "'"));
            checkWayOut(node, exitKeys, context);
        }
    }

    private static void dangling(NodeDefinition node, String key, String target, LintContext context) {
        if (target != null && !context.hasNode(target)) {
            context.problem(node, "dangling exit '" + key + "' -> '" + target + "'");
        }
    }

    private static void checkWayOut(NodeDefinition node, List<String> exitKeys, LintContext context) {
        KindRules rules = context.rules(node);
        if (rules.ends() || node.next() != null) {
            return;
        }
        if (rules.exitPerAnswer()) {
            exitKeys.stream().filter(key -> !node.exits().containsKey(key))
                    .forEach(key -> context.problem(node, "option '" + key + "' has no exit and node has no 'next'"));
        } else {
            context.problem(node, "missing field 'next'");
        }
    }
}
