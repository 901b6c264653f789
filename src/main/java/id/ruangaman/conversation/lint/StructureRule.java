package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.Limits;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.HashSet;
import java.util.Set;

/** Top-level fields, spec version, node ids and the start node. */
public final class StructureRule implements LintRule {

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        if (flow.specVersion() == null) {
            context.fileProblem("missing field 'spec_version'");
        } else if (flow.specVersion() != Limits.SUPPORTED_SPEC_VERSION) {
            context.fileProblem("unsupported spec_version " + flow.specVersion() + " (supported: " + Limits.SUPPORTED_SPEC_VERSION + ")");
        }
        if (flow.id() == null) {
            context.fileProblem("missing field 'id'");
        } else if (!flow.id().matches(Limits.ID_PATTERN)) {
            context.fileProblem("invalid id '" + flow.id() + "'");
        }
        if (flow.languages().isEmpty()) {
            context.fileProblem("missing field 'languages'");
        }
        if (flow.steps() == null || flow.steps() < 1) {
            context.fileProblem("missing field 'steps'");
        }
        if (flow.messages().isEmpty()) {
            context.fileProblem("missing field 'messages'");
        }
        if (flow.nodes().isEmpty()) {
            context.fileProblem("missing field 'nodes'");
        }
        checkNodeIds(flow, context);
        if (flow.start() == null) {
            context.fileProblem("missing field 'start'");
        } else if (!flow.nodes().isEmpty() && !context.hasNode(flow.start())) {
            context.fileProblem("missing start node '" + flow.start() + "'");
        }
    }

    private static void checkNodeIds(FlowDefinition flow, LintContext context) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < flow.nodes().size(); i++) {
            NodeDefinition node = flow.nodes().get(i);
            if (node.id() == null) {
                context.fileProblem("node #" + (i + 1) + ": missing field 'id'");
            } else if (!node.id().matches(Limits.ID_PATTERN)) {
                context.problem(node, "invalid id '" + node.id() + "'");
            } else if (!seen.add(node.id())) {
                context.problem(node, "duplicate node id '" + node.id() + "'");
            }
        }
    }
}
