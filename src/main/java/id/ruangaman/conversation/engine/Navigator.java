package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.Map;

/**
 * Moves through the flow: records answers, follows exits, sends message nodes, stops at the next question or an end.
 * While an answer is being edited it returns to the summary at the first question that already has an answer.
 */
final class Navigator {

    private static final int MAX_HOPS = 200;

    private Navigator() {
    }

    static void answered(Turn turn, NodeDefinition node, Answer answer, String exitKey) {
        if (answer != null && node.key() != null) {
            turn.update(state -> state.withAnswer(node.key(), answer));
            turn.emit(new Output.AnswerRecorded(node.key(), answer));
        }
        if (answer != null && node.isLanguageChoice() && turn.flow().languages().contains(answer.value())) {
            turn.update(state -> state.withLanguage(answer.value()));
        }
        String event = node.events().get(exitKey);
        if ("danger_reported".equals(event)) {
            turn.emit(new Output.DangerReported());
        } else if ("discreet_on".equals(event) || "discreet_off".equals(event)) {
            boolean on = "discreet_on".equals(event);
            turn.update(state -> state.withDiscreet(on));
        }
        enter(turn, node.target(exitKey));
    }

    static void enter(Turn turn, String nodeId) {
        String target = nodeId;
        for (int hops = 0; target != null; hops++) {
            if (hops > MAX_HOPS) {
                throw new IllegalStateException("flow " + turn.flow().id() + " loops through message nodes at '" + target + "'");
            }
            NodeDefinition node = backToSummaryIfEditing(turn, turn.flow().node(target));
            turn.update(state -> state.atNode(node.id()));
            switch (node.kind()) {
                case MESSAGE -> {
                    turn.say(NodeTexts.text(turn, node));
                    target = node.next();
                }
                case END -> {
                    end(turn, node);
                    target = null;
                }
                case BRANCH -> target = Conditions.holds(turn.flow(), node.when(), turn.state().answers())
                        ? node.target("yes") : node.next();
                default -> {
                    Prompter.ask(turn);
                    target = null;
                }
            }
        }
    }

    /** Asks a question directly, even if it already has an answer (editing from the summary). */
    static void askAt(Turn turn, String nodeId) {
        turn.update(state -> state.atNode(nodeId));
        Prompter.ask(turn);
    }

    private static NodeDefinition backToSummaryIfEditing(Turn turn, NodeDefinition node) {
        String summary = turn.state().returnToSummary();
        if (summary == null || !node.isQuestion()) {
            return node;
        }
        boolean answered = node.key() != null && turn.state().answers().containsKey(node.key());
        if (node.kind() == NodeKind.SUMMARY || answered) {
            turn.update(state -> state.withReturnToSummary(null));
            return turn.flow().node(summary);
        }
        return node;
    }

    /** Ends the conversation. Answers leave the session state (the host already has them); a report opens its thread. */
    private static void end(Turn turn, NodeDefinition node) {
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
            return;
        }
        turn.update(state -> state.withStatus(declined ? SessionStatus.DECLINED : SessionStatus.COMPLETED)
                .withThread(declined ? null : CaseThreads.opened(before.answers(), before.thread()))
                .withAnswers(Map.of()).withReturnToSummary(null));
    }
}
