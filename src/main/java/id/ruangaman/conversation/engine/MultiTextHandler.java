package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.List;
import java.util.Optional;

/** {@code multi_text}: as many messages as the person needs, in order, until "done". */
final class MultiTextHandler implements NodeHandler {

    @Override
    public NodeKind kind() {
        return NodeKind.MULTI_TEXT;
    }

    @Override
    public KindRules rules() {
        return KindRules.answer().withButtons(ChoiceIds.DONE);
    }

    @Override
    public String summaryValue(Turn turn, NodeDefinition node, Answer answer) {
        return String.join(" ", answer.parts());
    }

    @Override
    public List<ChoiceSpec> choices(Turn turn, NodeDefinition node) {
        return SystemChoices.doneAndSkip(turn.flow(), node);
    }

    @Override
    public Outcome handle(Turn turn, NodeDefinition node, Reply reply) {
        List<String> parts = turn.state().draft().parts();
        Optional<String> button = TypedWords.button(reply, choices(turn, node));
        if (button.isPresent()) {
            if (!parts.isEmpty()) {
                return Outcome.answered(Answer.texts(parts), "next");
            }
            return button.get().equals(ChoiceIds.SKIP) || node.isSkippable()
                    ? Outcome.answered(Answer.skipped(node.kind().fileName(), null), ChoiceIds.SKIP)
                    : Outcome.invalid(reply);
        }
        Optional<String> text = TextHandler.validText(node, reply);
        if (text.isEmpty()) {
            return Outcome.invalid(reply);
        }
        turn.update(state -> state.withDraft(state.draft().plusPart(text.get())));
        turn.emit(new Output.Message(turn.msg(MessageKey.MULTI_TEXT_SAVED), node.id(),
                choices(turn, node).stream().map(c -> c.display(turn)).toList(), false));
        return Outcome.handled();
    }
}
