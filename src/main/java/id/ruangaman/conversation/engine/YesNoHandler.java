package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code yes_no}: Ya / Tidak (also typed: the answer words of {@code conversations/_answer_words.yaml}), exits {@code yes} and {@code no}. */
final class YesNoHandler implements NodeHandler {

    @Override
    public NodeKind kind() {
        return NodeKind.YES_NO;
    }

    @Override
    public KindRules rules() {
        return KindRules.answer().withValues(ChoiceIds.YES, ChoiceIds.NO).withExitPerAnswer();
    }

    @Override
    public String summaryValue(Turn turn, NodeDefinition node, Answer answer) {
        return turn.msg(ChoiceIds.YES.equals(answer.value()) ? MessageKey.YES : MessageKey.NO);
    }

    @Override
    public List<ChoiceSpec> choices(Turn turn, NodeDefinition node) {
        List<ChoiceSpec> choices = new ArrayList<>(List.of(SystemChoices.yes(turn), SystemChoices.no(turn)));
        SystemChoices.addSkip(choices, turn.flow(), node);
        return choices;
    }

    /** A tapped button, or typed words: "iya, setuju 🙏", "ya kak", "nggak" (see {@link ChoiceMatcher#matchPhrase}). */
    @Override
    public Optional<String> chosen(Turn turn, NodeDefinition node, Reply reply) {
        if (reply instanceof Reply.Typed typed) {
            return ChoiceMatcher.matchPhrase(typed.text(), choices(turn, node));
        }
        return NodeHandler.super.chosen(turn, node, reply);
    }

    @Override
    public Outcome handle(Turn turn, NodeDefinition node, Reply reply) {
        Optional<String> chosen = chosen(turn, node, reply);
        if (chosen.isEmpty()) {
            return Outcome.invalid(reply);
        }
        if (chosen.get().equals(ChoiceIds.SKIP)) {
            return Outcome.answered(Answer.skipped(node.kind().fileName(), null), ChoiceIds.SKIP);
        }
        String raw = reply instanceof Reply.Typed typed ? typed.text() : null;
        return Outcome.answered(Answer.choice(node.kind().fileName(), chosen.get(), raw), chosen.get());
    }
}
