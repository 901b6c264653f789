package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import id.ruangaman.conversation.text.RoughDate;
import java.util.Objects;
import java.util.Optional;

/** {@code date}: any text is accepted; a rough date is parsed when possible, the raw text is always kept. */
final class DateHandler extends TextHandler {

    @Override
    public NodeKind kind() {
        return NodeKind.DATE;
    }

    @Override
    public KindRules rules() {
        return KindRules.answer();
    }

    @Override
    public String summaryValue(Turn turn, NodeDefinition node, Answer answer) {
        return Objects.requireNonNullElse(answer.raw(), "");
    }

    @Override
    Answer answer(Turn turn, String text) {
        Optional<RoughDate> date = turn.context().dates().parse(text);
        return Answer.date(text, date.map(RoughDate::date).orElse(null), date.map(RoughDate::precision).orElse(null));
    }
}
