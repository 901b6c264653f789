package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Draft;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.List;

/**
 * Moves through the flow: records answers, follows exits, and enters each node through its kind's handler until
 * one waits (a question) or stops (an end).
 * While an answer is being edited it returns to the summary at the first question that already has an answer.
 */
final class Navigator {

    private static final int MAX_HOPS = 200;

    private Navigator() {
    }

    static void answered(Turn turn, NodeDefinition node, Answer answer, String exitKey) {
        answered(turn, node, answer, exitKey, node.target(exitKey));
    }

    /** As {@link #answered(Turn, NodeDefinition, Answer, String)}, going on to {@code target} instead of the exit. */
    static void answered(Turn turn, NodeDefinition node, Answer answer, String exitKey, String target) {
        record(turn, node, answer, exitKey);
        enter(turn, target);
    }

    /** Keeps {@code answer} and applies what it does (language, events), without moving on. */
    static void record(Turn turn, NodeDefinition node, Answer answer, String exitKey) {
        if (answer != null && node.key() != null) {
            turn.update(state -> state.withAnswer(node.key(), answer));
            turn.emit(new Output.AnswerRecorded(node.key(), answer));
        }
        if (answer != null && node.isLanguageChoice() && turn.flow().languages().contains(answer.value())) {
            turn.update(state -> state.withLanguage(answer.value()));
        }
        emit(turn, node.events().get(exitKey));
    }

    /** What an answer's event does ({@code events}): {@code danger_reported} tells the host, the others switch discreet mode. */
    static void emit(Turn turn, String event) {
        if ("danger_reported".equals(event)) {
            turn.emit(new Output.DangerReported());
        } else if ("discreet_on".equals(event) || "discreet_off".equals(event)) {
            boolean on = "discreet_on".equals(event);
            turn.update(state -> state.withDiscreet(on));
        }
    }

    static void enter(Turn turn, String nodeId) {
        String target = nodeId;
        for (int hops = 0; target != null; hops++) {
            if (hops > MAX_HOPS) {
                throw new IllegalStateException("flow " + turn.flow().id() + " loops through message nodes at '" + target + "'");
            }
            NodeDefinition node = backToSummaryIfEditing(turn, turn.flow().node(target));
            turn.update(state -> state.atNode(node.id()));
            target = NodeHandlers.of(node.kind()).enter(turn, node);
        }
    }

    /**
     * Asks a question directly, even if it already has an answer (editing from the summary). A question that collects
     * (options ticked, messages of a story, files and notes) starts from its current answer, so a change adds to it or
     * takes from it, and "done" at once keeps it; starting empty lost the answer.
     */
    static void askAt(Turn turn, String nodeId) {
        turn.update(state -> state.atNode(nodeId));
        NodeDefinition node = turn.flow().node(nodeId);
        Answer current = node.key() == null ? null : turn.state().answers().get(node.key());
        if (current != null && !current.skipped()) {
            Draft draft = switch (node.kind()) {
                case MULTI_CHOICE -> new Draft(current.values(), current.raw() == null ? List.of() : List.of(current.raw()), List.of(), false);
                case MULTI_TEXT, MEDIA -> Draft.collecting(current);
                default -> Draft.EMPTY;
            };
            turn.update(state -> state.withDraft(draft));
        }
        Prompter.ask(turn);
    }

    private static NodeDefinition backToSummaryIfEditing(Turn turn, NodeDefinition node) {
        String summary = turn.state().returnToSummary();
        KindRules rules = NodeHandlers.rulesOf(node.kind());
        if (summary == null || !rules.question()) {
            return node;
        }
        boolean answered = node.key() != null && turn.state().answers().containsKey(node.key());
        if (rules.editsAnswers() || answered) {
            NewlyHolding.sayMessages(turn);
            String opened = newlyOpened(turn);
            if (opened != null) {
                return turn.flow().node(opened); // asked first; the summary comes back after it
            }
            turn.update(state -> state.withReturnToSummary(null));
            return turn.flow().node(summary);
        }
        return node;
    }

    /**
     * The first question the change opened: on the way the answers now take ({@link AnswerPath}), without an answer,
     * and not already passed without one before this turn (a question left unanswered stays so).
     */
    private static String newlyOpened(Turn turn) {
        java.util.Set<String> before = AnswerPath.of(turn.flow(), turn.answersAtStart()).unanswered();
        return AnswerPath.of(turn.flow(), turn.state().answers()).unanswered().stream().filter(id -> !before.contains(id))
                .findFirst().orElse(null);
    }
}
