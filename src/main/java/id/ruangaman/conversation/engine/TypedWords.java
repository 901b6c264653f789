package id.ruangaman.conversation.engine;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * For free-text questions: is the typed text one of the node's buttons said in words ("lewati", "selesai")?
 * Numbers are not matched here, since "2" can be a real answer.
 */
final class TypedWords {

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private TypedWords() {
    }

    static Optional<String> button(Reply reply, List<ChoiceSpec> choices) {
        if (reply instanceof Reply.Pick pick) {
            return choices.stream().map(ChoiceSpec::id).filter(pick.id()::equals).findFirst();
        }
        if (reply instanceof Reply.Typed typed && !DIGITS.matcher(ChoiceMatcher.normalize(typed.text())).matches()) {
            return ChoiceMatcher.match(typed.text(), choices);
        }
        return Optional.empty();
    }
}
