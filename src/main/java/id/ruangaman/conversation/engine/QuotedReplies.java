package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.PendingPrompt;
import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A typed reply that quotes an earlier question of the service's own ({@link Input.Text#repliesTo()}: on WhatsApp and
 * Telegram a person can swipe or tap "reply" on any earlier message). Such a reply answers the quoted question, not the
 * one asked now: a "ya" quoted to "are you in danger now?" while "is it safe to reply here?" was asked was stored as
 * "safe to reply", and a "ya" quoted to an old question while "delete everything?" was open would have erased the report.
 * <p>
 * What it does:
 * <ul>
 * <li>the danger question quoted with its danger answer ("ya", "iya kak", "tolong") is danger now wherever the chat is
 * ({@link #dangerQuoted}): at a question or a prompt of the service's own, the emergency numbers and the report flagged,
 * then the same question again, in one message, nothing recorded; after the report, in a pause, after an erasure, the
 * same readers that read danger words read it too (the case marked in danger);</li>
 * <li>at a question read as a choice (yes/no, choices, a date, the summary) or at a prompt of the service's own ("delete
 * everything?", "carry on or start over?"), any other quote of an earlier question: one message saying the reply was to
 * an earlier question and was not saved as an answer, then the question again with its buttons; nothing recorded, no
 * attempt counted;</li>
 * <li>in the case thread's own prompts ("may we keep this file?", "a new report?") a quote is read as usual;</li>
 * <li>at a question answered in the person's own words (a text, the story, the notes beside the evidence) the line is
 * taken as usual: it is testimony and is never dropped, and the danger question itself reads every reply as usual.</li>
 * </ul>
 * A quote of the question asked now, of a message that asked no question (the greeting, the emergency numbers), or of
 * something the host could not match is read as any typed reply is. The person's line stays in the transcript either way.
 */
public final class QuotedReplies {

    /** Questions answered in the person's own words: a quoted line there is kept as the answer, as typed. */
    private static final Set<NodeKind> OWN_WORDS = EnumSet.of(NodeKind.TEXT, NodeKind.MULTI_TEXT, NodeKind.MEDIA);

    private QuotedReplies() {
    }

    /** Whether this class answers {@code text} (see the class comment): else it is read as any typed reply. */
    public static boolean handles(Turn turn, Input.Text text) {
        String quoted = text.repliesTo();
        if (quoted == null || !asked(turn, quoted)) {
            return false;
        }
        PendingPrompt pending = turn.state().pending();
        if (pending != PendingPrompt.NONE) {
            return !PendingPrompts.threadPrompt(pending) && (dangerQuoted(turn, text) || !quoted.equals(pending.nodeId()));
        }
        if (turn.state().status() != SessionStatus.ACTIVE || turn.state().nodeId() == null) {
            return false; // a pause, the case thread, a finished chat: their own readers (danger included, dangerQuoted)
        }
        NodeDefinition node = turn.currentNode();
        if (!NodeHandlers.rulesOf(node.kind()).question() || isDangerQuestion(turn, node.id()) || OWN_WORDS.contains(node.kind())) {
            return false; // the person's own words are kept as typed (danger quoted there: dangerInOwnWords)
        }
        return dangerQuoted(turn, text) || !quoted.equals(node.id());
    }

    /**
     * Whether {@code text} quotes the danger question with its danger answer at a question answered in the person's own
     * words (the story, a text, the notes beside the evidence), with no danger word of its own (those the question's
     * reader answers itself): "ya, waktu itu aku takut" quoted to "are you in danger now?" in the story.
     */
    public static boolean dangerInOwnWords(Turn turn, Input.Text text) {
        if (turn.state().pending() != PendingPrompt.NONE || turn.state().status() != SessionStatus.ACTIVE
                || turn.state().nodeId() == null || !OWN_WORDS.contains(turn.currentNode().kind())) {
            return false;
        }
        return dangerQuoted(turn, text) && !DangerAnywhere.said(turn, text.text());
    }

    /**
     * Answers a reply that {@link #dangerInOwnWords}: the emergency numbers and the danger flag, and the line taken as
     * the question takes any (kept in the story, as the answer), in one message with what the question says next. The
     * person's words are testimony and are never dropped.
     */
    public static void answerInOwnWords(Turn turn, Input.Text text) {
        int from = turn.outputCount();
        String safety = DangerAnywhere.tell(turn);
        DangerAnywhere.answerAgain(turn);
        if (!safety.isEmpty()) {
            turn.say(safety);
        }
        Answering.handle(turn, text);
        if (!safety.isEmpty()) {
            turn.joinWithNext(from);
        }
    }

    /**
     * A press of the danger question's danger button ("Ya" under "are you in danger now?") when that question is no
     * longer the one asked (WhatsApp's buttons never go away; Telegram's stay on older messages): read as a "Ya" quoting
     * the question ({@link #dangerQuoted}), so it gets the emergency numbers wherever the chat is, never "that button is
     * no longer in use". Any other input is returned as it is.
     */
    public static Input dangerPress(Turn turn, Input input) {
        if (!(input instanceof Input.ButtonPress press)) {
            return input;
        }
        Optional<NodeDefinition> danger = DangerAnywhere.question(turn.flow());
        if (danger.isEmpty() || !danger.get().id().equals(press.nodeId()) || !danger.get().onUnclear().answer().equals(press.optionId())) {
            return input;
        }
        boolean askedNow = turn.state().status() == SessionStatus.ACTIVE && turn.state().pending() == PendingPrompt.NONE
                && danger.get().id().equals(turn.state().nodeId());
        if (askedNow) {
            return input;
        }
        String label = NodeHandlers.of(danger.get().kind()).choices(turn, danger.get()).stream()
                .filter(choice -> choice.id().equals(press.optionId())).findFirst().map(choice -> turn.text(choice.label()))
                .orElse(press.optionId());
        return new Input.Text(label, danger.get().id());
    }

    /**
     * Answers the danger button pressed when no longer asked ({@link #dangerPress}) where a question or a prompt of the
     * service's own is open: the emergency numbers, the danger flag, and the same question again, in one message;
     * nothing recorded (a press is no line of a story). False, doing nothing, elsewhere (the case thread, a pause): their
     * readers take it as a "Ya" quoting the danger question.
     */
    public static boolean answerPress(Turn turn) {
        PendingPrompt pending = turn.state().pending();
        if (pending != PendingPrompt.NONE && !PendingPrompts.threadPrompt(pending)) {
            String safety = DangerAnywhere.tell(turn);
            DangerAnywhere.answerAgain(turn);
            if (safety.isEmpty()) {
                PendingPrompts.ask(turn, pending);
            } else {
                PendingPrompts.askAfter(turn, safety);
            }
            return true;
        }
        if (pending == PendingPrompt.NONE && turn.state().status() == SessionStatus.ACTIVE && turn.state().nodeId() != null
                && NodeHandlers.rulesOf(turn.currentNode().kind()).question()) {
            DangerAnywhere.answer(turn);
            DangerAnywhere.answerAgain(turn);
            return true;
        }
        return false;
    }

    /** Answers a reply that {@link #handles}: danger first, else the note and the question again. */
    public static void answer(Turn turn, Input.Text text) {
        boolean quotedDanger = dangerQuoted(turn, text);
        String note = quotedDanger || DangerAnywhere.said(turn, text.text()) ? DangerAnywhere.tell(turn)
                : turn.msg(MessageKey.QUOTED_EARLIER);
        if (quotedDanger) {
            DangerAnywhere.answerAgain(turn);
        }
        boolean prompt = turn.state().pending() != PendingPrompt.NONE;
        if (note.isEmpty()) {
            // a flow whose danger answer leads to no message: the question again, as DangerAnywhere#answer does
            if (prompt) {
                PendingPrompts.ask(turn, turn.state().pending());
            } else {
                Prompter.ask(turn);
            }
        } else if (prompt) {
            PendingPrompts.askAfter(turn, note);
        } else {
            Prompter.askAfter(turn, note);
        }
    }

    /**
     * Whether {@code text} quotes the flow's danger question with its danger answer, read as that question reads a typed
     * reply ("ya", "iya kak", "tolong", "aku takut"), anywhere but at the danger question itself (which reads it as
     * usual). Danger now: read wherever danger words are ({@link DangerAnywhere}).
     */
    static boolean dangerQuoted(Turn turn, Input.Text text) {
        Optional<NodeDefinition> danger = DangerAnywhere.question(turn.flow());
        if (text.repliesTo() == null || danger.isEmpty() || !danger.get().id().equals(text.repliesTo())) {
            return false;
        }
        boolean askedNow = turn.state().status() == SessionStatus.ACTIVE && turn.state().pending() == PendingPrompt.NONE
                && danger.get().id().equals(turn.state().nodeId());
        if (askedNow) {
            return false;
        }
        NodeDefinition question = danger.get();
        String answer = question.onUnclear().answer();
        return Unclear.saidAtOnce(turn, question, text.text()) || NodeHandlers.of(question.kind())
                .chosen(turn, question, new Reply.Typed(text.text())).filter(answer::equals).isPresent();
    }


    /** Danger now in a typed line: danger words anywhere ({@link DangerAnywhere#said(Turn, String)}), or the danger question quoted with its danger answer. */
    static boolean dangerSaid(Turn turn, Input.Text text) {
        return DangerAnywhere.said(turn, text.text()) || dangerQuoted(turn, text);
    }

    private static boolean isDangerQuestion(Turn turn, String nodeId) {
        return DangerAnywhere.question(turn.flow()).filter(danger -> danger.id().equals(nodeId)).isPresent();
    }

    /** A question the service asks: a question of this flow, or one of its own prompts. */
    private static boolean asked(Turn turn, String quoted) {
        if (Arrays.stream(PendingPrompt.values()).anyMatch(prompt -> quoted.equals(prompt.nodeId()))) {
            return true;
        }
        return turn.flow().findNode(quoted).filter(node -> NodeHandlers.rulesOf(node.kind()).question()).isPresent();
    }
}
