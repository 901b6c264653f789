package id.ruangaman.conversation;

import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeKind;
import id.ruangaman.conversation.engine.Answering;
import id.ruangaman.conversation.engine.ButtonLabels;
import id.ruangaman.conversation.engine.CaseThreads;
import id.ruangaman.conversation.engine.Command;
import id.ruangaman.conversation.engine.EditedLines;
import id.ruangaman.conversation.engine.EngineContext;
import id.ruangaman.conversation.engine.FloodedLines;
import id.ruangaman.conversation.engine.GlobalCommands;
import id.ruangaman.conversation.engine.Idle;
import id.ruangaman.conversation.engine.NodeHandlers;
import id.ruangaman.conversation.engine.PendingPrompts;
import id.ruangaman.conversation.engine.QuotedReplies;
import id.ruangaman.conversation.engine.Sessions;
import id.ruangaman.conversation.engine.Turn;
import id.ruangaman.conversation.text.RoughDateParser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The conversation engine: given a flow, a session state and an input, returns the new state and what to send or
 * save. No I/O, no logging; time and reference codes come from the injected clock and generator.
 */
public final class FlowEngine {

    private final EngineContext context;

    public FlowEngine(EngineSettings settings, Clock clock, IdGenerator ids, CaseStatusLookup cases) {
        this(settings, clock, ids, cases, SharedTexts.NONE);
    }

    /** With texts that nodes include as {@code {notice:<name>}} (see {@link SharedTexts}). */
    public FlowEngine(EngineSettings settings, Clock clock, IdGenerator ids, CaseStatusLookup cases, SharedTexts sharedTexts) {
        this(new EngineContext(settings, clock, ids, cases, new RoughDateParser(clock, settings.zone()), sharedTexts));
    }

    private FlowEngine(EngineContext context) {
        this.context = context;
    }

    /**
     * This engine with other texts for {@code {notice:<name>}}: the host gives each messenger its own, so a flow can
     * say what that messenger really does (WhatsApp has no silent messages; Telegram has).
     */
    public FlowEngine withSharedTexts(SharedTexts sharedTexts) {
        return new FlowEngine(context.withSharedTexts(sharedTexts));
    }

    /**
     * This engine for a messenger that shows a question's choices as {@code order} says: a bare number typed at a
     * question whose choices it does not show in order is not read as a place (see {@link ChoiceOrder}).
     */
    public FlowEngine withChoiceOrder(ChoiceOrder order) {
        return new FlowEngine(context.withChoiceOrder(order));
    }

    /** A new session at the flow's start node. */
    public Step start(Flow flow) {
        Turn turn = new Turn(context, flow, flow, SessionState.fresh(flow, flow.defaultLanguage(), null, context.clock().instant()));
        Sessions.start(turn);
        return turn.result();
    }

    /**
     * A new session at the flow's start node, for a chat whose first message is {@code first} (not a command: see
     * {@link #withoutSession}): as {@link #start(Flow)}, and when that message says danger, the emergency numbers open the
     * first question and the danger is reported ({@code DangerAnywhere.inFirstMessage}).
     */
    public Step start(Flow flow, Input first) {
        Turn turn = new Turn(context, flow, flow, SessionState.fresh(flow, flow.defaultLanguage(), null, context.clock().instant()));
        Sessions.start(turn, first);
        return turn.result();
    }

    /**
     * The first input of a chat that has no session, when it is a command answered without starting the flow: /status,
     * /bantuan, an unknown command (each with how to begin), /keluar and /hapus ({@link GlobalCommands#beforeStart}).
     * Its state is a fresh one at no node, in discreet mode, which the host does not keep: the next message starts the flow. Empty for
     * any other input, /mulai and /bahasa included: the host starts the flow ({@link #start}).
     */
    public Optional<Step> withoutSession(Flow flow, Input input) {
        // words forwarded from another chat are never the person's command ("/hapus" passed on is no erasure)
        Optional<Command> command = input instanceof Input.Text text && !text.forwarded()
                ? Command.parse(text.text()).or(() -> Command.spoken(text.text())) : Optional.empty();
        if (command.isEmpty()) {
            return Optional.empty();
        }
        // Discreet: nothing tells whether this chat is new or one that has just erased itself with /hapus after saying
        // the phone is not safe (the choice was erased with the rest), so the answer comes silently, under the neutral
        // first line (walkthrough 11, finding 1).
        Turn turn = new Turn(context, flow, flow, SessionState.fresh(flow, Sessions.firstLanguage(flow), null, context.clock().instant())
                .withDiscreet(true));
        return GlobalCommands.beforeStart(turn, command.get()) ? Optional.of(turn.result()) : Optional.empty();
    }

    /** Every input, including global commands typed as text. Starting over stays on {@code flow}. */
    public Step handle(Flow flow, SessionState state, Input input) {
        return handle(flow, flow, state, input);
    }

    /**
     * Like {@link #handle(Flow, SessionState, Input)}, resolving the session's pinned revision from the catalog;
     * starting over uses the current revision. If the pinned revision is gone, the session moves to the current one.
     */
    public Step handle(FlowCatalog catalog, SessionState state, Input input) {
        Flow newest = catalog.current(state.flowId());
        Optional<Flow> pinned = catalog.revision(state.flowId(), state.revision());
        if (pinned.isPresent()) {
            return handle(pinned.get(), newest, state, input);
        }
        Turn turn = new Turn(context, newest, newest, state.withRevision(newest.revision()).withInputAt(context.clock().instant()));
        turn.say(turn.msg(MessageKey.FLOW_UPDATED));
        if (state.nodeId() == null || newest.findNode(state.nodeId()).isEmpty()) {
            Sessions.start(turn);
            return turn.result();
        }
        dispatch(turn, input);
        return turn.result();
    }

    /**
     * What the session is asking now, asked again with nothing else changed (its pending prompt, its current question,
     * or whether to resume): for a host that answered an input itself, such as a referral's /cabut or consent button in
     * the middle of an intake, and must leave the person where they were, as the engine's own commands do. No outputs
     * when nothing is being asked (a finished session, a case's thread) or the session's revision is gone.
     */
    public Step repeatCurrent(FlowCatalog catalog, SessionState state) {
        Optional<Flow> pinned = catalog.revision(state.flowId(), state.revision());
        if (pinned.isEmpty()) {
            return new Step(state, List.of());
        }
        Turn turn = new Turn(context, pinned.get(), catalog.current(state.flowId()), state);
        Sessions.repeatCurrent(turn);
        return turn.result();
    }

    /**
     * Whether the session's current question takes uploads, or the chat is a case's thread. Hosts fetch a file from
     * the platform only then, so nothing is downloaded that the person did not send as evidence after consenting; in
     * the thread a file without consent is held (staged, encrypted) only until the person answers whether to keep it.
     */
    public boolean expectsUpload(FlowCatalog catalog, SessionState state) {
        if (state.status() == SessionStatus.COMPLETED && state.thread() != null) {
            return true; // the case's thread: kept with consent, or held while the person is asked
        }
        if (state.status() != SessionStatus.ACTIVE || state.pending() != PendingPrompt.NONE || state.nodeId() == null) {
            return false;
        }
        return catalog.revision(state.flowId(), state.revision())
                .flatMap(flow -> flow.findNode(state.nodeId()))
                .map(node -> NodeHandlers.rulesOf(node.kind()).takesFiles())
                .orElse(false);
    }

    /**
     * Whether the session's current question is answered in typed words (a text or a story question), where a file's
     * caption is read as typed ({@link id.ruangaman.conversation.engine.Answering}): such a file moves the conversation,
     * so it is answered even in the middle of a burst of files. Elsewhere a caption is read for danger only.
     */
    public boolean readsCaptions(FlowCatalog catalog, SessionState state) {
        if (state.status() != SessionStatus.ACTIVE || state.pending() != PendingPrompt.NONE || state.nodeId() == null) {
            return false;
        }
        return catalog.revision(state.flowId(), state.revision())
                .flatMap(flow -> flow.findNode(state.nodeId()))
                .map(node -> Answering.readsCaption(node.kind()))
                .orElse(false);
    }

    /**
     * Whether the session's current question takes several typed lines, each acknowledged routinely
     * ({@link Output.Message#routine}): a story ({@code multi_text}) or the notes beside the evidence ({@code media}).
     * Only there may a host ask whether more lines of the same person are waiting, so a quick burst of lines gets one
     * acknowledgement; false elsewhere (a system prompt pending, a finished intake, a case's thread).
     */
    public boolean collectsLines(FlowCatalog catalog, SessionState state) {
        if (state.status() != SessionStatus.ACTIVE || state.pending() != PendingPrompt.NONE || state.nodeId() == null) {
            return false;
        }
        return catalog.revision(state.flowId(), state.revision())
                .flatMap(flow -> flow.findNode(state.nodeId()))
                .map(node -> node.kind() == NodeKind.MULTI_TEXT || node.kind() == NodeKind.MEDIA)
                .orElse(false);
    }

    /**
     * Whether a quick burst of typed lines at {@code state} gets one routine acknowledgement, from its last line, not one
     * per line: at a question that takes several lines ({@link #collectsLines}), and at an earlier question where the
     * person is telling their story ({@link id.ruangaman.conversation.Draft#toldHere()}: each further line of it there
     * gets the short {@code told_early.kept_more}).
     */
    public boolean acknowledgesBursts(FlowCatalog catalog, SessionState state) {
        return collectsLines(catalog, state) || state.status() == SessionStatus.ACTIVE && state.pending() == PendingPrompt.NONE
                && state.draft().toldHere();
    }

    /**
     * The label of a pressed button ({@code nodeId:optionId} callback data) in {@code language}, as the person saw
     * it, for transcripts. Empty if this flow revision does not know the button.
     */
    public Optional<String> buttonLabel(Flow flow, String nodeId, String optionId, String language) {
        return ButtonLabels.of(context, flow, nodeId, optionId, language);
    }

    /**
     * A line the host does not run through the conversation because the chat is past its flood limit: read for danger
     * now only ({@link FloodedLines}). Danger said: {@link Output.DangerReported}, the session's {@code dangerSaid}, and
     * the emergency message as the one reply, at most once per
     * {@link id.ruangaman.conversation.engine.CaseThreads#DANGER_NOTICE_EVERY}. Anything else: the same state, no
     * outputs. The session's node, answers, idle clock and acknowledgements are left as they were.
     */
    public Step readFlooded(FlowCatalog catalog, SessionState state, Input input) {
        Optional<Flow> pinned = catalog.revision(state.flowId(), state.revision());
        Flow flow = pinned.orElseGet(() -> catalog.current(state.flowId()));
        Turn turn = new Turn(context, flow, flow, state);
        FloodedLines.read(turn, input);
        return turn.result();
    }

    /**
     * An earlier line the person changed, read for danger now ({@link EditedLines}): {@code before} is the line as it was
     * before this change (its text, null when not known or not text), {@code edited} the change. Danger said, and not said
     * already before: {@link Output.DangerReported}, the session's {@code dangerSaid}, and the emergency message as the one
     * reply, at most once per {@link id.ruangaman.conversation.engine.CaseThreads#DANGER_NOTICE_EVERY}. Anything else: the
     * same state, no outputs; the conversation never goes back.
     */
    public Step readEdited(FlowCatalog catalog, SessionState state, String before, Input edited) {
        Optional<Flow> pinned = catalog.revision(state.flowId(), state.revision());
        Flow flow = pinned.orElseGet(() -> catalog.current(state.flowId()));
        Turn turn = new Turn(context, flow, flow, state);
        EditedLines.read(turn, before, edited);
        return turn.result();
    }

    /** Called periodically for idle sessions: a reminder, a pause, or nothing (same state, no outputs). */
    public Step tick(Flow flow, SessionState state) {
        Turn turn = new Turn(context, flow, flow, state);
        Idle.tick(turn);
        return turn.result();
    }

    /**
     * Erasing asked in words ({@link Command#spoken}) counts only where it can mean nothing else: no prompt of the
     * service's own is open (at "may we keep this file?" "hapus" is about the file) and the report is not yet sent (in
     * the case thread the person's words are a message to the counsellor).
     */
    private static Optional<Command> spokenHere(Turn turn, Input.Text text) {
        SessionStatus status = turn.state().status();
        boolean intake = status == SessionStatus.ACTIVE || status == SessionStatus.PAUSED || status == SessionStatus.EXITED;
        return turn.state().pending() == PendingPrompt.NONE && intake ? Command.spoken(text.text()) : Optional.empty();
    }

    private Step handle(Flow pinned, Flow newest, SessionState state, Input input) {
        Turn turn = new Turn(context, pinned, newest, state.withInputAt(context.clock().instant()));
        dispatch(turn, input);
        return turn.result();
    }

    private static void dispatch(Turn turn, Input pressedOrSent) {
        // the danger question's "Ya" pressed when it is no longer asked: danger now, read as a "Ya" quoting it
        Input input = QuotedReplies.dangerPress(turn, pressedOrSent);
        if (input != pressedOrSent && QuotedReplies.answerPress(turn)) {
            return;
        }
        Optional<Command> command = input instanceof Input.Text text && !text.forwarded()
                ? Command.parse(text.text()).or(() -> spokenHere(turn, text)) : Optional.empty();
        if (command.isPresent()) {
            GlobalCommands.run(turn, command.get());
        } else if (input instanceof Input.Text text && QuotedReplies.dangerInOwnWords(turn, text)) {
            QuotedReplies.answerInOwnWords(turn, text); // the numbers, and the line kept in the story as any line is
        } else if (input instanceof Input.Text text && QuotedReplies.handles(turn, text)) {
            QuotedReplies.answer(turn, text); // a reply quoting an earlier question: never taken for the one asked now
        } else if (turn.state().pending() != PendingPrompt.NONE) {
            PendingPrompts.handle(turn, input);
        } else {
            switch (turn.state().status()) {
                case ACTIVE -> Answering.handle(turn, input);
                case PAUSED, EXITED -> Sessions.welcomeBack(turn, input);
                case COMPLETED -> CaseThreads.handle(turn, input);
                default -> Sessions.finished(turn, input);
            }
        }
    }
}
