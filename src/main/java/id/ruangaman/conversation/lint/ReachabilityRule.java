package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/** Every node can be reached from {@code start} through next, exits, on_invalid or on_unclear.next. */
public final class ReachabilityRule implements LintRule {

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        if (flow.start() == null || !context.hasNode(flow.start())) {
            return;
        }
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(flow.start());
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (!reached.add(id)) {
                continue;
            }
            context.node(id).ifPresent(node -> {
                addIfKnown(node.next(), queue, context);
                addIfKnown(node.onInvalid(), queue, context);
                if (node.onUnclear() != null) {
                    addIfKnown(node.onUnclear().next(), queue, context);
                }
                node.exits().values().forEach(target -> addIfKnown(target, queue, context));
            });
        }
        for (NodeDefinition node : flow.nodes()) {
            if (node.id() != null && !reached.contains(node.id())) {
                context.problem(node, "unreachable node");
            }
        }
    }

    private static void addIfKnown(String target, Deque<String> queue, LintContext context) {
        if (target != null && context.hasNode(target)) {
            queue.add(target);
        }
    }
}
