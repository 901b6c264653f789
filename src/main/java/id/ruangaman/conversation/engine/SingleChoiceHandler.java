package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code single_choice}: one option, then leave through that option's exit. */
final class SingleChoiceHandler implements NodeHandler {

    @Override
    public NodeKind kind() {
        return NodeKind.SINGLE_CHOICE;
    }

    @Override
    public KindRules rules() {
        return KindRules.answer().withOptions().withExitPerAnswer().withLanguageChoice();
    }

    @Override
    public String summaryValue(Turn turn, NodeDefinition node, Answer answer) {
        return SummaryRenderer.optionLabel(turn, node, answer.value());
    }

    @Override
    public List<ChoiceSpec> choices(Turn turn, NodeDefinition node) {
        List<ChoiceSpec> choices = new ArrayList<>();
        node.options().forEach(option -> choices.add(SystemChoices.option(option, false)));
        SystemChoices.addSkip(choices, turn.flow(), node);
        return choices;
    }

    @Override
    public Outcome handle(Turn turn, NodeDefinition node, Reply reply) {
        Optional<String> chosen = chosen(turn, node, reply);
        if (chosen.isEmpty()) {
            return Outcome.invalid(reply);
        }
        String raw = reply instanceof Reply.Typed typed ? typed.text() : null;
        if (chosen.get().equals(ChoiceIds.SKIP)) {
            return Outcome.answered(Answer.skipped(node.kind().fileName(), null), ChoiceIds.SKIP);
        }
        return Outcome.answered(Answer.choice(node.kind().fileName(), chosen.get(), raw), chosen.get());
    }
}
