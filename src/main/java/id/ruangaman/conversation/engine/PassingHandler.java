package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.List;

/** A kind that does not wait for the person (message, end, branch): no buttons, and no reply is ever aimed at it. */
abstract class PassingHandler implements NodeHandler {

    @Override
    public abstract String enter(Turn turn, NodeDefinition node);

    @Override
    public List<ChoiceSpec> choices(Turn turn, NodeDefinition node) {
        return List.of();
    }

    @Override
    public Outcome handle(Turn turn, NodeDefinition node, Reply reply) {
        throw new IllegalStateException("a " + kind().fileName() + " node never waits for a reply: " + node.id());
    }
}
