package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.Limits;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Button callback data is {@code nodeId:optionId} and must fit in {@value Limits#MAX_CALLBACK_BYTES} bytes. A summary's
 * "which answer?" buttons use the id of each labelled node as option id.
 */
public final class CallbackDataRule implements LintRule {

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        for (NodeDefinition node : flow.nodes()) {
            if (node.id() == null || !context.isQuestion(node)) {
                continue;
            }
            List<String> ids = new ArrayList<>(context.rules(node).buttonIds(node));
            if (context.rules(node).editsAnswers()) {
                flow.nodes().stream().filter(other -> other.label() != null).forEach(other -> ids.add(other.id()));
                ids.add(ChoiceIds.BACK);
            }
            for (String id : ids) {
                String data = node.id() + ":" + id;
                int bytes = data.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > Limits.MAX_CALLBACK_BYTES) {
                    context.problem(node, "callback data '" + data + "' is " + bytes + " bytes (max " + Limits.MAX_CALLBACK_BYTES + ")");
                }
            }
        }
    }
}
