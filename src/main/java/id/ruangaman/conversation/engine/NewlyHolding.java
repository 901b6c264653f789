package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.Map;

/**
 * An answer changed from the summary goes straight back to the summary, past the branch nodes further on, so a message
 * that a branch sends when its condition holds would never be sent. When the change makes a branch's condition hold
 * that did not before (Perkosaan chosen only at "Ubah jawaban", with the time already "tadi malam": the emergency-care
 * message about PEP within 72 hours), the messages its {@code yes} exit leads to are sent now, before the summary.
 * Only messages: a question behind such a branch is not asked (walkthrough 8).
 */
final class NewlyHolding {

    private static final int MAX_MESSAGES = 10;

    private NewlyHolding() {
    }

    static void sayMessages(Turn turn) {
        Map<String, Answer> before = turn.answersAtStart();
        Map<String, Answer> now = turn.state().answers();
        for (NodeDefinition node : turn.flow().nodes()) {
            if (node.kind() != NodeKind.BRANCH || node.when() == null
                    || !Conditions.holds(turn.flow(), node.when(), now) || Conditions.holds(turn.flow(), node.when(), before)) {
                continue;
            }
            String target = node.target(ChoiceIds.YES);
            for (int sent = 0; target != null && sent < MAX_MESSAGES; sent++) {
                NodeDefinition next = turn.flow().node(target);
                if (next.kind() != NodeKind.MESSAGE) {
                    break;
                }
                target = NodeHandlers.of(next.kind()).enter(turn, next);
            }
        }
    }
}
