package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.PendingPrompt;
import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.Arrays;
import java.util.Optional;

/**
 * A typed reply that quotes an earlier question of the service's own ({@link Input.Text#repliesTo()}: on WhatsApp and
 * Telegram a person can swipe or tap "reply" on any earlier message). Such a reply answers the quoted question, not the
 * one asked now, and is never taken for the current one: a "ya" quoted to "are you in danger now?" while "is it safe
 * to reply here?" is asked was stored as "safe to reply", and a "ya" quoted to an old question while "delete
 * everything?" was open would have erased the report.
 * <p>
 * What it does, during an intake (a question of the flow, or a prompt of the service's own such as "delete
 * everything?"; not in the case's thread, where every message is for the counsellor):
 * <ul>
 * <li>danger now: the danger question quoted with its danger answer ("ya", "tolong"), or danger words
 * ({@link DangerAnywhere}) anywhere: the emergency numbers, the report flagged as in danger, then the current question
 * again, in one message;</li>
 * <li>anything else: one message saying the reply was to an earlier question and was not kept as an answer, that
 * earlier answers can be changed in the summary, then the current question with its buttons. Nothing is recorded and
 * no attempt is counted. The person's line itself stays in the transcript for the counsellor.</li>
 * </ul>
 * A quote of the question asked now, of a message that asked no question (the greeting, the emergency numbers), or of
 * something the host could not match is read as any typed reply is.
 */
public final class QuotedReplies {

    private QuotedReplies() {
    }

    /** Whether {@code text} quotes a question other than the one the session asks now (see the class comment). */
    public static boolean earlier(Turn turn, Input.Text text) {
        String quoted = text.repliesTo();
        if (quoted == null || !asked(turn, quoted)) {
            return false;
        }
        PendingPrompt pending = turn.state().pending();
        if (pending != PendingPrompt.NONE) {
            return !PendingPrompts.threadPrompt(pending) && !quoted.equals(pending.nodeId());
        }
        if (turn.state().status() != SessionStatus.ACTIVE || turn.state().nodeId() == null) {
            return false;
        }
        return !quoted.equals(turn.state().nodeId()) && NodeHandlers.rulesOf(turn.currentNode().kind()).question();
    }

    /** Answers a reply that {@link #earlier} quotes an earlier question: danger first, else the note and the question. */
    public static void answer(Turn turn, Input.Text text) {
        boolean prompt = turn.state().pending() != PendingPrompt.NONE;
        if (dangerNow(turn, text)) {
            String safety = DangerAnywhere.tell(turn);
            if (prompt) {
                PendingPrompts.askAfter(turn, safety);
            } else {
                Prompter.askAfter(turn, safety);
            }
            return;
        }
        String note = turn.msg(MessageKey.QUOTED_EARLIER);
        if (prompt) {
            PendingPrompts.askAfter(turn, note);
        } else {
            Prompter.askAfter(turn, note);
        }
    }

    /** A question the service asks: a question of this flow, or one of its own prompts. */
    private static boolean asked(Turn turn, String quoted) {
        if (Arrays.stream(PendingPrompt.values()).anyMatch(prompt -> quoted.equals(prompt.nodeId()))) {
            return true;
        }
        return turn.flow().findNode(quoted).filter(node -> NodeHandlers.rulesOf(node.kind()).question()).isPresent();
    }

    /**
     * Danger said: words of danger anywhere, or the danger question quoted with its danger answer, read as that question
     * reads a typed reply ("ya", "iya kak", "tolong", "aku takut").
     */
    private static boolean dangerNow(Turn turn, Input.Text text) {
        Optional<NodeDefinition> danger = DangerAnywhere.question(turn.flow());
        if (danger.isEmpty()) {
            return false;
        }
        if (DangerAnywhere.said(turn, text.text())) {
            return true;
        }
        NodeDefinition question = danger.get();
        if (!question.id().equals(text.repliesTo())) {
            return false;
        }
        String answer = question.onUnclear().answer();
        return Unclear.saidAtOnce(question, text.text()) || NodeHandlers.of(question.kind())
                .chosen(turn, question, new Reply.Typed(text.text())).filter(answer::equals).isPresent();
    }
}
