package id.ruangaman.conversation.engine;

import java.util.List;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SharedKind;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;

/** Handles an input aimed at the current question of an active session (commands are handled before). */
public final class Answering {

    /** Questions answered in typed words, where a file's caption is read as typed. */
    private static final java.util.Set<NodeKind> TYPED_TEXT = java.util.EnumSet.of(NodeKind.TEXT, NodeKind.MULTI_TEXT);
    /**
     * Questions that keep what the person forwarded from another chat (the story, the evidence and its notes), marked as
     * forwarded ({@link id.ruangaman.conversation.Answer#forwarded()}); every other question asks for the person's own
     * answer.
     */
    private static final java.util.Set<NodeKind> KEEPS_FORWARDED = java.util.EnumSet.of(NodeKind.MULTI_TEXT, NodeKind.MEDIA);
    /** The kinds whose buttons a typed number may name by place. */
    private static final java.util.Set<NodeKind> CHOICES = java.util.EnumSet.of(NodeKind.SINGLE_CHOICE, NodeKind.MULTI_CHOICE,
            NodeKind.YES_NO, NodeKind.SUMMARY);

    private Answering() {
    }

    /** Whether a file's caption at a question of {@code kind} is read as typed words (not only for danger). */
    public static boolean readsCaption(NodeKind kind) {
        return TYPED_TEXT.contains(kind);
    }

    public static void handle(Turn turn, Input input) {
        NodeDefinition node = turn.currentNode();
        NodeHandler handler = NodeHandlers.of(node.kind());
        Reply asTyped = toReply(node, input);
        if (asTyped instanceof Reply.Typed typed && typed.forwarded() && !KEEPS_FORWARDED.contains(node.kind())) {
            // before any reading of the words, the language's names included ("bahasa indonesia" passed on is no choice)
            notOwnAnswer(turn, typed.text(), turn.msg(MessageKey.FORWARDED_NOT_ANSWER));
            return;
        }
        Reply reply = LanguageWords.understood(turn, node, asTyped);
        if (reply == null && input instanceof Input.ButtonPress) {
            // A button of an earlier question: one message, the note and then the question that is asked now, with its
            // buttons (before, the note and the question came as two messages for one tap).
            Prompter.askAfter(turn, turn.msg(MessageKey.STALE_BUTTON));
            return;
        }
        // A file or a sticker the question cannot use: one message, the question staying where it was and no attempt
        // counted. Where no file is asked, the note and then the question again with its buttons, so the person knows
        // what to answer (the note alone left them with buttons under a line that asks nothing). Where files are asked,
        // the short line alone: the question was just shown and says what can be sent.
        boolean files = handler.rules().takesFiles();
        if (reply == null && input instanceof Input.Unsupported) {
            // Something no question can read (a poll, a dice, a story ...): say so and what works, then the question again,
            // in one message, as for a photo where no file is asked (before: the note with the buttons only, under a line
            // that asks nothing). Where files are asked, the note alone with the buttons, as for a sticker there.
            noteThenQuestion(turn, turn.msg(MessageKey.UNREADABLE_INPUT), files);
            return;
        }
        if (reply == null && (input instanceof Input.SharedContact || input instanceof Input.Location)) {
            // A contact card or a location at a question that does not ask for one ("Siapa namamu?", a choice, a date):
            // one kind line saying it was not kept and that the answer can be typed, then the question, no attempt
            // counted. Before, at a free-text question the card's line ("👤 name · +62 ...", a friend's number) was
            // stored as the name, the faculty, the reported person ...
            MessageKey note = input instanceof Input.SharedContact ? MessageKey.CONTACT_NOT_EXPECTED : MessageKey.LOCATION_NOT_EXPECTED;
            noteThenQuestion(turn, turn.msg(note), files);
            return;
        }
        if (reply == null) {
            // A sticker. At a question that takes files, the
            // question's own re-prompt (what can be sent), not "only text and buttons".
            String line = !files ? turn.msg(MessageKey.UNSUPPORTED_INPUT)
                    : node.reprompt() != null ? turn.text(node.reprompt()) : turn.msg(MessageKey.REPROMPT);
            noteThenQuestion(turn, line, files);
            return;
        }
        if (reply instanceof Reply.Upload upload && !files) {
            // A photo, document, voice note or video where none is asked: not kept as an answer (see media_not_expected).
            String refused = node.mediaRefused() != null ? turn.text(node.mediaRefused()) : turn.msg(MessageKey.MEDIA_NOT_EXPECTED);
            String caption = upload.caption() == null ? "" : upload.caption().strip();
            if (upload.forwarded() && !KEEPS_FORWARDED.contains(node.kind())) {
                // a forwarded file's caption is no answer of the person's own ("Siapa namamu?"): read for danger only
                notOwnAnswer(turn, caption, refused);
                return;
            }
            if (caption.isEmpty() || !TYPED_TEXT.contains(node.kind())) {
                if (!caption.isEmpty() && Unclear.saidAtOnce(turn, node, caption)) {
                    // "dia di depan pintu" written under a photo at "are you in danger now?": answered as if typed
                    Unclear.takeAtOnce(turn, node, caption);
                    return;
                }
                if (!caption.isEmpty() && DangerAnywhere.said(turn, node, caption)) {
                    // Danger written under a photo at a choice: the emergency numbers first (the report flagged), then
                    // the note and the question again, in one message as for typed danger there. Before, the caption
                    // went unread; then the numbers and the note came as two messages for one photo.
                    String safety = DangerAnywhere.tell(turn);
                    if (!safety.isEmpty()) {
                        refused = safety + "\n\n" + refused;
                    }
                }
                noteThenQuestion(turn, refused, false);
                return;
            }
            // Its caption is the person's words: at a question that takes typed text (the story, a single text answer)
            // it is read as if typed (for danger too) and kept; the note says only the file was not kept, in the same
            // message as what the caption gets (the story's "Tersimpan", the next question), so a captioned file gets
            // one message, not two in a row. Before, the caption was dropped with the file.
            int from = turn.outputCount();
            take(turn, node, handler, new Reply.Typed(caption, upload.forwarded()));
            turn.joinNote(from, refused, DangerAnywhere.question(turn.flow()).isPresent() ? DangerAnywhere.emergency(turn) : "");
            return;
        }
        take(turn, node, handler, reply);
    }

    /** {@code reply} (understood, not a file refused here) taken at {@code node}: read for danger, then answered. */
    private static void take(Turn turn, NodeDefinition node, NodeHandler handler, Reply reply) {
        String words = reply instanceof Reply.Typed typed ? typed.text()
                : reply instanceof Reply.Upload upload && upload.caption() != null ? upload.caption() : null;
        boolean dangerNow = words != null && node.kind() != NodeKind.MULTI_TEXT && DangerAnywhere.said(turn, node, words);
        if (dangerNow && reply instanceof Reply.Upload) {
            // A file with danger in its caption where files are asked (the evidence): the emergency numbers first, the
            // file and its caption kept as sent (MediaHandler), never dropped as a danger reply is at a choice. Alone, so
            // a quiet file of a burst still sends them.
            turn.say(DangerAnywhere.tell(turn));
            dangerNow = false;
        }
        // a forwarded threat here is kept beside the evidence (only the story and the evidence take forwarded lines)
        boolean kept = node.kind() == NodeKind.TEXT || reply instanceof Reply.Typed typed && typed.forwarded();
        if (dangerNow && !kept) {
            // "nanti malam dia datang" at the consent, "dia di depan pintu" anywhere: the emergency numbers and this
            // question again, nothing recorded for it, no attempt counted (before: the consent's "take your time"). A story
            // keeps such a message as a part of it (MultiTextHandler); so does a story told early here (StoryToldEarly),
            // without a word more than the numbers.
            if (StoryToldEarly.tells(turn, node, reply)) {
                StoryToldEarly.keep(turn, (Reply.Typed) reply);
            }
            DangerAnywhere.answer(turn);
            return;
        }
        if (dangerNow) {
            // Free text ("nanti dia datang lagi ke kos" at "witnesses?"), or a forwarded threat kept beside the evidence:
            // kept as written, the emergency numbers first, in one message with what follows (the next question, or the
            // evidence's acknowledgement, with its buttons), as for danger typed at a choice or written under a file.
            // Before, the numbers and what followed came as two messages for one line (at the evidence, the numbers
            // alone without the Done and Skip buttons).
            int from = turn.outputCount();
            String safety = DangerAnywhere.tell(turn);
            if (!safety.isEmpty()) {
                turn.say(safety);
            }
            answer(turn, node, handler, reply);
            turn.joinWithNext(from);
            return;
        }
        answer(turn, node, handler, reply);
    }

    /** {@code reply} taken at {@code node} once read for danger: its place, its meaning, then the handler's outcome. */
    private static void answer(Turn turn, NodeDefinition node, NodeHandler handler, Reply reply) {
        boolean place = place(node, reply);
        if (place && !turn.context().choiceOrder().shown(Prompter.question(turn))) {
            retryOrFallBack(turn, node, ((Reply.Typed) reply).text(), true);
            return;
        }
        if (place && CarefulChoices.question(turn.flow(), node) && !turn.context().choiceOrder().numbered(Prompter.question(turn))) {
            retryOrFallBack(turn, node, ((Reply.Typed) reply).text(), true); // buttons show no numbers: see CarefulChoices
            return;
        }
        if (reply instanceof Reply.Typed typed && Unclear.saidAtOnce(turn, node, typed.text())) {
            Unclear.takeAtOnce(turn, node, typed.text());
            return;
        }
        int holds = turn.state().laterHolds();
        Outcome outcome = handler.handle(turn, node, reply);
        if (holds > 0 && turn.state().laterHolds() == holds) {
            turn.update(state -> state.withLaterHolds(0)); // another kind of reply: the "later"s are no longer in a row
        }
        if (outcome instanceof Outcome.Answered answered) {
            Navigator.answered(turn, node, answered.answer(), answered.exitKey());
        } else if (outcome instanceof Outcome.Invalid && StoryToldEarly.tells(turn, node, reply)) {
            // what happened, told at "Di mana kejadiannya?" and answering nothing there: kept as the story's beginning, not
            // beside this question; thanks, and the question again, no failed attempt counted (StoryToldEarly)
            StoryToldEarly.keep(turn, (Reply.Typed) reply);
            StoryToldEarly.answer(turn);
        } else if (outcome instanceof Outcome.Invalid && reply instanceof Reply.Typed typed && TooBroad.said(node, typed.text())) {
            TooBroad.askToChoose(turn, node, typed.text()); // "pelecehan": understood, but the person chooses which it was
        } else if (outcome instanceof Outcome.Invalid invalid) {
            retryOrFallBack(turn, node, invalid.raw(), place);
        } else {
            turn.update(state -> state.withRetries(0));
        }
    }

    /**
     * Words the person forwarded from another chat (a message the terlapor sent them, say) at a question that asks for
     * their own answer (a choice, consent, a date, a name ...): never taken as the answer. Danger in them brings the
     * emergency numbers and the question again (the danger question too, which the person answers themselves; the report
     * is flagged). Otherwise {@code note} (forwarded_not_answer; a forwarded file's note that it was not kept) and the
     * question again, no attempt counted; the line stays in the chat, marked.
     */
    private static void notOwnAnswer(Turn turn, String words, String note) {
        if (!words.isBlank() && DangerAnywhere.said(turn, words)) {
            // the emergency numbers and the same question, the danger question too: the person answers it themselves
            // (the report is flagged either way); nothing of the forwarded words is kept as theirs
            DangerAnywhere.answer(turn);
        } else {
            noteThenQuestion(turn, note, false);
        }
    }

    /** {@code note}, then (unless {@code lineOnly}) the current question again, as one message with the question's buttons. */
    private static void noteThenQuestion(Turn turn, String note, boolean lineOnly) {
        if (lineOnly) {
            Prompter.sayWithButtons(turn, note);
        } else {
            Prompter.askAfter(turn, note);
        }
    }

    /**
     * Whether the reply is a bare number ("2", or "1, 3" at a multi choice) naming buttons by their place. Only at a choice
     * question whose options read no values: free-text, date and media questions, an age or a time ago (also a yes/no
     * question with {@code age_below}), take the number as the answer itself. Where the messenger does not show the choices in order (a WhatsApp list until opened:
     * {@link id.ruangaman.conversation.ChoiceOrder}) such a number names nothing the person saw and is not read; there,
     * and out of range, the one kind re-prompt lists the choices. At a question where a wrong pick is destructive or
     * safety-relevant ({@link CarefulChoices}: consent, "in danger now?", "is this phone safe?") the number is read only
     * when the choices were shown as a numbered text list, for the same reason: buttons show no numbers.
     */
    private static boolean place(NodeDefinition node, Reply reply) {
        return reply instanceof Reply.Typed typed && ChoiceMatcher.bareNumbers(typed.text())
                && CHOICES.contains(node.kind()) && !ChoiceMatcher.readsValues(node.options()) && node.ageBelow() == null;
    }

    /**
     * Null for inputs this question cannot use: a stale button, a sticker, a poll ... A shared location or contact card
     * is read as its one-line description only where the question asks for one ({@code shared:} in the flow file: a
     * witness's number, a note beside the evidence files), never elsewhere, free text included: a card sent at "Siapa
     * namamu?" is not a name.
     */
    private static Reply toReply(NodeDefinition node, Input input) {
        if (input instanceof Input.ButtonPress press) {
            return press.nodeId().equals(node.id()) ? new Reply.Pick(press.optionId()) : null;
        }
        if (input instanceof Input.Text text) {
            return new Reply.Typed(text.text(), text.forwarded());
        }
        if (input instanceof Input.Location location) {
            return node.takes(SharedKind.LOCATION) ? new Reply.Typed(location.describe()) : null;
        }
        if (input instanceof Input.SharedContact contact) {
            return node.takes(SharedKind.CONTACT) ? new Reply.Typed(contact.describe()) : null;
        }
        if (input instanceof Input.Media media) {
            return new Reply.Upload(media.mediaId(), media.kind(), media.caption(), media.forwarded());
        }
        return null;
    }

    /**
     * Whether the {@code on_invalid} exit leads to a message node of its own, one the question's answers do not lead to
     * (a help text: consent's "Ketuk Ya untuk lanjut...", the summary's "Sudah benar?"): that message is then the one
     * answer to the unclear reply, and the generic fallback line is not said before it. Before, consent and the summary
     * sent three messages for one reply ("masih belum mengerti", the help, the question). Where {@code on_invalid} is
     * the way an answer goes on anyway (the language question's introduction), the fallback line stays: it is the only
     * word about the reply, in both languages there.
     */
    private static boolean speaksOnTheWay(Turn turn, NodeDefinition node) {
        String onInvalid = node.onInvalid();
        if (onInvalid == null || onInvalid.equals(node.next()) || node.exits().containsValue(onInvalid)) {
            return false;
        }
        return turn.flow().findNode(onInvalid).map(next -> next.kind() == NodeKind.MESSAGE && next.text() != null).orElse(false);
    }

    /**
     * A kind re-prompt, or after {@code maxRetries} failed attempts the node's {@code on_invalid} exit. A question shown
     * in the summary is then recorded as skipped, keeping the last typed text in {@code raw}; a question with
     * {@code on_unclear} takes that answer instead ({@link Unclear}).
     */
    private static void retryOrFallBack(Turn turn, NodeDefinition node, String raw, boolean listChoices) {
        int retries = turn.state().retries() + 1;
        if (retries < turn.context().settings().maxRetries()) {
            turn.update(state -> state.withRetries(retries));
            // One message: the re-prompt, then the question again with its buttons (before, two messages for one reply).
            // Where the messenger shows the choices as numbered text there is nothing to tap: "type the number".
            Output.Message question = Prompter.question(turn);
            String reprompt = node.reprompt() != null ? turn.text(node.reprompt())
                    : turn.msg(turn.context().choiceOrder().numbered(question) ? MessageKey.REPROMPT_NUMBERED : MessageKey.REPROMPT);
            // the choices listed under the re-prompt only where the question shows no numbers (a list, buttons): numbered
            // text already lists them in the question below (before: three times for one "13")
            String note = listChoices && !turn.context().choiceOrder().numbered(question) ? reprompt + "\n" + String.join("\n", question.choices().stream()
                    .map(choice -> "• " + choice.label()).toList()) : reprompt;
            turn.emit(question.withText(note + "\n\n" + question.text()));
            return;
        }
        if (node.onUnclear() != null) {
            Unclear.assume(turn, node, raw);
            return;
        }
        List<String> ticked = node.kind() == NodeKind.MULTI_CHOICE ? turn.state().draft().selected() : List.of();
        if (!ticked.isEmpty()) {
            // What was ticked stays: giving up on words the buttons do not read is not giving up on the picks ("Perkosaan"
            // tapped, then two typed lines). Before, the question was recorded as skipped and the pick lost, and with it
            // what follows from it (within 72 hours: the emergency care note and the urgent medical mark). Taken as
            // "Selesai" would be, the last typed words kept in raw, with the line said where a question gives up unrecorded
            // ("Maaf, saya masih belum mengerti. Pakai tombolnya saja ya."), never "kita lewati dulu".
            turn.say(turn.msg(MessageKey.FALLBACK));
            Navigator.answered(turn, node, Answer.choices(ticked, raw), "next");
            return;
        }
        boolean recordSkip = node.key() != null && node.label() != null;
        if (recordSkip) {
            Answer gaveUp = Answer.skipped(node.kind().fileName(), raw);
            turn.update(state -> state.withAnswer(node.key(), gaveUp));
            turn.emit(new Output.AnswerRecorded(node.key(), gaveUp));
        }
        if (!speaksOnTheWay(turn, node)) {
            turn.say(turn.msg(recordSkip ? MessageKey.FALLBACK_SKIPPED : MessageKey.FALLBACK));
        }
        if (node.isLanguageChoice() && turn.state().language() == null) {
            turn.update(state -> state.withLanguage(turn.flow().defaultLanguage())); // /bahasa changes it any time
        }
        Navigator.enter(turn, node.onInvalid());
    }
}
