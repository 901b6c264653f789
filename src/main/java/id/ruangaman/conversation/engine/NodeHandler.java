package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.List;
import java.util.Optional;

/** How one kind of question shows itself and reads replies. One implementation per kind. */
interface NodeHandler {

    /** The buttons under the question, in display order. */
    List<ChoiceSpec> choices(Turn turn, NodeDefinition node);

    Outcome handle(Turn turn, NodeDefinition node, Reply reply);

    /** The question text; the summary adds the answers. */
    default String body(Turn turn, NodeDefinition node) {
        return NodeTexts.progressAndText(turn, node);
    }

    /** The button a reply means: a pressed button of this node, or typed text matching one. */
    default Optional<String> chosen(Turn turn, NodeDefinition node, Reply reply) {
        List<ChoiceSpec> choices = choices(turn, node);
        if (reply instanceof Reply.Pick pick) {
            return choices.stream().map(ChoiceSpec::id).filter(pick.id()::equals).findFirst();
        }
        if (reply instanceof Reply.Typed typed) {
            return ChoiceMatcher.match(typed.text(), choices);
        }
        return Optional.empty();
    }
}
