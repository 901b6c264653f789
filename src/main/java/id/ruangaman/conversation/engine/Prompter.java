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
        NodeDefinition node = turn.currentNode();
        NodeHandler handler = NodeHandlers.of(node.kind());
        List<Choice> choices = handler.choices(turn, node).stream().map(choice -> choice.display(turn)).toList();
        turn.emit(new Output.Message(handler.body(turn, node), choices.isEmpty() ? null : node.id(), choices,
                handler.multiSelect(turn)));
    }
}
