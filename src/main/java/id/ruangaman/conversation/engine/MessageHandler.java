package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;

/** {@code message}: sends its text and goes on to {@code next} without waiting. */
final class MessageHandler extends PassingHandler {

    @Override
    public NodeKind kind() {
        return NodeKind.MESSAGE;
    }

    @Override
    public KindRules rules() {
        return KindRules.passing(KindRules.Text.REQUIRED);
    }

    @Override
    public String enter(Turn turn, NodeDefinition node) {
        turn.say(NodeTexts.text(turn, node));
        return node.next();
    }
}
