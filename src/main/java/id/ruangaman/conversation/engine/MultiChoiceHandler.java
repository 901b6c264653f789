package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.AnswerWords;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import id.ruangaman.conversation.definition.OptionDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code multi_choice}: buttons toggle options, typed "1, 3" or the options' words add them, an option named under a
 * negation ("tidak butuh bantuan hukum") is taken off, "done" finishes.
 */
final class MultiChoiceHandler implements NodeHandler {

    @Override
    public NodeKind kind() {
        return NodeKind.MULTI_CHOICE;
    }

    @Override
    public KindRules rules() {
        return KindRules.answer().withOptions().withButtons(ChoiceIds.DONE);
    }

    @Override
    public boolean multiSelect(Turn turn) {
        return !turn.state().draft().choosingEdit();
    }

    @Override
    public String summaryValue(Turn turn, NodeDefinition node, Answer answer) {
        return answer.values().stream().map(id -> SummaryRenderer.optionLabel(turn, node, id)).collect(Collectors.joining(", "));
    }

    @Override
    public List<ChoiceSpec> choices(Turn turn, NodeDefinition node) {
        List<String> selected = turn.state().draft().selected();
        List<ChoiceSpec> choices = new ArrayList<>();
        node.options().forEach(option -> choices.add(SystemChoices.option(option, selected.contains(option.id()))));
        choices.add(SystemChoices.done(turn.flow()));
        SystemChoices.addSkip(choices, turn.flow(), node);
        return choices;
    }

    @Override
    public Outcome handle(Turn turn, NodeDefinition node, Reply reply) {
        Optional<String> chosen = chosen(turn, node, reply);
        if (chosen.isPresent() && chosen.get().equals(ChoiceIds.DONE)) {
            return finish(turn, node, reply);
        }
        if (chosen.isPresent() && chosen.get().equals(ChoiceIds.SKIP)) {
            return Outcome.answered(Answer.skipped(node.kind().fileName(), typedSoFar(turn)), ChoiceIds.SKIP);
        }
        List<String> selected = new ArrayList<>(turn.state().draft().selected());
        boolean broad = false;
        if (reply instanceof Reply.Pick && chosen.isPresent()) {
            if (!selected.remove(chosen.get())) {
                selected.add(chosen.get());
            }
        } else if (reply instanceof Reply.Typed typed) {
            List<ChoiceSpec> options = node.options().stream().map(option -> SystemChoices.option(option, false)).toList();
            ChoiceMatcher.Mentions said = ChoiceMatcher.matchAll(typed.text(), options)
                    .map(ids -> new ChoiceMatcher.Mentions(ids, List.of(), List.of()))
                    .orElseGet(() -> ChoiceMatcher.mentions(typed.text(), options));
            if (said.ids().isEmpty() && !said.negated()) {
                // "nanti aja", "skip dulu", "ok nanti ya", "rahasia" with nothing chosen: Lewati said in words, where the
                // question may be skipped
                AnswerWords words = turn.context().settings().words();
                boolean later = node.isSkippable() && selected.isEmpty() && (LaterWords.said(typed.text(), words)
                        || LaterWords.only(typed.text(), words) || LaterWords.ratherNotSay(typed.text(), words));
                return later ? Outcome.answered(Answer.skipped(node.kind().fileName(), typed.text().strip()), ChoiceIds.SKIP)
                        : Outcome.invalid(reply);
            }
            said.ids().stream().filter(id -> !selected.contains(id)).forEach(selected::add);
            selected.removeAll(said.negatedIds()); // "tidak butuh bantuan hukum": not wanted, so not ticked
            if (ChoiceMatcher.picks(typed.text(), options, () -> SingleChoiceHandler.numbersShown(turn)).isEmpty()) {
                // kept as raw, the person's own words; "1, 3" from a WhatsApp list only points at options (ChoiceMatcher#picks)
                turn.update(state -> state.withDraft(state.draft().plusPart(typed.text().strip())));
            }
            broad = !said.ids().isEmpty() && TooBroad.said(node, typed.text()); // "pelecehan dan dipukul"
        } else {
            return Outcome.invalid(reply);
        }
        turn.update(state -> state.withDraft(state.draft().withSelected(inOptionOrder(node, selected))));
        acknowledge(turn, node, broad ? TooBroad.question(turn, node) : null);
        return Outcome.handled();
    }

    /**
     * "Done": the selection, with what the person typed to make it as {@code raw} (the inbox shows it beside the
     * options, as for a typed single choice); nothing selected is a skip where the question may be skipped, still with
     * what was typed, and where it may not, "Belum ada yang dipilih" with the buttons: nothing stored, no attempt counted
     * (before: "Maaf, saya belum mengerti", counting towards giving up on a question the person was answering).
     */
    private Outcome finish(Turn turn, NodeDefinition node, Reply reply) {
        List<String> selected = turn.state().draft().selected();
        String raw = typedSoFar(turn);
        if (selected.isEmpty()) {
            if (node.isSkippable()) {
                return Outcome.answered(Answer.skipped(node.kind().fileName(), raw), ChoiceIds.SKIP);
            }
            acknowledge(turn, node, null);
            return Outcome.handled();
        }
        return Outcome.answered(Answer.choices(selected, raw), "next");
    }

    /** What the person typed at this question so far, each message that changed the selection, joined by " / ". */
    private static String typedSoFar(Turn turn) {
        List<String> typed = turn.state().draft().parts();
        return typed.isEmpty() ? null : String.join(" / ", typed);
    }

    /**
     * The selection, and where the reply also held a broad word, the question about it in the same message. With every
     * choice un-ticked, "Belum ada yang dipilih" and what to do, never "Dipilih: —." (an empty list written as a dash).
     */
    private void acknowledge(Turn turn, NodeDefinition node, String broadQuestion) {
        List<String> selected = turn.state().draft().selected();
        String labels = node.options().stream().filter(option -> selected.contains(option.id()))
                .map(option -> turn.text(option.label())).collect(Collectors.joining(", "));
        String text = (labels.isEmpty() ? turn.msg(MessageKey.NOTHING_SELECTED) : turn.msg(MessageKey.SELECTED, "selected", labels))
                + (broadQuestion == null ? "" : "\n\n" + broadQuestion);
        turn.emit(new Output.Message(text, node.id(), choices(turn, node).stream().map(c -> c.display(turn)).toList(), true));
    }

    private static List<String> inOptionOrder(NodeDefinition node, List<String> selected) {
        return node.options().stream().map(OptionDefinition::id).filter(selected::contains).toList();
    }
}
