package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.Map;

/**
 * {@code end}: ends the conversation. Answers leave the session state (the host already has them); a report opens its
 * thread. With {@code outcome: declined} consent was declined and nothing is kept.
 */
final class EndHandler extends PassingHandler {

    @Override
    public NodeKind kind() {
        return NodeKind.END;
    }

    @Override
    public KindRules rules() {
        return KindRules.passing(KindRules.Text.OPTIONAL).withEnd();
    }

    @Override
    public String enter(Turn turn, NodeDefinition node) {
        boolean declined = "declined".equals(node.outcome());
        if (declined) {
            turn.emit(new Output.ConsentDeclined());
        }
        if (node.text() != null) {
            turn.say(NodeTexts.text(turn, node));
        }
        SessionState before = turn.state();
        if (declined && before.thread() != null) {
            // A new report abandoned at consent: the chat goes back to being the thread of the last report.
            turn.update(state -> state.withStatus(SessionStatus.COMPLETED).withAnswers(Map.of()).withReturnToSummary(null));
            return null;
        }
        turn.update(state -> state.withStatus(declined ? SessionStatus.DECLINED : SessionStatus.COMPLETED)
                .withThread(declined ? null : CaseThreads.opened(before.answers(), before.thread()))
                .withAnswers(Map.of()).withReturnToSummary(null));
        return null;
    }
}
