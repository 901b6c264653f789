package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.PendingPrompt;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.definition.MessageKey;
import java.util.Locale;

/** /mulai, /bantuan, /bahasa, /status, /keluar, /hapus — the same in every state (after a report, /mulai asks first). */
public final class GlobalCommands {

    private GlobalCommands() {
    }

    public static void run(Turn turn, Command command) {
        switch (command) {
            case START -> start(turn);
            case HELP -> {
                turn.say(turn.msg(MessageKey.HELP));
                Sessions.repeatCurrent(turn);
            }
            case LANGUAGE -> PendingPrompts.ask(turn, PendingPrompt.LANGUAGE);
            case STATUS -> {
                turn.say(status(turn));
                Sessions.repeatCurrent(turn);
            }
            case EXIT -> quickExit(turn);
            case DELETE -> PendingPrompts.ask(turn, PendingPrompt.DELETE_CONFIRM);
            default -> {
                turn.say(turn.msg(MessageKey.UNKNOWN_COMMAND));
                Sessions.repeatCurrent(turn);
            }
        }
    }

    /**
     * A command typed as the first message of a chat that has no session: answered on its own, starting nothing, so no
     * greeting stands in for the answer and no session is kept for it. /status and /bantuan (and an unknown command) say
     * how to begin after their answer; /keluar says its neutral goodbye; /hapus has nothing to confirm (no answers, no
     * files): the host erases the messages the chat holds ({@link Output.DeleteRequested}) and it says so. False for
     * /mulai and /bahasa, which the flow's start answers (its first question is the language, in a flow that asks it).
     */
    public static boolean beforeStart(Turn turn, Command command) {
        switch (command) {
            case HELP -> turn.say(turn.msg(MessageKey.HELP));
            case STATUS -> turn.say(turn.msg(MessageKey.STATUS_NOTHING_KEPT));
            case UNKNOWN -> turn.say(turn.msg(MessageKey.UNKNOWN_COMMAND));
            case EXIT -> {
                turn.emit(new Output.QuickExit());
                turn.say(turn.msg(MessageKey.QUICK_EXIT));
                return true;
            }
            case DELETE -> {
                turn.emit(new Output.DeleteRequested());
                turn.say(turn.msg(MessageKey.DELETE_NOTHING));
                return true;
            }
            default -> {
                return false;
            }
        }
        turn.say(turn.msg(MessageKey.NOT_STARTED));
        return true;
    }

    private static void start(Turn turn) {
        SessionState state = turn.state();
        boolean resumable = state.status() == SessionStatus.PAUSED || state.status() == SessionStatus.EXITED
                || (state.status() == SessionStatus.ACTIVE && Sessions.inProgress(state));
        if (resumable) {
            PendingPrompts.ask(turn, PendingPrompt.RESUME);
        } else if (state.status() == SessionStatus.COMPLETED && state.referenceCode() != null && state.thread() != null) {
            PendingPrompts.ask(turn, PendingPrompt.NEW_REPORT); // a new case, or more for the last one?
        } else {
            turn.update(s -> s.withPending(PendingPrompt.NONE));
            Sessions.restart(turn);
        }
    }

    /** Neutral words only: whoever sees the screen learns nothing. Answers stay so the person can resume. */
    private static void quickExit(Turn turn) {
        turn.emit(new Output.QuickExit());
        turn.say(turn.msg(MessageKey.QUICK_EXIT));
        turn.update(state -> {
            SessionState cleared = state.withPending(PendingPrompt.NONE);
            boolean open = state.status() == SessionStatus.ACTIVE || state.status() == SessionStatus.PAUSED;
            return open ? cleared.withStatus(SessionStatus.EXITED) : cleared;
        });
    }

    /**
     * The status of the report this chat writes to, then of the person's other open reports (newest first): someone
     * with two reports asked about "my report" and was told only of the newest (walkthrough 10, F2).
     */
    private static String status(Turn turn) {
        String code = turn.state().referenceCode();
        if (code == null) {
            return turn.msg(MessageKey.STATUS_NONE);
        }
        java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
        codes.add(code);
        codes.addAll(CaseThreads.openReports(turn));
        return String.join("\n\n", codes.stream().map(each -> statusOf(turn, each)).toList());
    }

    private static String statusOf(Turn turn, String code) {
        String key = turn.context().cases().statusOf(code).orElse("unknown");
        MessageKey label;
        try {
            label = MessageKey.valueOf("STATUS_" + key.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            label = MessageKey.STATUS_UNKNOWN;
        }
        return turn.msg(MessageKey.STATUS, "reference_code", code, "status", turn.msg(label));
    }
}
