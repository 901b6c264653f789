package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.PendingPrompt;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;

/** Session-wide moves: start, start over, resume, erase, and "ask the current question again". */
public final class Sessions {

    private Sessions() {
    }

    /** A new session on the turn's flow, with no language yet if the flow asks for one ({@link #firstLanguage}). */
    public static void start(Turn turn) {
        turn.update(state -> SessionState.fresh(turn.flow(), firstLanguage(turn.flow()), null, turn.now()));
        Navigator.enter(turn, turn.flow().start());
    }

    /**
     * Starts the flow for a chat whose first message is {@code first}: as {@link #start}, and that message read for
     * danger ({@link DangerAnywhere#inFirstMessage}).
     */
    public static void start(Turn turn, Input first) {
        start(turn);
        DangerAnywhere.inFirstMessage(turn, first);
    }

    /**
     * Starts over on the newest revision, keeping only the language, discreet mode, the last reference code and the thread of the
     * last report (so a new report that is abandoned leaves the person in that thread).
     */
    static void restart(Turn turn) {
        turn.switchTo(turn.newest());
        String chosen = turn.state().language();
        String language = chosen != null && turn.flow().languages().contains(chosen) ? chosen : firstLanguage(turn.flow());
        turn.update(state -> SessionState.fresh(turn.flow(), language, state.referenceCode(), turn.now()).withThread(state.thread())
                .withDiscreet(state.discreet()));
        Navigator.enter(turn, turn.flow().start());
    }

    static void resume(Turn turn) {
        turn.update(state -> state.withStatus(SessionStatus.ACTIVE));
        Prompter.ask(turn);
    }

    /** /hapus confirmed: the host erases everything; the state keeps only what /status and the language need. */
    static void erase(Turn turn) {
        turn.emit(new Output.DeleteRequested());
        turn.update(SessionState::erased);
        turn.say(turn.msg(MessageKey.DELETE_DONE));
    }

    /** Asks whatever the person is expected to answer now, if anything. */
    /**
     * Asks again what the session is asking now: its pending prompt, its current question, or whether to resume; nothing
     * for a finished session or a case's thread.
     */
    public static void repeatCurrent(Turn turn) {
        SessionState state = turn.state();
        if (state.pending() != PendingPrompt.NONE) {
            PendingPrompts.ask(turn, state.pending());
        } else if (state.status() == SessionStatus.ACTIVE && state.nodeId() != null) {
            turn.update(s -> s.withDraft(s.draft().withChoosingEdit(false)));
            Prompter.ask(turn);
        } else if (state.status() == SessionStatus.PAUSED || state.status() == SessionStatus.EXITED) {
            PendingPrompts.ask(turn, PendingPrompt.RESUME);
        }
    }

    /** Any non-command input to a paused or exited session: say it was not saved, then ask. */
    /**
     * The first message after a pause: "welcome back", then "carry on or start over?". Danger now in it ("dia di depan
     * pintu", {@link DangerAnywhere#said(Turn, String)}) puts the emergency numbers first, in the welcome's message.
     */
    public static void welcomeBack(Turn turn, Input input) {
        turn.say(withDanger(turn, input, turn.msg(MessageKey.WELCOME_BACK)));
        PendingPrompts.ask(turn, PendingPrompt.RESUME);
    }

    /** A message to a chat whose conversation has ended (after /hapus): "finished", after the emergency numbers for danger now. */
    public static void finished(Turn turn, Input input) {
        turn.say(withDanger(turn, input, turn.msg(MessageKey.FINISHED)));
    }

    /** {@code text}, after the emergency message and a blank line when {@code input} says danger now (the counsellor told). */
    private static String withDanger(Turn turn, Input input, String text) {
        String safety = input instanceof Input.Text typed && QuotedReplies.dangerSaid(turn, typed) ? DangerAnywhere.tell(turn) : "";
        if (input instanceof Input.Text typed && QuotedReplies.dangerQuoted(turn, typed)) {
            DangerAnywhere.answerAgain(turn); // the danger question answered again: the summary says so after the resume
        }
        return safety.isEmpty() ? text : safety + "\n\n" + text;
    }

    /**
     * The language a new session starts in: none (null, every text in each language) when the flow has a
     * {@code sets_language} question, since nothing tells us yet which language the person reads; else the default.
     */
    public static String firstLanguage(Flow flow) {
        boolean asks = flow.nodes().stream().anyMatch(NodeDefinition::isLanguageChoice);
        return asks && flow.languages().size() > 1 ? null : flow.defaultLanguage();
    }

    static boolean inProgress(SessionState state) {
        return !state.answers().isEmpty() || !state.draft().isEmpty();
    }
}
