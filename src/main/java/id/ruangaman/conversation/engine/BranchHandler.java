package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;

/** {@code branch}: sends nothing; {@code exits.yes} when its {@code when} condition holds, else {@code next}. */
final class BranchHandler extends PassingHandler {

    @Override
    public NodeKind kind() {
        return NodeKind.BRANCH;
    }

    @Override
    public KindRules rules() {
        return KindRules.passing(KindRules.Text.NONE).withBranch();
    }

    @Override
    public String enter(Turn turn, NodeDefinition node) {
        return Conditions.holds(turn.flow(), node.when(), turn.state().answers()) ? node.target(ChoiceIds.YES) : node.next();
    }
}
