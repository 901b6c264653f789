package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.PendingPrompt;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.definition.MessageKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The label of a pressed button, for people who read a transcript: a flow node's options (including the engine's own
 * yes/no/skip/done/summary buttons) and the system questions' buttons, in the reader's language.
 */
public final class ButtonLabels {

    private ButtonLabels() {
    }

    /** Empty when the node or the option is unknown to this flow revision. */
    public static Optional<String> of(EngineContext context, Flow flow, String nodeId, String optionId, String language) {
        String lang = flow.languages().contains(language) ? language : flow.defaultLanguage();
        Turn turn = new Turn(context, flow, flow, SessionState.fresh(flow, lang, null, context.clock().instant()));
        if (CaseThreads.THREAD_NODE.equals(nodeId)) {
            return CaseThreads.NEW_REPORT.equals(optionId) ? Optional.of(turn.msg(MessageKey.THREAD_NEW_REPORT)) : Optional.empty();
        }
        Optional<PendingPrompt> prompt = Arrays.stream(PendingPrompt.values())
                .filter(p -> p.nodeId() != null && p.nodeId().equals(nodeId)).findFirst();
        List<ChoiceSpec> choices;
        if (prompt.isPresent()) {
            choices = PendingPrompts.choices(turn, prompt.get());
        } else {
            var node = flow.findNode(nodeId);
            if (node.isEmpty() || !NodeHandlers.rulesOf(node.get().kind()).question()) {
                return Optional.empty();
            }
            choices = NodeHandlers.of(node.get().kind()).choices(turn, node.get());
        }
        if (prompt.filter(PendingPrompt.NEW_REPORT::equals).isPresent() && CaseThreads.chosenCase(optionId) != null) {
            return Optional.of(turn.text(CaseThreads.addToLabel(turn, CaseThreads.chosenCase(optionId))));
        }
        return choices.stream().filter(choice -> choice.id().equals(optionId)).findFirst().map(choice -> turn.text(choice.label()));
    }
}
