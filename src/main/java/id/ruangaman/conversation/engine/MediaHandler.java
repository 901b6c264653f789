package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Draft;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.List;
import java.util.Optional;

/**
 * {@code media}: uploads of the accepted kinds until "done". Captions and typed notes are kept in order as
 * {@code parts}, so nothing the person writes here is lost; a caption also names the file it came with
 * ({@link id.ruangaman.conversation.Caption}), so the case page shows it beside that file. An upload without a stored file (no media id) is never
 * counted: the person is asked again instead of being told it arrived.
 */
final class MediaHandler implements NodeHandler {

    @Override
    public NodeKind kind() {
        return NodeKind.MEDIA;
    }

    @Override
    public KindRules rules() {
        return KindRules.answer().withFiles().withButtons(ChoiceIds.DONE);
    }

    @Override
    public String summaryValue(Turn turn, NodeDefinition node, Answer answer) {
        // Files by their count; a location, a contact card or a typed note by its own words: "0 file" for evidence
        // that holds only those would read as if nothing had arrived (walkthrough 10, F10).
        List<String> parts = new java.util.ArrayList<>();
        if (!answer.mediaIds().isEmpty() || answer.parts().isEmpty()) {
            parts.add(turn.msg(MessageKey.SUMMARY_FILES, "count", String.valueOf(answer.mediaIds().size())));
        }
        // cut at 79 chars, never between the two halves of an emoji (a lone half shows as "?" in the chat)
        for (int place = 0; place < answer.parts().size(); place++) {
            String note = answer.parts().get(place);
            String shown = note.length() <= 80 ? note
                    : note.substring(0, Character.isHighSurrogate(note.charAt(78)) ? 78 : 79) + "\u2026";
            // a forwarded note (a caption passed on with a file) marked, as the story's forwarded lines are
            parts.add(answer.forwarded(place) ? turn.msg(MessageKey.SUMMARY_FORWARDED, "line", shown) : shown);
        }
        return String.join("; ", parts);
    }

    @Override
    public List<ChoiceSpec> choices(Turn turn, NodeDefinition node) {
        return SystemChoices.doneAndSkip(turn.flow(), node);
    }

    @Override
    public Outcome handle(Turn turn, NodeDefinition node, Reply reply) {
        Draft draft = turn.state().draft();
        // a forwarded line is always kept: a one-word "udah", "cukup", "skip" or "nanti aja" passed on from another chat is
        // no Done, Skip or putting off of the person's own
        boolean forwarded = reply instanceof Reply.Typed typed && typed.forwarded();
        Optional<String> button = forwarded ? Optional.empty() : TypedWords.button(reply, choices(turn, node));
        if (button.isPresent()) {
            if (!draft.mediaIds().isEmpty() || !draft.parts().isEmpty()) {
                return Outcome.answered(Answer.media(draft.mediaIds(), draft.parts(), draft.forwarded(), draft.captions()), "next");
            }
            return button.get().equals(ChoiceIds.SKIP) || node.isSkippable()
                    ? Outcome.answered(Answer.skipped(node.kind().fileName(), null), ChoiceIds.SKIP)
                    : Outcome.invalid(reply);
        }
        if (reply instanceof Reply.Upload upload && upload.mediaId() == null) {
            return Outcome.invalid(reply); // the host did not store the file: never counted as received
        }
        if (reply instanceof Reply.Upload upload && node.accept().contains(upload.kind())) {
            Draft next = upload.caption() == null || upload.caption().isBlank() ? draft.plusMedia(upload.mediaId())
                    : draft.plusCaptionedMedia(upload.mediaId(), upload.caption().strip(), upload.forwarded());
            return collected(turn, node, next, true);
        }
        if (draft.mediaIds().isEmpty() && draft.parts().isEmpty() && !forwarded && reply instanceof Reply.Typed typed
                && TextHandler.putsOff(turn, typed.text())) {
            // "nanti aja", "skip dulu" with nothing sent yet: no note, the skip where it may be skipped
            return node.isSkippable() ? Outcome.answered(Answer.skipped(node.kind().fileName(), typed.text().strip()), ChoiceIds.SKIP)
                    : Outcome.invalid(reply);
        }
        // A note longer than the question takes is kept in parts, as the story's messages are: never a failed try.
        List<String> notes = MultiTextHandler.parts(node, reply);
        if (notes.isEmpty()) {
            return Outcome.invalid(reply);
        }
        Draft withNotes = draft;
        for (String note : notes) {
            withNotes = withNotes.plusPart(note, forwarded);
        }
        return collected(turn, node, withNotes, false);
    }

    /** {@code file}: a file arrived (its count is said); otherwise a note, a location or a contact card was kept. */
    private Outcome collected(Turn turn, NodeDefinition node, Draft draft, boolean file) {
        turn.update(state -> state.withDraft(draft));
        List<Choice> buttons = choices(turn, node).stream().map(c -> c.display(turn)).toList();
        // a note's acknowledgement is routine, as a story line's is (Output.Message#routine); a file's says the count
        turn.emit(file ? new Output.Message(turn.msg(MessageKey.MEDIA_SAVED, "count", String.valueOf(draft.mediaIds().size())),
                node.id(), buttons, false) : Output.Message.routine(turn.msg(MessageKey.MULTI_TEXT_SAVED), node.id(), buttons));
        return Outcome.handled();
    }
}
