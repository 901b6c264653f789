package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code summary}: shows the labelled answers with "send" and "change an answer". Changing lists the answers by label;
 * after re-answering one, the flow comes back here as soon as it reaches a question that already has an answer.
 */
final class SummaryHandler implements NodeHandler {

    @Override
    public NodeKind kind() {
        return NodeKind.SUMMARY;
    }

    @Override
    public KindRules rules() {
        return KindRules.summary().withButtons(ChoiceIds.CONFIRM, ChoiceIds.EDIT);
    }

    @Override
    public List<ChoiceSpec> choices(Turn turn, NodeDefinition node) {
        List<ChoiceSpec> choices = new ArrayList<>();
        if (turn.state().draft().choosingEdit()) {
            SummaryRenderer.editable(turn).forEach(target -> choices.add(new ChoiceSpec(target.id(), target.label(), List.of())));
            choices.add(new ChoiceSpec(ChoiceIds.BACK, turn.flow().message(MessageKey.SUMMARY_BACK), Words.BACK));
        } else {
            choices.add(new ChoiceSpec(ChoiceIds.CONFIRM, turn.flow().message(MessageKey.SUMMARY_CONFIRM), Words.CONFIRM));
            choices.add(new ChoiceSpec(ChoiceIds.EDIT, turn.flow().message(MessageKey.SUMMARY_EDIT), Words.EDIT));
        }
        return choices;
    }

    @Override
    public String body(Turn turn, NodeDefinition node) {
        if (turn.state().draft().choosingEdit()) {
            return turn.msg(MessageKey.SUMMARY_EDIT_WHICH);
        }
        return NodeTexts.progressAndText(turn, node) + "\n\n" + SummaryRenderer.lines(turn);
    }

    @Override
    public Outcome handle(Turn turn, NodeDefinition node, Reply reply) {
        Optional<String> chosen = chosen(turn, node, reply);
        if (chosen.isEmpty()) {
            return Outcome.invalid(reply);
        }
        switch (chosen.get()) {
            case ChoiceIds.CONFIRM -> {
                submit(turn);
                return Outcome.answered(null, "next");
            }
            case ChoiceIds.EDIT, ChoiceIds.BACK -> {
                turn.update(state -> state.withDraft(state.draft().withChoosingEdit(chosen.get().equals(ChoiceIds.EDIT))));
                Prompter.ask(turn);
            }
            default -> {
                turn.update(state -> state.withReturnToSummary(node.id()));
                Navigator.askAt(turn, chosen.get());
            }
        }
        return Outcome.handled();
    }

    private static void submit(Turn turn) {
        String code = turn.context().ids().referenceCode();
        turn.update(state -> state.withReferenceCode(code));
        // Only the current answers: one a change from the summary made unreachable is not part of the report.
        java.util.Set<String> current = AnswerPath.of(turn.flow(), turn.state().answers()).keys();
        java.util.Map<String, id.ruangaman.conversation.Answer> answers = new java.util.LinkedHashMap<>(turn.state().answers());
        answers.keySet().retainAll(current);
        java.util.List<String> flags = new java.util.ArrayList<>(Conditions.flags(turn.flow(), answers));
        if (turn.state().dangerSaid()) {
            flags.add(id.ruangaman.conversation.SessionState.DANGER_SAID); // "dia di depan pintu" at another question
        }
        turn.emit(new Output.IntakeSubmitted(code, answers, flags));
    }
}
