package id.ruangaman.conversation.engine;

import java.util.List;
import java.util.Optional;

/**
 * For free-text questions: is the typed text one of the node's buttons said in words ("lewati", "selesai")?
 * Numbers are not matched here, since "2" can be a real answer.
 */
final class TypedWords {

    private TypedWords() {
    }

    static Optional<String> button(Reply reply, List<ChoiceSpec> choices) {
        if (reply instanceof Reply.Pick pick) {
            return choices.stream().map(ChoiceSpec::id).filter(pick.id()::equals).findFirst();
        }
        if (reply instanceof Reply.Typed typed && !ChoiceMatcher.normalize(typed.text()).matches("\\d+")) {
            return ChoiceMatcher.match(typed.text(), choices);
        }
        return Optional.empty();
    }
}
