package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.CaseThread;
import id.ruangaman.conversation.Input;
import java.time.Duration;
import java.time.Instant;

/**
 * A line the host took past its flood limit (many lines a minute): recorded for the counsellor but not run through the
 * conversation, so the flood gets no answers. It is still read for danger now, as a line of the case's thread is
 * ({@link DangerAnywhere#said(Turn, String)}): a person in panic who sends line after line and then "dia di depan pintu"
 * is heard. Said, the danger answer's events are emitted ({@code danger_reported}: the host marks the case, if there is
 * one) and the session's {@code dangerSaid} is set (an intake not yet sent is flagged when it is); the emergency message
 * is the one reply, at most once per {@link CaseThreads#DANGER_NOTICE_EVERY} for the chat, counted from the thread's
 * {@link CaseThread#dangerToldAt} where the chat has a thread, else from the session's
 * {@link id.ruangaman.conversation.SessionState#dangerToldAt}. Anything else gets nothing and changes nothing.
 */
public final class FloodedLines {

    private FloodedLines() {
    }

    /** Reads {@code input} for danger now and answers only that; see the class comment. */
    public static void read(Turn turn, Input input) {
        if (!(input instanceof Input.Text text) || !QuotedReplies.dangerSaid(turn, text)) {
            return;
        }
        DangerAnywhere.report(turn);
        Instant now = turn.now();
        CaseThread thread = turn.state().thread();
        Instant toldAt = thread != null ? thread.dangerToldAt() : turn.state().dangerToldAt();
        if (toldAt != null && Duration.between(toldAt, now).compareTo(CaseThreads.DANGER_NOTICE_EVERY) < 0) {
            return;
        }
        String safety = DangerAnywhere.emergency(turn);
        if (safety.isEmpty()) {
            return;
        }
        turn.update(state -> thread != null ? state.withThread(thread.withDangerToldAt(now)) : state.withDangerToldAt(now));
        turn.say(safety);
    }
}
