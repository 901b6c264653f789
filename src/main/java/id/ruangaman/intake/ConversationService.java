package id.ruangaman.intake;

import id.ruangaman.transcript.TranscriptBody;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.texts.Notices;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.transcript.ProviderIds;
import id.ruangaman.transcript.RoundLines;
import id.ruangaman.transcript.TranscriptChanged;
import id.ruangaman.conversation.Draft;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowEngine;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.PendingPrompt;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStatus;
import id.ruangaman.conversation.Step;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.engine.EditedAnswers;

/**
 * Runs one step of a contact's conversation in one transaction: the contact's row lock (so a
 * person's messages never race, on any instance), the engine step on the pinned flow revision, the
 * new session state, the intake or erasure it calls for, and the replies queued in the outbox.
 */
@ApplicationScoped
public class ConversationService {

    private static final Set<String> MEDIA_KINDS = Set.of("photo", "document", "voice", "audio", "video");
    /** Files closer together than this, after one the question did not ask for, are one act (an album). */
    private static final Duration BURST = Duration.ofSeconds(10);
    /** The kind of a transcript line holding something the service cannot read ({@link Input.Unsupported}). */
    private static final String UNREADABLE_KIND = "unsupported";
    /** The kind of a transcript line holding a sticker. */
    private static final String STICKER_KIND = "sticker";

    private final ContactRepository contacts;
    private final SessionRepository sessions;
    private final ChatMessageRepository messages;
    private final Outbox outbox;
    private final MediaRepository media;
    private final FlowRegistry flows;
    private final FlowEngine engine;
    private final Map<Channel, FlowEngine> engines = new ConcurrentHashMap<>();
    private final IntakeService intakes;
    private final ReporterErasure erasure;
    private final ConversationConfig config;
    private final Clock clock;
    @Inject
    Event<TranscriptChanged> transcriptChanged;
    @Inject
    Instance<ChatInterceptor> interceptors;
    private volatile List<ChatInterceptor> sortedInterceptors;
    @Inject
    FloodGuard flood;
    @Inject
    Notices notices;
    @Inject
    ProviderIds providerIds;
    @Inject
    IntakeRepository intakeRepository;
    @Inject
    AnswerCorrectionRepository corrections;
    @Inject
    Event<ThreadMessageReceived> threadMessages;
    @Inject
    SessionStates states;
    @Inject
    RoundLines lines;
    @Inject
    Instance<ChannelChoiceOrder> choiceOrders;
    @Inject
    StoryAckDelay storyAckDelay;

    /**
     * A message of the person at a question that takes several lines ({@link FlowEngine#collectsLines}): the story as it
     * stood before it ({@code before}), and whether later lines of theirs are already waiting ({@code moreComing}).
     */
    private record StoryLine(Draft before, boolean moreComing) {
    }

    ConversationService(ContactRepository contacts, SessionRepository sessions, ChatMessageRepository messages,
            Outbox outbox, MediaRepository media, FlowRegistry flows, FlowEngine engine, IntakeService intakes, ReporterErasure erasure,
            ConversationConfig config, Clock clock) {
        this.contacts = contacts;
        this.sessions = sessions;
        this.messages = messages;
        this.outbox = outbox;
        this.media = media;
        this.flows = flows;
        this.engine = engine;
        this.intakes = intakes;
        this.erasure = erasure;
        this.config = config;
        this.clock = clock;
    }

    /** Records what the person sent and answers it. A first message starts the given flow. */
    @Transactional
    public List<ChatMessage> receive(long contactId, Input input, String flowIdForNewSession) {
        return receive(contactId, input, flowIdForNewSession, null);
    }

    /** As {@link #receive(long, Input, String)}, keeping the platform's id of the message in the transcript. */
    @Transactional
    public List<ChatMessage> receive(long contactId, Input input, String flowIdForNewSession, String providerMessageId) {
        Contact contact = contacts.lock(contactId); // first: the session is read under the contact's lock
        Optional<ConversationSession> session = sessions.findByContact(contactId);
        return receiveLocked(contact, session, session.map(current -> states.read(contactId, current.state)),
                input, flowIdForNewSession, providerMessageId, false, null, null);
    }

    /**
     * A channel's message, with the decisions that need the contact's lock taken here, in one place:
     * <ul>
     * <li>an upload the current question wants but whose file was not fetched ({@code mediaId} null) is not
     * recorded or answered: empty result, the host fetches the file and calls again. Nothing is ever acknowledged as
     * received without a stored file;</li>
     * <li>a file with {@code moreFilesComing} (the sender has later files waiting: an album, several images at once)
     * is taken silently, and so is a file that arrives right after another file the question did not ask for: one
     * answer per burst, not one per file; likewise a sticker right after a sticker or a file where no file is asked
     * (the first got the note and the question again);</li>
     * <li>something the service cannot read ({@link Input.Unsupported}) within {@code unreadable-note-every} of an
     * earlier one is recorded (the counsellor sees it) and gets no second note;</li>
     * <li>a second press of the button just accepted (same data within {@code double-tap-window}, no longer the
     * current question) is recorded and changes nothing;</li>
     * <li>after the report, a press of a button that is no longer current ({@link Output.StaleButton}) gets a short
     * note as a reply, on every channel (the press itself was answered when it was stored: on Telegram the webhook's
     * 200 carries answerCallbackQuery, before the step has run).</li>
     * </ul>
     * Returns the replies queued.
     */
    @Transactional
    public Optional<List<ChatMessage>> receiveFromChannel(long contactId, Input input, String providerMessageId,
            boolean moreFilesComing) {
        return receiveFromChannel(contactId, input, providerMessageId, moreFilesComing, () -> false);
    }

    /**
     * As {@link #receiveFromChannel(long, Input, String, boolean)}; {@code moreLinesComing}: whether the sender has later
     * typed lines still waiting (the host's {@code InboundStore#laterPending}), asked only for a typed line at a question
     * that takes several ({@link FlowEngine#collectsLines}: a story, the notes beside the evidence), so no one else's
     * message costs the query. Such a line, with more waiting, is recorded and taken as usual, and only its routine
     * acknowledgement ({@link Output.Message#routine}) is left out: a story typed in quick lines gets one "Tersimpan",
     * from its last line, not one per line (identical bot lines in a row are unkind and conspicuous on a phone someone
     * else may see). What the line says beyond that is still sent: the emergency numbers for a line that says danger,
     * the next question for a line that ends the story.
     */
    @Transactional
    public Optional<List<ChatMessage>> receiveFromChannel(long contactId, Input input, String providerMessageId,
            boolean moreFilesComing, java.util.function.BooleanSupplier moreLinesComing) {
        return receiveFromChannel(contactId, input, providerMessageId, null, moreFilesComing, moreLinesComing);
    }

    /**
     * As {@link #receiveFromChannel(long, Input, String, boolean, java.util.function.BooleanSupplier)};
     * {@code quotedMessageId}: the platform's id of the message this one replies to (WhatsApp
     * {@code messages[].context.id}, Telegram {@code message.reply_to_message.message_id}), or null. A typed line that
     * quotes a message the service sent to this person is given to the conversation with the question that message
     * asked ({@link Input.Text#repliesTo()}), so a reply to an earlier question is never taken for the one asked now.
     */
    @Transactional
    public Optional<List<ChatMessage>> receiveFromChannel(long contactId, Input input, String providerMessageId,
            String quotedMessageId, boolean moreFilesComing, java.util.function.BooleanSupplier moreLinesComing) {
        Contact contact = contacts.lock(contactId);
        Optional<ChatMessage> quoted = quoted(contact, quotedMessageId);
        input = quoting(input, quoted);
        Optional<ConversationSession> session = sessions.findByContact(contactId);
        Optional<SessionState> state = session.map(current -> states.read(contactId, current.state));
        boolean fileWanted = state.map(current -> engine.expectsUpload(flows.catalog(), current)).orElse(false);
        if (input instanceof Input.Media media && fileWanted && media.mediaId() == null) {
            return Optional.empty();
        }
        // The person's previous message matters only to a press of a button no longer asked (a double tap) and to a file
        // (a burst): read once, and only then.
        Supplier<Optional<ChatMessage>> previous = new Supplier<>() {
            private Optional<ChatMessage> value;

            @Override
            public Optional<ChatMessage> get() {
                if (value == null) {
                    value = messages.find("contactId = ?1 and direction = ?2 order by id desc", contactId, ChatMessage.Direction.IN)
                            .firstResultOptional();
                }
                return value;
            }
        };
        if (input instanceof Input.ButtonPress press && state.isPresent() && doubleTap(press, state.get(), previous)) {
            // The same press again: recorded as a press no longer current, not as the person's message (no unread line,
            // no notice to the team), also when the first press sent the report.
            contact.lastInboundAt = Instant.now(clock);
            ChatMessage inbound = recordSilently(contact, input, providerMessageId, null, threadCase(state.get(), null).caseId());
            inbound.kind = ChatMessage.KIND_STALE_BUTTON;
            flood.count(contact);
            return Optional.of(List.of());
        }
        // A case's thread has its own measure (one acknowledgement per quiet period, the keep-this-file question once):
        // taking a file of a burst silently there would swallow the one acknowledgement or question the burst gets.
        boolean thread = state.filter(current -> current.status() == SessionStatus.COMPLETED && current.thread() != null).isPresent();
        // Where no file is asked, a burst (an album) gets one answer: from its last file, or from the file that arrives
        // with nothing more waiting and no answer yet since the burst began; the others are taken quietly. Answering the
        // first file of an album sent the note and the question before anything a later caption of the album says (the
        // emergency numbers came after the question). A file with a caption at a question answered in typed words is answered even so: its caption is taken as typed
        // words (the story's next line, a text answer), and a quiet step would swallow what follows it (the next
        // question). At a choice a caption is read for danger only, and an album there still gets one answer.
        boolean captioned = input instanceof Input.Media media && media.caption() != null && !media.caption().isBlank()
                && state.filter(current -> engine.readsCaptions(flows.catalog(), current)).isPresent();
        boolean quiet = input instanceof Input.Media && !thread
                && (fileWanted ? moreFilesComing : !captioned && (moreFilesComing
                        || previous.get().filter(this::recentFile).filter(file -> burstAnswered(contactId, file)).isPresent()))
                || input instanceof Input.Sticker && !thread && !fileWanted && previous.get().filter(this::recentFileOrSticker).isPresent()
                || input instanceof Input.Unsupported && unreadableNoted(contactId)
                || forwardedRun(input, state, thread, moreLinesComing, contactId);
        StoryLine line = state.isPresent() && engine.acknowledgesBursts(flows.catalog(), state.get())
                ? new StoryLine(state.get().draft(), input instanceof Input.Text && moreLinesComing.getAsBoolean()) : null;
        return Optional.of(receiveLocked(contact, session, state, input, null, providerMessageId, quiet, line,
                quoted.orElse(null)));
    }

    /**
     * A forwarded text in a run of forwarded messages at a question that asks for the person's own answer: taken quietly
     * while more lines are waiting (several forwarded at once), or when the service's last message to the person, a
     * short while ago ({@code unreadable-note-every}), already said "forwarded_not_answer", so the run gets that note
     * once, not once per message (Telegram sends each forwarded message as its own update, one after another). Danger in
     * one is answered even so. The story and the evidence keep every line as usual, and the thread has its own measure.
     */
    private boolean forwardedRun(Input input, Optional<SessionState> state, boolean thread, java.util.function.BooleanSupplier moreLinesComing,
            long contactId) {
        if (!(input instanceof Input.Text text) || !text.forwarded() || thread || state.isEmpty()
                || engine.collectsLines(flows.catalog(), state.get())) {
            return false;
        }
        if (moreLinesComing.getAsBoolean()) {
            return true;
        }
        Flow flow = flowOf(state.get());
        String note = flow.message(MessageKey.FORWARDED_NOT_ANSWER).in(state.get().language(), flow.defaultLanguage());
        return messages.find("contactId = ?1 and direction = ?2 order by id desc", contactId, ChatMessage.Direction.OUT)
                .firstResultOptional().filter(line -> line.createdAt.isAfter(Instant.now(clock).minus(config.unreadableNoteEvery())))
                .flatMap(TranscriptBody::message).filter(said -> said.text().startsWith(note)).isPresent();
    }

    /**
     * The line of {@code contact}'s chat that a message quotes ({@code quotedMessageId}: the platform's id, or null), in
     * either direction: the service's message or the person's own. One indexed read, only for a message that quotes
     * something; empty for one that quotes nothing, or a message not recorded.
     */
    private Optional<ChatMessage> quoted(Contact contact, String quotedMessageId) {
        if (quotedMessageId == null || quotedMessageId.isBlank()) {
            return Optional.empty();
        }
        // an edit is kept under its message's platform id too: the message itself, not an edit of it
        return messages.find("channel = ?1 and providerMessageKey = ?2 and contactId = ?3 and editOf is null order by id",
                contact.channel, providerIds.key(contact.channel, quotedMessageId), contact.id).firstResultOptional();
    }

    /**
     * {@code input} with the question of the quoted message ({@link Input.Text#repliesTo()}) when it is a typed line
     * quoting a message the service sent that asked one; else {@code input} as it is.
     */
    private static Input quoting(Input input, Optional<ChatMessage> quoted) {
        if (!(input instanceof Input.Text text)) {
            return input;
        }
        return quoted.filter(message -> message.direction == ChatMessage.Direction.OUT).flatMap(TranscriptBody::message)
                .map(Output.Message::nodeId).<Input>map(text::replyingTo).orElse(input);
    }

    /** A person opened the chat for the first time (WhatsApp {@code request_welcome}): the welcome, unless a conversation exists. */
    @Transactional
    public List<ChatMessage> startIfNew(long contactId) {
        Contact contact = contacts.lock(contactId);
        if (sessions.findByContact(contactId).isPresent()) {
            return List.of();
        }
        contact.lastInboundAt = Instant.now(clock);
        Flow flow = flows.current(config.defaultFlow());
        return apply(contact, newSession(contact), flow, engineFor(contact).start(flow), false);
    }

    private boolean doubleTap(Input.ButtonPress press, SessionState state, Supplier<Optional<ChatMessage>> previous) {
        boolean current = press.nodeId().equals(state.nodeId())
                || state.pending() != PendingPrompt.NONE && press.nodeId().equals(state.pending().nodeId());
        return !current && previous.get().filter(message -> ("button".equals(message.kind) || ChatMessage.KIND_STALE_BUTTON.equals(message.kind))
                && TranscriptBody.of(press).equals(message.body)
                && message.createdAt.isAfter(Instant.now(clock).minus(config.doubleTapWindow()))).isPresent();
    }

    /**
     * Whether the person sent something unreadable a short while ago ({@code unreadable-note-every}): that one got the
     * note saying what to send instead; this one is recorded without another (read before this line is recorded).
     */
    private boolean unreadableNoted(long contactId) {
        return messages.count("contactId = ?1 and direction = ?2 and kind = ?3 and createdAt > ?4", contactId,
                ChatMessage.Direction.IN, UNREADABLE_KIND, Instant.now(clock).minus(config.unreadableNoteEvery())) > 0;
    }

    /**
     * Whether the burst of files that {@code last} (the person's latest line, a recent file) belongs to has had its answer:
     * a reply queued since the burst's first file. The burst is the person's files in a row, each within {@link #BURST}
     * of the next. Two reads, only for a file right after a file where no file is asked.
     */
    private boolean burstAnswered(long contactId, ChatMessage last) {
        Instant start = last.createdAt;
        for (ChatMessage earlier : messages.find("contactId = ?1 and direction = ?2 and createdAt < ?3 order by createdAt desc, id desc",
                contactId, ChatMessage.Direction.IN, last.createdAt).page(0, 50).list()) {
            if (!MEDIA_KINDS.contains(earlier.kind) || earlier.createdAt.isBefore(start.minus(BURST))) {
                break;
            }
            start = earlier.createdAt;
        }
        return messages.count("contactId = ?1 and direction = ?2 and createdAt >= ?3", contactId, ChatMessage.Direction.OUT, start) > 0;
    }

    private boolean recentFile(ChatMessage message) {
        return MEDIA_KINDS.contains(message.kind) && message.createdAt.isAfter(Instant.now(clock).minus(BURST));
    }

    /**
     * Stickers sent in a row, or right after a file, where no file is asked: the first got the note and the question again
     * (one kind re-prompt); the rest are recorded without another, as the files of an album are.
     */
    private boolean recentFileOrSticker(ChatMessage message) {
        return (MEDIA_KINDS.contains(message.kind) || STICKER_KIND.equals(message.kind)) && message.createdAt.isAfter(Instant.now(clock).minus(BURST));
    }

    /**
     * {@code before}: the state of {@code existing}, read once by the caller. {@code quiet}: no reply
     * of the step is sent; {@code line}: a message at a question that takes several lines (see {@link #apply}; null: not one);
     * {@code quoted}: the line the message quotes ({@link ChatMessage#repliesTo}), or null.
     */
    private List<ChatMessage> receiveLocked(Contact contact, Optional<ConversationSession> existing, Optional<SessionState> before,
            Input input, String flowIdForNewSession, String providerMessageId, boolean quiet, StoryLine line, ChatMessage quoted) {
        contact.lastInboundAt = Instant.now(clock);
        contact.unreachableAt = null; // they wrote, so they can be reached again
        ThreadCase thread = quotedCase(contact, input, before.map(state -> threadCase(state, null)).orElse(ThreadCase.NONE), quoted);
        Long repliesTo = quoted == null ? null : quoted.id;
        Long caseId = thread.caseId();
        // Recorded first, whatever follows (nothing the person sent is lost); announced (the open pages, the team's notice)
        // once it is known to be a message: a press of a button no longer current is not one.
        ChatMessage inbound = recordSilently(contact, input, providerMessageId, null, caseId);
        inbound.repliesTo = repliesTo;
        Optional<List<ChatMessage>> flooded = flood.check(contact);
        if (flooded.isPresent()) {
            // Recorded for the transcript, not run through the conversation, but still read for danger now: "dia di depan
            // pintu" as the 61st line in a minute gets the emergency numbers (at most once in the engine's period) and
            // marks the case, and nothing else is answered, so the flood stays quiet.
            Step read = existing.isPresent() && input instanceof Input.Text
                    ? engineFor(contact).readFlooded(flows.catalog(), before.get(), input) : null;
            boolean danger = read != null && read.outputs().contains(new Output.DangerReported());
            announce(contact, inbound, danger);
            if (!danger) {
                return flooded.get();
            }
            List<ChatMessage> replies = new ArrayList<>(apply(contact, existing.get(), flowOf(read.state()), read, false, false, thread));
            replies.addAll(flooded.get());
            return replies;
        }
        boolean reported = before.map(SessionState::referenceCode).isPresent() || contact.conversation > 0;
        // Danger said in a typed line goes to the conversation, which answers it with the emergency numbers and marks the
        // case, even where a referral's consent question is open ("dia di depan pintu" got only "ketuk Ya atau Tidak")
        boolean dangerFirst = reported && existing.isPresent() && input instanceof Input.Text
                && engineFor(contact).readFlooded(flows.catalog(), before.get(), input).outputs().contains(new Output.DangerReported());
        Optional<List<Output.Message>> intercepted = dangerFirst ? Optional.empty() : interceptors().stream()
                .map(interceptor -> interceptor.intercept(contact, input, reported)).flatMap(Optional::stream).findFirst();
        if (intercepted.isPresent()) {
            announce(contact, inbound, false, !slashWordAlone(input)); // /cabut answered here is no message for the team
            List<Output.Message> answers = intercepted.get();
            if (line != null && before.isPresent() && !answers.isEmpty() && outbox.withdrawDeferred(contact) > 0) {
                // The story's acknowledgement still waiting opens the answer (/cabut in the middle of the story): its words
                // first, one message, as before a sticker's note. Before, it went at once on its own before the answer.
                String saved = flowOf(before.get()).message(MessageKey.MULTI_TEXT_SAVED)
                        .in(before.get().language(), flowOf(before.get()).defaultLanguage());
                answers = new ArrayList<>(answers);
                answers.set(0, answers.get(0).withText(saved + "\n\n" + answers.get(0).text()));
            }
            if (existing.isEmpty()) {
                // /cabut as a chat's first message: discreet like every command answered before anything started
                // (FlowEngine#withoutSession), since the chat may have just erased itself after saying the phone is not safe.
                contact.discreet = true;
            }
            List<ChatMessage> answered = new ArrayList<>(answers.stream()
                    .map(message -> outbox.queue(contact, caseId, null, message)).toList());
            if (existing.isPresent() && input instanceof Input.Text typed && typed.text().strip().startsWith("/")
                    && intercepted.get().stream().allMatch(message -> message.choices().isEmpty())) {
                // A command answered here (/cabut with nothing to withdraw) in the middle of an intake leaves the person
                // where they were: the question asked again, as after /status or /bantuan. Not after an answer that asks
                // a question itself (which consent to withdraw), and a finished intake or a case's thread asks nothing.
                Step again = engineFor(contact).repeatCurrent(flows.catalog(), before.get());
                if (!again.outputs().isEmpty()) {
                    answered.addAll(apply(contact, existing.get(), flowOf(again.state()), again, quiet, false, thread));
                }
            }
            return answered;
        }
        if (existing.isEmpty()) {
            announce(contact, inbound);
            Flow flow = flows.current(flowIdForNewSession == null ? config.defaultFlow() : flowIdForNewSession);
            // A command as the chat's first message gets its own answer and starts nothing: no session is kept.
            Optional<Step> answered = engineFor(contact).withoutSession(flow, input);
            if (answered.isPresent()) {
                return apply(contact, null, flow, answered.get(), false, uploaded(input), thread);
            }
            return apply(contact, newSession(contact), flow, engineFor(contact).start(flow, input), false, uploaded(input), thread);
        }
        ConversationSession session = existing.get();
        Step step = engineFor(contact).handle(flows.catalog(), before.get(), input);
        placeLine(inbound, before.get(), step.state());
        if (step.outputs().stream().anyMatch(Output.StaleButton.class::isInstance)) {
            inbound.kind = ChatMessage.KIND_STALE_BUTTON;
        } else {
            // a line that says danger in the case's thread: the team's notice says so (the case is marked in apply)
            boolean danger = step.outputs().contains(new Output.DangerReported());
            announce(contact, inbound, danger, danger || forTheTeam(input, before.get(), step));
        }
        List<ChatMessage> replies = apply(contact, session, flowOf(step.state()), step, quiet, line, uploaded(input), thread);
        if (dangerFirst) {
            // the question a feature had open (a referral's consent) again after the numbers, not left behind them
            Long repliesCase = threadCase(step.state(), thread).caseId();
            replies = new ArrayList<>(replies);
            for (ChatInterceptor interceptor : interceptors()) {
                for (Output.Message asked : interceptor.stillAsked(contact)) {
                    replies.add(outbox.queue(contact, repliesCase, null, asked));
                }
            }
        }
        return replies;
    }

    /** The interceptors in the order they are asked, looked up once (they are application-scoped). */
    private List<ChatInterceptor> interceptors() {
        List<ChatInterceptor> sorted = sortedInterceptors;
        if (sorted == null) {
            sorted = interceptors.stream().sorted(java.util.Comparator.comparingInt(ChatInterceptor::priority)).toList();
            sortedInterceptors = sorted;
        }
        return sorted;
    }

    /** Tells the open inbox pages, and for a case's thread the team, that the person's line {@code inbound} arrived. */
    private void announce(Contact contact, ChatMessage inbound) {
        announce(contact, inbound, false);
    }

    /** {@link #announce(Contact, ChatMessage)}; {@code danger}: the line says danger now, and the team is told so. */
    private void announce(Contact contact, ChatMessage inbound, boolean danger) {
        announce(contact, inbound, danger, true);
    }

    /** {@link #announce(Contact, ChatMessage, boolean)}; {@code teamNotice}: false tells the open pages only. */
    private void announce(Contact contact, ChatMessage inbound, boolean danger, boolean teamNotice) {
        transcriptChanged.fire(new TranscriptChanged(contact.id, inbound.intakeId, true));
        if (inbound.intakeId != null && teamNotice) {
            threadMessages.fire(new ThreadMessageReceived(inbound.intakeId, inbound.id, danger));
        }
    }

    /**
     * Whether a line in a case's thread is a message for the team ("Pesan baru dari pelapor"): not a command typed alone
     * to the service (/status, /bantuan, /hapus; /cabut where the referrals answer it), nor a button pressed at a prompt
     * of the service's own, nor the answer that settles "Hapus semua…?" or carries the erasure out, nor a quick exit (the
     * team was told of a case that was gone a moment later). Anything else is told: an unknown "/tolong", a command with
     * words after it, a line written while the erasure question is open. The line is in the transcript either way; a
     * line that says danger is always told.
     */
    private static boolean forTheTeam(Input input, SessionState before, Step step) {
        boolean settlesErasure = before.pending() == PendingPrompt.DELETE_CONFIRM && step.state().pending() != PendingPrompt.DELETE_CONFIRM;
        // a button pressed at a prompt of the service's own (/mulai's "add to the report or a new one?", /bahasa): an
        // answer to the command, which took the quiet period's one notice before the person's real message came
        boolean pressAtPrompt = before.pending() != PendingPrompt.NONE && input instanceof Input.ButtonPress;
        return !commandAlone(input) && !settlesErasure && !pressAtPrompt
                && step.outputs().stream().noneMatch(output -> output instanceof Output.DeleteRequested || output instanceof Output.QuickExit);
    }

    /** A command of the conversation typed alone ("/status", "/hapus@RuangAmanBot"); never a forwarded one. */
    private static boolean commandAlone(Input input) {
        return slashWordAlone(input) && id.ruangaman.conversation.engine.Command.parse(((Input.Text) input).text())
                .filter(command -> command != id.ruangaman.conversation.engine.Command.UNKNOWN).isPresent();
    }

    /** One word typed alone after a slash ("/cabut"), not forwarded: a command, when a part of the service answered it. */
    private static boolean slashWordAlone(Input input) {
        return input instanceof Input.Text text && !text.forwarded() && text.text().strip().startsWith("/")
                && text.text().strip().split("\\s+").length == 1;
    }

    /**
     * The case a message belongs to when the chat is a case's thread: the last report (or the one the person chose
     * to add to), unless the person erased it. None during an intake: its lines are filed when it is submitted.
     * {@code known}: the case this step already looked up (null: none yet); reused when it is the same reference code,
     * so a step looks a case up once. Reads the case's id only, never its record.
     */
    private ThreadCase threadCase(SessionState state, ThreadCase known) {
        if (state.status() != SessionStatus.COMPLETED || state.thread() == null || state.referenceCode() == null) {
            return ThreadCase.NONE;
        }
        if (known != null && state.referenceCode().equals(known.referenceCode())) {
            return known;
        }
        return new ThreadCase(state.referenceCode(), intakeRepository.threadCaseId(state.referenceCode()).orElse(null));
    }

    /**
     * Where a typed line in a case's thread is filed when it quotes a line of another open report of the same chat (a
     * reply to the counsellor's question in an earlier report's thread, swiped or tapped "reply" on): that report, with
     * the service's answer to it, and a danger it says marks that report. Before, every line went to the report the
     * chat was on now, so the counsellor of the earlier report never saw the answer to their question. Not for a
     * closed or erased report, nor during an intake; one read of the quoted line's case, only for a quoting line.
     */
    private ThreadCase quotedCase(Contact contact, Input input, ThreadCase thread, ChatMessage quoted) {
        if (thread.caseId() == null || quoted == null || !(input instanceof Input.Text) || thread.caseId().equals(quoted.intakeId)) {
            return thread;
        }
        return intakeRepository.openCaseOf(quoted.intakeId, contact.id, quoted.conversation).filter(id -> !id.equals(thread.caseId()))
                .map(id -> new ThreadCase(thread.referenceCode(), id)).orElse(thread);
    }

    /**
     * A thread's case as looked up in one step: the chat's thread's reference code, and the id of the case the step's
     * lines are filed under (null: no such case, or erased): that code's case, or another report a line quotes
     * ({@link #quotedCase}).
     */
    private record ThreadCase(String referenceCode, Long caseId) {
        static final ThreadCase NONE = new ThreadCase(null, null);
    }

    /**
     * Records an edit of an earlier message in the transcript, as a line of kind {@code edit} that points at the
     * original ({@code editOf}); the conversation does not go back and nothing is sent. {@code providerMessageId}: the
     * platform's id of the ORIGINAL message. {@code edited}: the new text or caption ({@link Input.Text}), or
     * {@link Input.Unsupported} when the platform says the message changed but not into what the service can read
     * (e.g. {@code edit}, {@code revoke}). An edit whose original the service never saw (sent before the bot was
     * added), or whose original was erased, is still recorded, standing alone where a new line would go (the case of
     * the chat's thread), and points at nothing.
     *
     * <p>The edit is filed under the original's case: the case the original was written in, or the report that took
     * over the original's conversation (a line typed during the intake, corrected after the report). Filed under a case,
     * it is announced as a new line of the case's thread is ({@link #announce}): the open pages' live event, an unread
     * message, the team's notice. Costs one lookup of the case, only for an edit.
     *
     * <p>A new text is read for danger now, as a new line is ({@link FlowEngine#readEdited}): "aku baik" changed into "dia
     * di depan pintu, aku takut" gets the emergency numbers (at most once in the engine's period), the team's notice says
     * danger, and the case the line belongs to is marked in danger: an intake's line corrected after a later report marks
     * that first report, not the one the chat is on now (during an intake, the report to come is flagged). Not again when the line
     * said danger already before this change (the original, or its last edit). Costs the session's read, only for an edit
     * with text.
     */
    @Transactional
    public void recordEdit(long contactId, String providerMessageId, Input edited) {
        recordEdit(contactId, providerMessageId, edited, null);
    }

    /**
     * As {@link #recordEdit(long, String, Input)}; {@code sentAt}: when the ORIGINAL message was sent (Telegram
     * {@code edited_message.date}; null when the platform does not say, WhatsApp). An edit of a line the service does not
     * hold that was sent before this contact existed is an edit of a line erased with the person ({@code /hapus} or a
     * coordinator's erasure unlinks the contact, so the person writing again is a new contact: its {@code created_at}
     * is the latest erasure's bound, and nothing identifying is kept to know it) or of a line from before the chat was
     * ever seen (edits from a chat with no contact are not kept either). Its words are not stored: no line, no case,
     * no event, nothing logged; a person may edit old lines precisely to scrub their phone ({@link #readErasedEdit}).
     * Returns false for such an edit (the caller empties the raw update too), true when the edit was recorded.
     */
    @Transactional
    public boolean recordEdit(long contactId, String providerMessageId, Input edited, Instant sentAt) {
        Contact contact = contacts.lock(contactId);
        Optional<ChatMessage> original = messages.find("contactId = ?1 and direction = ?2 and providerMessageKey = ?3 "
                + "and status <> ?4 order by id", contactId, ChatMessage.Direction.IN, providerIds.key(contact.channel, providerMessageId),
                ChatMessage.Status.ERASED).firstResultOptional();
        if (original.isEmpty() && sentAt != null && sentBeforeContact(contact, sentAt)) {
            readErasedEdit(contact, edited);
            return false;
        }
        Optional<ConversationSession> session = original.isEmpty() || edited instanceof Input.Text
                ? sessions.findByContact(contactId) : Optional.empty();
        Optional<SessionState> state = session.map(current -> states.read(contactId, current.state));
        Long intakeId = original.isPresent() ? caseOf(contact, original.get())
                : state.map(current -> threadCase(current, null).caseId()).orElse(null);
        if (edited instanceof Input.Unsupported change && "revoke".equals(change.kind())) {
            original.filter(line -> intakeId == null).ifPresent(line -> withdrawFromAnswers(contact, line));
            original.ifPresent(this::forgetDeletedWords);
        }
        // read before the change is recorded: the line as it was, its last edit if it had one
        String before = original.isPresent() && edited instanceof Input.Text ? lastWords(original.get()) : null;
        boolean corrects = before != null && state.isPresent() && intakeId == null
                && original.get().conversation == contact.conversation
                && state.get().status() != SessionStatus.COMPLETED
                && state.get().status() != SessionStatus.DELETED;
        if (corrects && original.get().answerKey != null) {
            // a line of the report still being written: the answer it made takes the new words (EditedAnswers), found by
            // the line's place, kept when it was taken
            ChatMessage line = original.get();
            Flow flow = flowOf(state.get());
            Optional<EditedAnswers.Corrected> corrected = EditedAnswers.correct(state.get(),
                    new EditedAnswers.Place(line.answerKey, line.answerPart, line.answerParts == null ? 1 : line.answerParts),
                    flow.nodeForKey(line.answerKey).orElse(null), before, ((Input.Text) edited).text());
            if (corrected.isPresent()) {
                state = Optional.of(corrected.get().state());
                save(session.get(), flow, corrected.get().state());
                movePlaces(line, corrected.get().place().count());
            }
        }
        Step read = state.isPresent() && edited instanceof Input.Text
                ? engineFor(contact).readEdited(flows.catalog(), state.get(), before, edited)
                : null;
        AnswerCorrection correction = original.isPresent() && intakeId != null && edited instanceof Input.Text text
                ? correctionOf(original.get(), intakeId, text.text()).orElse(null) : null;
        ChatMessage edit = recordSilently(contact, edited, providerMessageId, original.map(m -> m.id).orElse(null), intakeId);
        original.ifPresent(m -> edit.conversation = m.conversation);
        edit.kind = "edit";
        if (correction != null) {
            correction.messageId = edit.id;
            correction.createdAt = edit.createdAt;
            corrections.persist(correction);
        }
        boolean danger = read != null && read.outputs().contains(new Output.DangerReported());
        announce(contact, edit, danger); // before the case is marked: the team's notice reads when danger was said before
        if (danger && original.isPresent() && intakeId != null) {
            // the line is an earlier report's (typed in its intake, or in its thread): that report is in danger, not the
            // one the chat is on now, and not a report still being written
            apply(contact, session.get(), flowOf(read.state()), new Step(read.state().withDangerSaid(state.get().dangerSaid()),
                    read.outputs().stream().filter(output -> !(output instanceof Output.DangerReported)).toList()), false);
            intakes.markInDanger(intakeId, Instant.now(clock));
        } else if (danger) {
            apply(contact, session.get(), flowOf(read.state()), read, false);
        }
        return true;
    }

    /**
     * The correction of the submitted report {@code intakeId} that an edit of {@code line} into {@code words} makes: the
     * line was typed during the report's intake and made an answer ({@link ChatMessage#answerKey}, V264), and the
     * report still holds that line's words at its place ({@link EditedAnswers#holdsIn}: its own words, or those of an
     * edit made before the report was sent). Empty for any other edit (a line of the case's thread, a choice, a line whose
     * answer was given again from the summary, blank words); it stays an edit line of the transcript only. The report's
     * answers are not changed: the correction is kept beside them ({@link AnswerCorrection}). Costs the report's read,
     * only for an edit of such a line.
     */
    private Optional<AnswerCorrection> correctionOf(ChatMessage line, long intakeId, String words) {
        if (line.answerKey == null || line.intakeId != null || words == null || words.isBlank()) {
            return Optional.empty();
        }
        Intake report = intakeRepository.findById(intakeId);
        if (report == null || report.deletedByReporterAt != null || report.conversation == null
                || report.conversation != line.conversation) {
            return Optional.empty();
        }
        EditedAnswers.Place place = new EditedAnswers.Place(line.answerKey, line.answerPart,
                line.answerParts == null ? 1 : line.answerParts);
        id.ruangaman.conversation.Answer answer = IntakeRecord.read(report.answers).values().stream()
                .map(component -> component.get(line.answerKey)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        List<ChatMessage> versions = new ArrayList<>(List.of(line));
        versions.addAll(messages.list("contactId = ?1 and direction = ?2 and editOf = ?3 order by id", line.contactId,
                ChatMessage.Direction.IN, line.id));
        boolean held = versions.stream().map(TranscriptBody::input).flatMap(Optional::stream)
                .filter(Input.Text.class::isInstance).map(input -> ((Input.Text) input).text())
                .anyMatch(said -> EditedAnswers.holdsIn(answer, place, said));
        if (!held) {
            return Optional.empty();
        }
        AnswerCorrection correction = new AnswerCorrection();
        correction.intakeId = intakeId;
        correction.answerKey = place.key();
        correction.answerPart = place.part();
        correction.answerParts = place.count();
        correction.body = words.strip();
        return Optional.of(correction);
    }

    /**
     * Keeps where {@code inbound}, a line of an intake, went ({@link EditedAnswers#placeOf}: an answer key, and the parts
     * it became), so an edit of it, which names it by the platform's id, changes that answer and no other. Nothing for a
     * line of a case's thread or one kept as nothing editable.
     */
    private void placeLine(ChatMessage inbound, SessionState before, SessionState after) {
        if (inbound.intakeId != null || before.nodeId() == null || before.status() == SessionStatus.COMPLETED
                || before.status() == SessionStatus.DELETED) {
            return;
        }
        flowOf(before).findNode(before.nodeId()).flatMap(node -> EditedAnswers.placeOf(before, after, node)).ifPresent(place -> {
            inbound.answerKey = place.key();
            inbound.answerPart = place.part();
            inbound.answerParts = place.count();
        });
    }

    /**
     * {@code line}, edited into {@code count} parts where it had {@code line.answerParts}: the lines kept after it in the
     * same answer move by the difference, so each still names its own parts.
     */
    private void movePlaces(ChatMessage line, int count) {
        int was = line.answerParts == null ? 1 : line.answerParts;
        if (line.answerPart == null || count == was) {
            return;
        }
        messages.update("answerPart = answerPart + ?1 where contactId = ?2 and conversation = ?3 and answerKey = ?4 "
                + "and answerPart > ?5 and direction = ?6", count - was, line.contactId, line.conversation, line.answerKey,
                line.answerPart, ChatMessage.Direction.IN);
        line.answerParts = count;
    }

    /**
     * Telegram's {@code date} counts whole seconds: a line sent in the second the contact was made is not before it.
     */
    private static boolean sentBeforeContact(Contact contact, Instant sentAt) {
        return contact.createdAt != null && sentAt.isBefore(contact.createdAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /**
     * An edit of a line erased with the person (see {@link #recordEdit(long, String, Input, Instant)}): read for danger in
     * memory only. Danger gets the emergency numbers, as a danger line does (at most once in the engine's period: the
     * session keeps when they were sent); the case is not marked and the team is not told, for nothing of the words may
     * stay to say why. Anything else gets nothing.
     */
    private void readErasedEdit(Contact contact, Input edited) {
        if (!(edited instanceof Input.Text)) {
            return;
        }
        Optional<ConversationSession> session = sessions.findByContact(contact.id);
        if (session.isEmpty()) {
            // a chat that has no conversation (its first message was a command, e.g. /hapus): read as a chat never seen
            readWithoutSession(contact.channel, edited).ifPresent(numbers -> apply(contact, null, flowOf(numbers.state()), numbers, false));
            return;
        }
        SessionState state = states.read(contact.id, session.get().state);
        Step read = engineFor(contact).readEdited(flows.catalog(), state, null, edited);
        if (!read.outputs().contains(new Output.DangerReported())) {
            return;
        }
        apply(contact, session.get(), flowOf(read.state()), new Step(read.state().withDangerSaid(state.dangerSaid()),
                read.outputs().stream().filter(Output.Message.class::isInstance).toList()), false);
    }

    /**
     * An edit from a chat that has no contact at all: the person erased everything ({@code /hapus}, or a coordinator's
     * erasure, and has not written again), or the chat was never seen (a line sent before the bot was added). The new
     * words are read for danger in memory, as a first line would be, and nothing of them is kept: no line, no case, no
     * event, nothing logged. Danger ("dia di depan pintu, aku takut") gets the emergency numbers: only then is
     * {@code contactForNumbers} asked for the chat's contact (made as a notice makes one: the chat's id, encrypted, and
     * nothing of the person), the numbers are queued to it, and true is returned (the caller empties the raw update).
     * Anything else: nothing is made or sent, false. No session is kept, so a second danger edit gets the numbers again.
     */
    @Transactional
    public boolean answerEditWithoutContact(Channel channel, Input edited, Supplier<Contact> contactForNumbers) {
        Optional<Step> numbers = readWithoutSession(channel, edited);
        if (numbers.isEmpty()) {
            return false;
        }
        Contact contact = contactForNumbers.get();
        apply(contact, null, flowOf(numbers.get().state()), numbers.get(), false);
        return true;
    }

    /**
     * {@code edited} read for danger as the first line of a chat with no conversation would be (a fresh, discreet state
     * of the default flow: nothing says whether the chat is new or erased, as {@link FlowEngine#withoutSession}): the
     * step that sends the emergency numbers only (no case to mark, no team to tell), or empty when it says no danger.
     */
    private Optional<Step> readWithoutSession(Channel channel, Input edited) {
        if (!(edited instanceof Input.Text)) {
            return Optional.empty();
        }
        Flow flow = flows.current(config.defaultFlow());
        SessionState fresh = SessionState.fresh(flow, id.ruangaman.conversation.engine.Sessions.firstLanguage(flow), null,
                Instant.now(clock)).withDiscreet(true);
        Step read = engineFor(channel).readEdited(flows.catalog(), fresh, null, edited);
        if (!read.outputs().contains(new Output.DangerReported())) {
            return Optional.empty();
        }
        return Optional.of(new Step(read.state(), read.outputs().stream().filter(Output.Message.class::isInstance).toList()));
    }

    /**
     * A file the person sent that could not be taken from the platform (the download failed after its tries, or it is
     * larger than the limit): {@code lost} is its kind and caption, no file ({@code mediaId} null). Recorded as the
     * person's line ("[Foto: tangkapan layar]") and {@code note} (it did not arrive, send it again) as the bot's answer,
     * both filed under the case's thread when there is one (during an intake, with the conversation's other lines), so
     * the counsellor sees what was sent and the words written with it; the line is announced as a new line of the thread
     * is. Nothing of the file is kept, and the conversation does not move.
     *
     * <p>The caption is the person's words all the same, read for danger now as a flooded line is
     * ({@link FlowEngine#readFlooded}): a video too large to take, sent with "dia di depan pintu, aku takut", gets the
     * emergency numbers (at most once in the engine's period) before the note, the team's notice says danger, and the
     * case is marked in danger (during an intake, the report to come is flagged). Costs nothing more for a file without
     * a caption.
     */
    @Transactional
    public void recordNotReceived(long contactId, Input.Media lost, String providerMessageId, String note) {
        Contact contact = contacts.lock(contactId);
        Optional<ConversationSession> session = sessions.findByContact(contactId);
        Optional<SessionState> state = session.map(current -> states.read(contactId, current.state));
        ThreadCase thread = state.map(current -> threadCase(current, null)).orElse(ThreadCase.NONE);
        Long intakeId = thread.caseId();
        contact.lastInboundAt = Instant.now(clock);
        ChatMessage line = recordSilently(contact, new Input.Media(null, lost.kind(), lost.caption(), lost.forwarded()), providerMessageId,
                null, intakeId);
        outbox.releaseDeferred(contact); // a story's acknowledgement still waiting goes first
        String caption = lost.caption() == null ? "" : lost.caption().strip();
        Step read = state.isPresent() && !caption.isEmpty()
                ? engineFor(contact).readFlooded(flows.catalog(), state.get(), new Input.Text(caption, null, lost.forwarded())) : null;
        boolean danger = read != null && read.outputs().contains(new Output.DangerReported());
        announce(contact, line, danger); // before the case is marked, as for a flooded line
        if (danger) {
            apply(contact, session.get(), flowOf(read.state()), read, false, false, thread); // the numbers first
        }
        outbox.queue(contact, intakeId, null, Output.Message.plain(note));
    }

    /** The words of {@code original} as the person last left them: its last edit's text, else its own; null when not text. */
    private String lastWords(ChatMessage original) {
        ChatMessage last = messages.find("contactId = ?1 and direction = ?2 and editOf = ?3 order by id desc", original.contactId,
                ChatMessage.Direction.IN, original.id).firstResultOptional().orElse(original);
        return TranscriptBody.input(last).filter(Input.Text.class::isInstance).map(input -> ((Input.Text) input).text()).orElse(null);
    }

    /**
     * The person deleted {@code original} for everyone (WhatsApp {@code revoke}): its words, and the words of every edit
     * of it, are cleared (body null), not only hidden. The person took them back from the chat; keeping a copy the inbox
     * may not show would hold what they chose to withdraw, readable to anyone with the database and the key (a dump, an
     * export, a future page), for no one's use. What the case needs stays: the line and its time (shown as deleted by
     * the sender), the deletion's own line, and a report's answers, which the person handed over as the report. Runs
     * before the deletion's own line is written, so that line is not cleared.
     */
    /**
     * A line of the report still being written, deleted for everyone by the person: the answer it made loses it
     * ({@link EditedAnswers#withdrawn}), so the summary they confirm and the report keep no copy of words they took back
     * (before, a story line or a telling deleted this way went with the report). The lines kept after it in the same
     * answer move back; the line keeps no place.
     */
    private void withdrawFromAnswers(Contact contact, ChatMessage line) {
        if (line.answerKey == null || line.conversation != contact.conversation) {
            return;
        }
        Optional<ConversationSession> session = sessions.findByContact(contact.id);
        Optional<SessionState> state = session.map(current -> states.read(contact.id, current.state));
        if (state.isEmpty() || state.get().status() == SessionStatus.COMPLETED || state.get().status() == SessionStatus.DELETED) {
            return;
        }
        Flow flow = flowOf(state.get());
        EditedAnswers.withdrawn(state.get(), new EditedAnswers.Place(line.answerKey, line.answerPart,
                line.answerParts == null ? 1 : line.answerParts), flow.nodeForKey(line.answerKey).orElse(null), lastWords(line))
                .ifPresent(corrected -> {
                    save(session.get(), flow, corrected.state());
                    movePlaces(line, 0);
                    line.answerKey = null;
                    line.answerPart = null;
                    line.answerParts = null;
                });
    }

    private void forgetDeletedWords(ChatMessage original) {
        original.body = null;
        messages.update("body = null where editOf = ?1 and contactId = ?2 and direction = ?3", original.id, original.contactId,
                ChatMessage.Direction.IN);
    }

    /**
     * The case a line belongs to, not erased by the reporter: the one it was filed under, or the report that took over
     * its conversation ({@link ChatMessage#intakeId}); null while no report has.
     */
    private Long caseOf(Contact contact, ChatMessage line) {
        if (line.intakeId == null && line.conversation >= contact.conversation) {
            return null; // the conversation still going on: no report yet
        }
        return intakeRepository.liveCaseOf(line.intakeId, contact.id, line.conversation).orElse(null);
    }

    /** Lets the engine remind or pause an idle session. Does nothing if the person wrote meanwhile. */
    @Transactional
    public List<ChatMessage> tick(long contactId) {
        Contact contact = contacts.lock(contactId);
        Optional<ConversationSession> existing = sessions.findByContact(contactId);
        if (existing.isEmpty()) {
            return List.of();
        }
        ConversationSession session = existing.get();
        Optional<Flow> pinned = pinnedFlow(session);
        if (pinned.isEmpty()) {
            return List.of();
        }
        Step step = engineFor(contact).tick(pinned.get(), states.read(contactId, session.state));
        return apply(contact, session, pinned.get(), step, false);
    }

    /**
     * The engine with this messenger's own notices ({@code quiet_mode_whatsapp} over {@code quiet_mode}) and its way of
     * showing choices ({@link ChannelChoiceOrder}: a typed "2" at a WhatsApp list names no place).
     */
    private FlowEngine engineFor(Contact contact) {
        return engineFor(contact.channel);
    }

    private FlowEngine engineFor(Channel messenger) {
        return engines.computeIfAbsent(messenger, channel -> engine.withSharedTexts(notices.sharedFor(channel.name().toLowerCase(Locale.ROOT)))
                .withChoiceOrder(choiceOrders.stream().filter(order -> order.channel() == channel).findFirst()
                        .<id.ruangaman.conversation.ChoiceOrder>map(order -> order).orElse(id.ruangaman.conversation.ChoiceOrder.SHOWN)));
    }

    private Optional<Flow> pinnedFlow(ConversationSession session) {
        return flows.catalog().revision(session.flowId, session.flowRevision);
    }

    private Flow flowOf(SessionState state) {
        return flows.catalog().revision(state.flowId(), state.revision()).orElseGet(() -> flows.current(state.flowId()));
    }

    /**
     * Uploads are staged before the engine sees them. After each step, an upload an answer took is
     * kept (claimed), one still being collected stays staged, and any other is deleted at once, so
     * nothing is kept that the person did not hand over as evidence.
     */
    private void settleUploads(Contact contact, Step step, Long caseId, boolean uploaded) {
        List<Long> recorded = step.outputs().stream()
                .filter(Output.AnswerRecorded.class::isInstance)
                .flatMap(output -> ((Output.AnswerRecorded) output).answer().mediaIds().stream())
                .map(ConversationService::mediaId).flatMap(Optional::stream).toList();
        media.claim(contact.id, recorded);
        step.outputs().stream().filter(Output.EvidenceKept.class::isInstance).map(Output.EvidenceKept.class::cast)
                .forEach(kept -> {
                    Long intakeId = intakeRepository.findByReferenceCode(kept.referenceCode())
                            .filter(intake -> intake.deletedByReporterAt == null).map(intake -> intake.id).orElse(caseId);
                    List<Long> ids = kept.mediaIds().stream().map(ConversationService::mediaId).flatMap(Optional::stream).toList();
                    if (intakeId != null) {
                        media.claimFor(contact.id, intakeId, ids);
                        // files the person sent, filed under the case now: the person wrote on it, as a new line is
                        transcriptChanged.fire(new TranscriptChanged(contact.id, intakeId, true));
                        threadMessages.fire(new ThreadMessageReceived(intakeId, null));
                    }
                });
        List<Long> collecting = step.state().draft().mediaIds().stream()
                .map(ConversationService::mediaId).flatMap(Optional::stream).toList();
        if (contact.stagedMedia || uploaded) { // otherwise there is nothing staged to settle
            media.discardStaged(contact.id, collecting);
            contact.stagedMedia = !collecting.isEmpty(); // what is still being collected stays staged
        }
    }

    private static Optional<Long> mediaId(String value) {
        try {
            return Optional.of(Long.valueOf(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private ConversationSession newSession(Contact contact) {
        ConversationSession session = new ConversationSession();
        session.contactId = contact.id;
        session.createdAt = Instant.now(clock);
        return session;
    }

    /** Carries out a step; {@code quiet} takes it without sending its messages (a file in the middle of a burst). */
    private static boolean uploaded(Input input) {
        return input instanceof Input.Media media && media.mediaId() != null;
    }

    private List<ChatMessage> apply(Contact contact, ConversationSession session, Flow flow, Step step, boolean quiet) {
        return apply(contact, session, flow, step, quiet, false, null);
    }

    /**
     * As {@link #apply(Contact, ConversationSession, Flow, Step, boolean)}; {@code session} null: a step that keeps no
     * session (a command answered before anything started, {@link FlowEngine#withoutSession}); {@code uploaded}: the step's input is a stored
     * file; {@code thread}: the case this step already looked up (null: none).
     */
    private List<ChatMessage> apply(Contact contact, ConversationSession session, Flow flow, Step step, boolean quiet,
            boolean uploaded, ThreadCase thread) {
        return apply(contact, session, flow, step, quiet, null, uploaded, thread);
    }

    /**
     * As above; {@code line}: the step answers a message at a question that takes several lines (null: it does not).
     * There the step's routine acknowledgement ({@link Output.Message#routine}) is left out while more lines are
     * waiting; otherwise it is sent at once for the story's first line and, for a later one, queued to go after
     * {@link StoryAckDelay} ({@link Outbox#queueDeferred}). An acknowledgement of the story still waiting from an earlier
     * line is withdrawn when this step says enough (the line was taken into the story: its own acknowledgement, or the
     * emergency numbers with it, follows; or the story ended: the next question follows), and when the step sends
     * something else (a re-prompt) withdrawn too, its words opening the step's first message: one reply, and nothing waits
     * behind it.
     */
    private List<ChatMessage> apply(Contact contact, ConversationSession session, Flow flow, Step step, boolean quiet,
            StoryLine line, boolean uploaded, ThreadCase thread) {
        boolean routineQuiet = line != null && line.moreComing();
        java.time.Duration ackDelay = storyAckDelay.delay();
        String savedLead = null;
        // Nothing can be waiting before the story's first line, nor when nothing is ever deferred: no statement then.
        if (line != null && !quiet && !line.before().isEmpty() && !ackDelay.isNegative() && !ackDelay.isZero()) {
            boolean saysEnough = !engine.collectsLines(flows.catalog(), step.state()) || !step.state().draft().equals(line.before());
            if (saysEnough) {
                outbox.withdrawDeferred(contact);
            } else if (step.outputs().stream().anyMatch(Output.Message.class::isInstance) && outbox.withdrawDeferred(contact) > 0) {
                // One thing sent, one message: the acknowledgement's words open this step's reply (a sticker's note and
                // the question), so the person still reads that their lines are kept. Before, it went at once and the
                // note right after it, two messages for one sticker.
                savedLead = flowOf(step.state()).message(MessageKey.MULTI_TEXT_SAVED)
                        .in(step.state().language(), flowOf(step.state()).defaultLanguage());
            }
        }
        List<ChatMessage> replies = new ArrayList<>();
        contact.discreet = step.state().discreet();
        contact.expectsFiles = engine.expectsUpload(flows.catalog(), step.state());
        // Where the bot cannot delete the chat on the phone (WhatsApp, or after /hapus), the step's last message says how
        // to clear it: one message, not a second one that repeats that the phone keeps its copy (walkthrough 9, #19).
        Optional<Notices.Key> clearChat = clearChatAfter(contact.channel, step.outputs());
        String howToClear = clearChat.map(key -> notices.text(key, step.state().language(), java.util.Map.of())).orElse(null);
        int lastMessage = lastMessageIndex(step.outputs());
        // A quiet step (a file in the middle of a burst) whose caption said danger is not quiet. Where files are asked,
        // its first message goes: the emergency numbers, which the engine says before anything else of the step
        // (Answering); the rest stays quiet, for the burst's last file answers for every file. Where no file is asked,
        // nothing later answers for it (the burst's answer went before, or this file takes its turn): the whole step goes,
        // the numbers first, then the note and the question. Before, only the numbers went and the question was lost.
        boolean danger = step.outputs().stream().anyMatch(Output.DangerReported.class::isInstance);
        if (quiet && danger && !contact.expectsFiles) {
            quiet = false;
        }
        int urgent = quiet && danger ? firstMessageIndex(step.outputs()) : -1;
        // The bot's replies go where the chat now is. A step that submits a report has just drawn its new reference
        // code (IntakeService#submit), which no case can hold yet: its replies before the submission belong to the
        // conversation the report takes over, and no query is sent for them.
        boolean submits = step.outputs().stream().anyMatch(Output.IntakeSubmitted.class::isInstance);
        Long caseId = submits ? null : threadCase(step.state(), thread).caseId();
        Long submittedId = null;
        List<Long> submittedFiles = List.of();
        for (int i = 0; i < step.outputs().size(); i++) {
            Output output = step.outputs().get(i);
            if (output instanceof Output.Message message) {
                if ((!quiet || i == urgent) && !(routineQuiet && message.routine())) {
                    Output.Message sent = i == lastMessage && howToClear != null ? message.withText(message.text() + "\n\n" + howToClear) : message;
                    if (savedLead != null && sent.text() != null) {
                        sent = sent.withText(savedLead + "\n\n" + sent.text());
                        savedLead = null;
                    }
                    boolean deferred = line != null && message.routine() && !line.before().isEmpty() && !ackDelay.isNegative() && !ackDelay.isZero();
                    replies.add(deferred ? outbox.queueDeferred(contact, caseId, sent, ackDelay) : outbox.queue(contact, caseId, null, sent));
                }
            } else if (output instanceof Output.IntakeSubmitted submitted) {
                submittedId = intakes.submit(contact, flow, step.state(), submitted).id;
                submittedFiles = submitted.answers().values().stream().flatMap(answer -> answer.mediaIds().stream())
                        .map(ConversationService::mediaId).flatMap(Optional::stream).toList();
                caseId = submittedId;
                if (contact.channel == Channel.TELEGRAM) {
                    outbox.queueButtonRemoval(contact, caseId); // the summary's buttons are stale from now on
                }
            } else if (output instanceof Output.DangerReported && caseId != null) {
                // danger now written in the case's thread ("dia di depan pintu"): the counsellor sees the case in danger,
                // with the time; during an intake the report carries it when it is sent
                intakes.markInDanger(caseId, Instant.now(clock));
            } else if (output instanceof Output.DeleteRequested) {
                erasure.erase(contact);
            } else if (output instanceof Output.StaleButton) {
                String note = notices.text(Notices.Key.STALE_BUTTON_AFTER_REPORT, contact.language, java.util.Map.of());
                if (!quiet) {
                    replies.add(outbox.queue(contact, caseId, null, Output.Message.plain(note)));
                }
            } else if (output instanceof Output.QuickExit) {
                if (contact.channel == Channel.TELEGRAM) {
                    outbox.queueDeletion(contact, caseId); // before the neutral line, which stays
                }
            }
        }
        if (howToClear != null && (quiet || lastMessage < 0)) {
            replies.add(outbox.queue(contact, caseId, null, Output.Message.plain(howToClear))); // no message to add it to
        }
        settleUploads(contact, step, caseId, uploaded);
        if (submittedId != null) {
            // The conversation that led to the report, and the evidence it took, become the new case's. Its lines are
            // the report's by their conversation number (IntakeService.submit), so none is rewritten. Files no answer of
            // the report names any more (their answer dropped when a change at the summary took its path away: consent
            // to keep evidence withdrawn, an age under 18 after images were sent) are deleted, never filed under it.
            media.fileSubmitted(contact.id, submittedId, submittedFiles);
        }
        if (session != null) {
            save(session, flow, step.state());
            contact.language = step.state().language();
        }
        return replies;
    }

    /** The how-to-clear notice a step needs: after /hapus on a messenger, and after /keluar where the bot cannot delete. */
    private static Optional<Notices.Key> clearChatAfter(Channel channel, List<Output> outputs) {
        boolean erased = outputs.stream().anyMatch(Output.DeleteRequested.class::isInstance);
        boolean exited = channel != Channel.TELEGRAM && outputs.stream().anyMatch(Output.QuickExit.class::isInstance);
        return erased || exited ? clearChatNotice(channel) : Optional.empty();
    }

    private static int firstMessageIndex(List<Output> outputs) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i) instanceof Output.Message) {
                return i;
            }
        }
        return -1;
    }

    private static int lastMessageIndex(List<Output> outputs) {
        for (int i = outputs.size() - 1; i >= 0; i--) {
            if (outputs.get(i) instanceof Output.Message) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Notices.Key> clearChatNotice(Channel channel) {
        return switch (channel) {
            case TELEGRAM -> Optional.of(Notices.Key.CLEAR_CHAT_TELEGRAM);
            case WHATSAPP -> Optional.of(Notices.Key.CLEAR_CHAT_WHATSAPP);
            default -> Optional.empty();
        };
    }

    private void save(ConversationSession session, Flow flow, SessionState state) {
        Instant now = Instant.now(clock);
        session.flowId = state.flowId() == null ? flow.id() : state.flowId();
        session.flowRevision = state.revision() == null ? flow.revision() : state.revision();
        session.status = state.status().name();
        session.referenceCode = state.referenceCode();
        session.state = states.write(session.contactId, state);
        session.lastInputAt = state.lastInputAt() == null ? now : state.lastInputAt();
        session.reminded = state.reminded();
        session.holdingFiles = state.pending() == PendingPrompt.EVIDENCE_KEEP && !state.draft().mediaIds().isEmpty();
        session.updatedAt = now;
        if (session.id == null) {
            sessions.persistNew(session);
        }
    }

    /** Persists the person's line, telling no one yet ({@link #announce}). */
    private ChatMessage recordSilently(Contact contact, Input input, String providerMessageId, Long editOf, Long intakeId) {
        ChatMessage inbound = new ChatMessage();
        inbound.intakeId = intakeId;
        inbound.conversation = contact.conversation;
        inbound.editOf = editOf;
        inbound.contactId = contact.id;
        inbound.channel = contact.channel;
        inbound.identify(providerIds, providerMessageId);
        inbound.direction = ChatMessage.Direction.IN;
        inbound.kind = kindOf(input);
        inbound.body = TranscriptBody.of(input);
        inbound.status = ChatMessage.Status.RECEIVED;
        inbound.createdAt = Instant.now(clock);
        lines.add(inbound); // in a round: written with the round's other lines (RoundLines)
        return inbound;
    }

    static String kindOf(Input input) {
        if (input instanceof Input.Text) {
            return "text";
        } else if (input instanceof Input.ButtonPress) {
            return "button";
        } else if (input instanceof Input.Media media) {
            return media.kind().name().toLowerCase();
        } else if (input instanceof Input.Location) {
            return "location";
        } else if (input instanceof Input.SharedContact) {
            return "contact";
        } else if (input instanceof Input.Sticker) {
            return "sticker";
        }
        return UNREADABLE_KIND;
    }

}
