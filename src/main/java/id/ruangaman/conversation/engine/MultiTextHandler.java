package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.List;
import java.util.Optional;

/** {@code multi_text}: as many messages as the person needs, in order, until "done". */
final class MultiTextHandler implements NodeHandler {

    @Override
    public NodeKind kind() {
        return NodeKind.MULTI_TEXT;
    }

    @Override
    public KindRules rules() {
        return KindRules.answer().withButtons(ChoiceIds.DONE);
    }

    @Override
    public String summaryValue(Turn turn, NodeDefinition node, Answer answer) {
        // a forwarded line marked, so the terlapor's words passed on are not read back as the person's own
        List<String> lines = new java.util.ArrayList<>();
        for (int place = 0; place < answer.parts().size(); place++) {
            String line = answer.parts().get(place);
            lines.add(answer.forwarded(place) ? turn.msg(MessageKey.SUMMARY_FORWARDED, "line", line) : line);
        }
        return String.join(" ", lines);
    }

    /** Asks the question; with the story told early ({@link StoryToldEarly#opening}) its lines in the draft and a line first. */
    @Override
    public String enter(Turn turn, NodeDefinition node) {
        Optional<String> carried = StoryToldEarly.opening(turn, node);
        if (carried.isPresent()) {
            Prompter.askAfter(turn, carried.get());
        } else {
            Prompter.ask(turn);
        }
        return null;
    }

    @Override
    public List<ChoiceSpec> choices(Turn turn, NodeDefinition node) {
        return SystemChoices.doneAndSkip(turn.flow(), node);
    }

    @Override
    public Outcome handle(Turn turn, NodeDefinition node, Reply reply) {
        List<String> parts = turn.state().draft().parts();
        // a forwarded line is always kept: a one-word "udah", "cukup", "skip" or "nanti aja" passed on from another chat is
        // no Done, Skip or putting off of the person's own
        boolean forwarded = reply instanceof Reply.Typed typed && typed.forwarded();
        Optional<String> button = forwarded ? Optional.empty() : TypedWords.button(reply, choices(turn, node));
        if (button.isPresent()) {
            if (!parts.isEmpty()) {
                return Outcome.answered(Answer.texts(parts, turn.state().draft().forwarded()), "next");
            }
            return button.get().equals(ChoiceIds.SKIP) || node.isSkippable()
                    ? Outcome.answered(Answer.skipped(node.kind().fileName(), null), ChoiceIds.SKIP)
                    : Outcome.invalid(reply);
        }
        if (parts.isEmpty() && !forwarded && reply instanceof Reply.Typed typed && TextHandler.putsOff(turn, typed.text())) {
            // "nanti aja", "belum siap", "rahasia" as the first message of the story: not the story. The skip where it
            // may be skipped (what was typed kept beside it), else the one kind re-prompt. Once the story has begun,
            // a message is part of it.
            return node.isSkippable() ? Outcome.answered(Answer.skipped(node.kind().fileName(), typed.text().strip()), ChoiceIds.SKIP)
                    : Outcome.invalid(reply);
        }
        List<String> texts = parts(node, reply);
        if (texts.isEmpty()) {
            return Outcome.invalid(reply);
        }
        // a forwarded message (the terlapor's words, passed on) keeps its mark beside its lines (Answer#forwarded)
        texts.forEach(text -> turn.update(state -> state.withDraft(state.draft().plusPart(text, forwarded))));
        // "dia mau datang lagi malam ini" in the story: kept as a part of it, with the emergency numbers first
        String safety = reply instanceof Reply.Typed typed && DangerAnywhere.said(turn, node, typed.text()) ? DangerAnywhere.tell(turn) : "";
        String saved = turn.msg(MessageKey.MULTI_TEXT_SAVED);
        List<Choice> buttons = choices(turn, node).stream().map(c -> c.display(turn)).toList();
        // The acknowledgement alone is routine: a host may leave it out while more lines are waiting (Output.Message#routine).
        // With the emergency numbers it is not.
        turn.emit(safety.isEmpty() ? Output.Message.routine(saved, node.id(), buttons)
                : new Output.Message(safety + "\n\n" + saved, node.id(), buttons, false));
        return Outcome.handled();
    }

    /**
     * A typed message as parts of the story: one part, or, for a message longer than the question's length (WhatsApp
     * takes far more than 4,000 characters in one message), parts of at most that length, cut at the last white space
     * before it (within its second half; else at the length, never inside a surrogate pair), in order, nothing left
     * out. Empty for anything else (a blank message, a file).
     */
    static List<String> parts(NodeDefinition node, Reply reply) {
        if (!(reply instanceof Reply.Typed typed) || typed.text().isBlank()) {
            return List.of();
        }
        int max = node.maxLength();
        String rest = typed.text().strip();
        List<String> parts = new java.util.ArrayList<>();
        while (rest.length() > max) {
            int cut = max;
            while (cut > max / 2 && !Character.isWhitespace(rest.charAt(cut))) {
                cut--;
            }
            if (cut == max / 2) {
                cut = Character.isLowSurrogate(rest.charAt(max)) ? max - 1 : max;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        parts.add(rest);
        return parts;
    }
}
