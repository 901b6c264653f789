package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.definition.MessageKey;
import java.time.Duration;

/** What a quiet session gets on a tick: one gentle reminder (unless the chat is not safe), then a silent pause. */
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
        } else if (idle.compareTo(turn.context().settings().remindAfter()) >= 0 && !turn.state().reminded()
                && !CaseThreads.chatUnsafe(turn.state())) {
            // Never to a person who said it is not safe for us to write first: a reminder is us writing first.
            turn.update(state -> state.withReminded(true));
            turn.say(turn.msg(MessageKey.REMINDER));
        }
    }
}
