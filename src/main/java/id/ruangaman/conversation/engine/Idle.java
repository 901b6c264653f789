package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.definition.Discretion;
import id.ruangaman.conversation.definition.MessageKey;
import java.time.Duration;

/**
 * What a quiet session gets on a tick: one gentle reminder, then a silent pause. No reminder when the chat is not safe
 * (a reminder is us writing first), in discreet mode, nor before the flow's {@code discretion.reminders_after}
 * question has been answered (a message arriving on a phone whose owner has not yet said whether it is safe).
 */
public final class Idle {

    private Idle() {
    }

    public static void tick(Turn turn) {
        CaseThreads.dropUnansweredFiles(turn);
        if (turn.state().status() != SessionStatus.ACTIVE || turn.state().lastInputAt() == null) {
            return;
        }
        Duration idle = Duration.between(turn.state().lastInputAt(), turn.now());
        if (idle.compareTo(turn.context().settings().pauseAfter()) >= 0) {
            turn.update(state -> state.withStatus(SessionStatus.PAUSED));
        } else if (idle.compareTo(turn.context().settings().remindAfter()) >= 0 && !turn.state().reminded()) {
            boolean remind = mayRemind(turn) && !CaseThreads.chatUnsafe(turn.state());
            // Marked as handled either way, so a withheld reminder does not bring the session back on every check.
            turn.update(state -> state.withReminded(true));
            if (remind) {
                turn.say(turn.msg(MessageKey.REMINDER));
            }
        }
    }

    private static boolean mayRemind(Turn turn) {
        if (turn.state().discreet()) {
            return false;
        }
        Discretion discretion = turn.flow().definition().discretion();
        if (discretion == null || discretion.remindersAfter() == null) {
            return true;
        }
        Answer safety = turn.state().answers().get(discretion.remindersAfter());
        return safety != null && !safety.skipped();
    }
}
