package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.OptionDefinition;
import java.util.ArrayList;
import java.util.List;

/** Builds the buttons the engine adds itself, labelled from the flow's messages. */
final class SystemChoices {

    private SystemChoices() {
    }

    /** "Ya", also typed as any yes word of the answer words ({@code conversations/_answer_words.yaml}). */
    static ChoiceSpec yes(Turn turn) {
        return new ChoiceSpec(ChoiceIds.YES, turn.flow().message(MessageKey.YES), turn.context().settings().words().allYes());
    }

    static ChoiceSpec no(Turn turn) {
        return new ChoiceSpec(ChoiceIds.NO, turn.flow().message(MessageKey.NO), turn.context().settings().words().allNo());
    }

    static ChoiceSpec skip(Flow flow) {
        return new ChoiceSpec(ChoiceIds.SKIP, flow.message(MessageKey.SKIP), Words.SKIP);
    }

    static ChoiceSpec done(Flow flow) {
        return new ChoiceSpec(ChoiceIds.DONE, flow.message(MessageKey.DONE), Words.DONE);
    }

    /** A flow option; its typed words ({@code words:} in the flow file) match like its label. */
    static ChoiceSpec option(OptionDefinition option, boolean checked) {
        return new ChoiceSpec(option.id(), option.label(), option.allWords(), checked, option);
    }

    /** Adds the skip button when the node allows skipping. */
    static void addSkip(List<ChoiceSpec> choices, Flow flow, NodeDefinition node) {
        if (node.isSkippable()) {
            choices.add(skip(flow));
        }
    }

    /** "Done" then, where the node allows it, "skip": the choices of questions that collect until done. */
    static List<ChoiceSpec> doneAndSkip(Flow flow, NodeDefinition node) {
        List<ChoiceSpec> choices = new ArrayList<>(List.of(done(flow)));
        addSkip(choices, flow, node);
        return choices;
    }
}
