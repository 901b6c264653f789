package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.definition.Discretion;
import id.ruangaman.conversation.definition.MessageKey;
import java.time.Duration;

/**
 * What a quiet session gets on a tick: one gentle reminder, then a silent pause. No reminder in discreet mode, nor
 * before the flow's {@code discretion.reminders_after} question has been answered (a message arriving on a phone whose
 * owner has not yet said whether it is safe).
 */
public final class Idle {

    private Idle() {
    }

    public static void tick(Turn turn) {
        if (turn.state().status() != SessionStatus.ACTIVE || turn.state().lastInputAt() == null) {
            return;
        }
        Duration idle = Duration.between(turn.state().lastInputAt(), turn.now());
        if (idle.compareTo(turn.context().settings().pauseAfter()) >= 0) {
            turn.update(state -> state.withStatus(SessionStatus.PAUSED));
        } else if (idle.compareTo(turn.context().settings().remindAfter()) >= 0 && !turn.state().reminded() && mayRemind(turn)) {
            turn.update(state -> state.withReminded(true));
            turn.say(turn.msg(MessageKey.REMINDER));
        }
    }

    private static boolean mayRemind(Turn turn) {
        if (turn.state().discreet()) {
            return false;
        }
        Discretion discretion = turn.flow().definition().discretion();
        return discretion == null || discretion.remindersAfter() == null
                || turn.state().answers().containsKey(discretion.remindersAfter());
    }
}
