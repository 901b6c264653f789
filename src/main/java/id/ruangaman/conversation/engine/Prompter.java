package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.List;

/** Sends the current question with its buttons. */
final class Prompter {

    private Prompter() {
    }

    static void ask(Turn turn) {
        turn.emit(question(turn));
    }

    /** The current question's message with its buttons, as {@link #ask} sends it. */
    static Output.Message question(Turn turn) {
        NodeDefinition node = turn.currentNode();
        return withButtons(turn, NodeHandlers.of(node.kind()).body(turn, node));
    }

    /**
     * One message: {@code note}, a blank line, then the current question with its buttons: a short answer to something
     * the question could not use, with the question itself shown again so the person knows what is asked.
     */
    static void askAfter(Turn turn, String note) {
        Output.Message question = question(turn);
        turn.emit(question.withText(note + "\n\n" + question.text()));
    }

    /**
     * One message: {@code text} with the current question's buttons, for a short line that answers something the
     * question could not use (the question itself was just shown and is not repeated).
     */
    static void sayWithButtons(Turn turn, String text) {
        turn.emit(withButtons(turn, text));
    }

    /**
     * {@code text} as a message of the current question: its buttons, and its node id also where it has none (a typed
     * answer), so a later reply that quotes this message is known to answer this question ({@link QuotedReplies}).
     */
    private static Output.Message withButtons(Turn turn, String text) {
        NodeDefinition node = turn.currentNode();
        NodeHandler handler = NodeHandlers.of(node.kind());
        List<Choice> choices = handler.choices(turn, node).stream().map(choice -> choice.display(turn)).toList();
        return new Output.Message(text, node.id(), choices, handler.multiSelect(turn));
    }
}
