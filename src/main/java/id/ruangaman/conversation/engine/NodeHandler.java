package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one {@link NodeKind} does: the fields its lint checks, what happens when the flow reaches it, and for a
 * question how it shows itself, reads replies and appears in the summary. One implementation per kind, listed in
 * {@link NodeHandlers}.
 */
interface NodeHandler {

    NodeKind kind();

    /** What a flow file may and must hold for this kind; the lint reads it. */
    KindRules rules();

    /**
     * The flow reaches a node of this kind. A question is asked and waits (null); a node that does not wait does its
     * part and returns the id of the node to go on to, or null when the conversation stops here.
     */
    default String enter(Turn turn, NodeDefinition node) {
        Prompter.ask(turn);
        return null;
    }

    /** The buttons under the question, in display order. */
    List<ChoiceSpec> choices(Turn turn, NodeDefinition node);

    Outcome handle(Turn turn, NodeDefinition node, Reply reply);

    /** The question text; the summary adds the answers. */
    default String body(Turn turn, NodeDefinition node) {
        return NodeTexts.progressAndText(turn, node);
    }

    /** Whether the buttons toggle options on and off rather than answer at once. */
    default boolean multiSelect(Turn turn) {
        return false;
    }

    /** An answer of this kind as a line of the summary shows it, before shortening: labels, never ids. */
    default String summaryValue(Turn turn, NodeDefinition node, Answer answer) {
        return Objects.requireNonNullElse(answer.value(), "");
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
