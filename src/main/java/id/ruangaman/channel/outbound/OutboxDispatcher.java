package id.ruangaman.channel.outbound;

import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.transcript.TranscriptBody;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;


import javax.sql.DataSource;

import org.jboss.logging.Logger;

import id.ruangaman.transcript.Channel;
import id.ruangaman.channel.ChannelStatusLog;
import id.ruangaman.channel.ChannelsConfig;
import id.ruangaman.channel.inbound.AckPriority;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.transcript.ProviderIds;
import id.ruangaman.transcript.TranscriptChanged;
import id.ruangaman.transcript.TranscriptChangedOnConnection;
import id.ruangaman.conversation.Output;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Delivers the outbox of every enabled channel: in order per contact, one message in flight per
 * contact, within the channel's overall and per-contact rates, with a lease so a crashed sender's
 * message is retried (and flagged as a possible duplicate, since its outcome is unknown). Due contacts
 * come from the per-contact {@link OutboundQueue}; after each outcome is recorded the contact's lease
 * there is released.
 */
@ApplicationScoped
class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 100;

    private final EntityManager em;
    private final ChannelsConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Event<TranscriptChanged> transcriptChanged;
    private final Event<TranscriptChangedOnConnection> transcriptChangedOnConnection;
    /** The pool's connections for the recording of a delivered message, a plain JDBC transaction ({@link #recordSent}). */
    private final DataSource dataSource;
    private final List<ChannelSender> senders = new ArrayList<>();
    private final ProviderIds providerIds;
    private final FieldCipher cipher;
    /**
     * Delivery steps aside while the webhook is congested: before each claim, which then takes one message
     * ({@link #claimRoom}), and before each send of a batch claimed while it was not (a message already claimed waits at
     * most RUANGAMAN_ACK_YIELD_MAX_PAUSE, far inside its send lease).
     */
    private final AckPriority ackPriority;
    private final OutboundQueue queue;
    /** Says in the console when a channel's sends fail and when they work again (never what or to whom). */
    private final ChannelStatusLog status;
    private final List<Lane> lanes = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** How long a stop waits for the sends under way to get the platform's answer and record it. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private final AtomicBoolean running = new AtomicBoolean();

    OutboxDispatcher(EntityManager em, ChannelsConfig config, MeterRegistry metrics, Clock clock,
            Instance<ChannelSender> available, Event<TranscriptChanged> transcriptChanged, ProviderIds providerIds,
            AckPriority ackPriority, OutboundQueue queue, FieldCipher cipher, ChannelStatusLog status,
            Event<TranscriptChangedOnConnection> transcriptChangedOnConnection, DataSource dataSource) {
        this.transcriptChangedOnConnection = transcriptChangedOnConnection;
        this.dataSource = dataSource;
        this.status = status;
        this.providerIds = providerIds;
        this.cipher = cipher;
        this.ackPriority = ackPriority;
        this.queue = queue;
        this.transcriptChanged = transcriptChanged;
        this.em = em;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        available.forEach(senders::add);
    }

    /**
     * One channel's delivery loop with its own senders, so a slow platform never delays another. It
     * claims only as many messages as it has free senders: a claimed message is being sent, never
     * waiting in a queue while its lease runs out. It keeps as many sends in flight as its limit needs at the measured
     * time a sender is busy with one send, from the platform call to the commit of its outcome ({@link #sendersFor},
     * {@link SendTimes}; the configured send time until the first sends are recorded): under load the recording's commit
     * can take longer than the platform's answer, and a lane sized for the answer alone then sent about a fifth of its
     * limit (issue 16, twentieth round). Their threads start when there is that much to send and end after a minute idle.
     */
    private final class Lane implements Runnable {
        final ChannelSender sender;
        final RateLimiter limiter;
        final Semaphore wake = new Semaphore(0);
        final Semaphore freeSenders;
        final ExecutorService senders;
        final SendTimes sendTimes = new SendTimes(config.outboundSendTime());
        /** The delivered sends' outcomes, recorded together while they arrive together ({@link #recordSent}). */
        final GroupRecording<Delivered, Sending> delivered;

        /**
         * How long a request holds its rate permit, from the permit to the platform's answer: a slot of the limit is free
         * again a second after its answer ({@link RateLimiter}), so this time is what a backlog's rate loses to the call.
         */
        final Timer call;

        /**
         * How long a slot of the limit stood free before a request took it ({@link RateLimiter.Permit#unusedNanos}): with a
         * backlog, the rate lost because no send was ready for the permit; with {@link #call}, what a backlog's rate
         * loses (within about half a point in issue 16's forty-fourth round). Without a backlog it is the quiet time between sends and means nothing.
         */
        final Timer unusedSlot;

        /** How long one claim of due messages takes: the lane's own transaction between a sender coming free and its next send. */
        final Timer claim;

        /** The lane's own thread (claims and hands out), set when it starts. */
        volatile Thread thread;

        Lane(ChannelSender sender) {
            this.sender = sender;
            this.limiter = new RateLimiter(sender.maxPerSecond());
            this.freeSenders = new Semaphore(config.outboundMaxWorkers());
            this.senders = newSenders();
            String tag = channelTag(sender.channel());
            this.delivered = new GroupRecording<>(sends -> recordSent(pace(sender), sends), BATCH,
                    OutboxDispatcher::statementFailure,
                    size -> metrics.summary("ruangaman.outbound.recorded_together", "channel", tag).record(size));
            // How the lane is sized and how full it is (no data): Little's law made visible, for the benchmark and an
            // operator asking why a channel sends below its limit.
            Gauge.builder("ruangaman.outbound.in.flight", this, Lane::inFlight).tag("channel", tag)
                    .description("Sends of this channel under way now").register(metrics);
            Gauge.builder("ruangaman.outbound.senders.target", this, Lane::target).tag("channel", tag)
                    .description("Sends this channel keeps in flight for its limit at its measured send time").register(metrics);
            this.call = Timer.builder("ruangaman.outbound.call").tag("channel", tag)
                    .description("Time a request to the platform holds its rate permit: from the permit to the platform's answer")
                    .register(metrics);
            this.unusedSlot = Timer.builder("ruangaman.outbound.slot.unused").tag("channel", tag)
                    .description("Time a slot of the channel's rate limit stood free before a request took it")
                    .register(metrics);
            this.claim = Timer.builder("ruangaman.outbound.claim").tag("channel", tag)
                    .description("Time of one claim of due messages (the lane's claim transaction)")
                    .register(metrics);
            Gauge.builder("ruangaman.outbound.send.time", sendTimes, times -> times.mean().toNanos() / 1e9).tag("channel", tag)
                    .baseUnit("seconds").description("Mean time a sender is busy with one send: the call and its recording")
                    .register(metrics);
        }

        /**
         * Sends this lane keeps in flight now: what its limit needs at the time a sender is measured to be busy with one
         * send (the platform's answer and the recording of it), with a quarter more for the sends slower than the mean.
         */
        int target() {
            return sendersFor(sender.maxPerSecond(), sendTimes.mean().multipliedBy(5).dividedBy(4), config.outboundWorkers(),
                    config.outboundMaxWorkers());
        }

        /** Sends in flight now. */
        int inFlight() {
            return config.outboundMaxWorkers() - freeSenders.availablePermits();
        }

        private ExecutorService newSenders() {
            String name = "outbound-" + sender.channel().name().toLowerCase();
            // A thread per send in flight, reused while sends keep coming: the semaphore bounds them, not the pool.
            return Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }

        void wakeUp() {
            if (wake.availablePermits() == 0) {
                wake.release();
            }
        }

        @Override
        public void run() {
            try {
                sender.prepare();
            } catch (RuntimeException e) {
                LOG.warnf("Preparing delivery for %s failed (%s); sending anyway", sender.channel(), e.getClass().getSimpleName());
            }
            while (running.get()) {
                try {
                    ackPriority.yieldToWebhook();
                    int claimed = deliverDue(this);
                    if (claimed == 0) {
                        wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                        wake.drainPermits();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.warnf("Outbox delivery for %s failed (%s); retrying", sender.channel(), e.getClass().getSimpleName());
                    try {
                        Thread.sleep(config.pollInterval().toMillis());
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * How many sends a channel keeps in flight at once: a channel sends {@code maxPerSecond} only if that many times
     * {@code sendTime} (one send from its claim to its recorded outcome) are under way together (Little's law); at
     * least {@code atLeast}, at most {@code atMost}. With 8 senders and sends of 250 ms (a platform 200 ms away) a
     * channel could not send more than 32 messages a second, whatever its limit; a fresh JVM's first sends, and a
     * busy database, take longer still.
     */
    static int sendersFor(int maxPerSecond, Duration sendTime, int atLeast, int atMost) {
        long needed = (long) Math.ceil(maxPerSecond * (sendTime.toNanos() / 1e9));
        return (int) Math.max(atLeast, Math.min(atMost, needed));
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.deliverOutbound()) {
            LOG.info("Outbound delivery is off in this instance");
            return;
        }
        running.set(true);
        for (ChannelSender sender : senders) {
            if (sender.enabled()) {
                Lane lane = new Lane(sender);
                lanes.add(lane);
                Thread thread = new Thread(lane, "outbox-" + sender.channel().name().toLowerCase());
                thread.setDaemon(true);
                lane.thread = thread;
                thread.start();
            }
        }
        LOG.infof("Outbound delivery started for %s", lanes.stream().map(lane -> lane.sender.channel() + " (" + lane.sender.maxPerSecond()
                + "/s, " + lane.target() + " to " + config.outboundMaxWorkers() + " senders)").toList());
    }

    /**
     * Stops delivery in order, before the datasource closes (Ctrl+C in dev mode, SIGTERM to a replica): each lane claims
     * nothing more, then the sends under way get the platform's answer and record it (at most {@link #STOP_WAIT} in
     * all), so a message that went out is SENT rather than left SENDING and sent again, a duplicate, once its lease
     * runs out. A send still waiting after that is interrupted; its lease runs out and it is retried, flagged as a
     * possible duplicate.
     */
    void onStop(@Observes ShutdownEvent event) {
        running.set(false);
        long until = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            for (Lane lane : lanes) {
                lane.wake.release();
                if (lane.thread != null) {
                    lane.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
                }
                lane.senders.shutdown();
            }
            for (Lane lane : lanes) {
                if (!lane.senders.awaitTermination(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    LOG.warnf("Sends for %s still under way at shutdown; interrupting them (they are retried)", lane.sender.channel());
                    lane.senders.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            lanes.forEach(lane -> lane.senders.shutdownNow());
            Thread.currentThread().interrupt();
        }
        lanes.clear();
    }

    /**
     * How long one of {@code channel}'s senders is busy with a send now, as its mean ({@link SendTimes}): from the
     * platform call to its recorded outcome. Zero when the channel has no lane (delivery off, or the channel off).
     */
    Duration senderTime(Channel channel) {
        return lanes.stream().filter(lane -> lane.sender.channel() == channel).findFirst()
                .map(lane -> lane.sendTimes.mean()).orElse(Duration.ZERO);
    }

    /** Wakes the channel's lane once the queuing transaction has committed. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxQueued queued) {
        for (Lane lane : lanes) {
            if (lane.sender.channel() == queued.channel()) {
                lane.wakeUp();
            }
        }
    }

    /** Claims what the free senders can take now and hands each message to one; returns how many. */
    private int deliverDue(Lane lane) throws InterruptedException {
        int free = Math.min(lane.freeSenders.availablePermits(), lane.target() - lane.inFlight());
        if (free <= 0) {
            return 0; // every sender is busy; a finishing send wakes the lane
        }
        // As many as there are free senders, even when the rate limit has no permit free right now: they wait here for
        // their permits (a send of one request at most free/rate seconds, far inside the lease; a removal of old buttons
        // takes up to five permits, one a call), and no permit goes unused while the next claim runs, which would cost
        // a busy channel part of its rate.
        boolean congested = ackPriority.congested();
        int room = claimRoom(free, congested);
        ChannelSender sender = lane.sender;
        long claimStart = System.nanoTime();
        List<OutboundQueue.Claimed> claimed = queue.claim(sender.channel(), room, pace(sender), config.sendLease());
        lane.claim.record(System.nanoTime() - claimStart, TimeUnit.NANOSECONDS);
        // A message claimed again had a sender that died mid-call: the platform may or may not have it.
        long resumed = claimed.stream().filter(OutboundQueue.Claimed::resumed).count();
        if (resumed > 0) {
            metrics.counter("ruangaman.outbound.possible_duplicates", "channel", channelTag(sender.channel())).increment(resumed);
        }
        for (OutboundQueue.Claimed one : claimed) {
            lane.freeSenders.acquire();
            lane.senders.submit(() -> {
                try {
                    if (!congested) {
                        giveWay(); // the webhook may have become congested since the claim
                    }
                    if (!sendOne(lane, one)) {
                        queue.release(one.contactId(), pace(sender));
                    }
                } catch (RuntimeException e) {
                    // the lease runs out and the contact's first message is claimed again
                    LOG.warnf("Send of message %d failed unexpectedly: %s", one.messageId(), e.getClass().getSimpleName());
                } finally {
                    lane.freeSenders.release();
                    lane.wakeUp();
                }
            });
        }
        return claimed.size();
    }

    /**
     * How many messages a lane claims at once, given {@code free} senders: up to {@value #BATCH}, but only one while the
     * webhook is congested. The lane has then just had its turn ({@link AckPriority#yieldToWebhook}), and that turn is
     * one send: a batch would have every sender wait again with a leased message, each going after
     * RUANGAMAN_ACK_YIELD_MAX_PAUSE at the latest, so a channel with many senders (60 at 1,000 messages a second)
     * would send a hundred and more a second past the yielding while the acknowledgements wait for a core.
     */
    static int claimRoom(int free, boolean congested) {
        return congested ? Math.min(1, free) : Math.min(BATCH, free);
    }

    /** Waits while the webhook is congested (bounded); an interrupt ends the wait and is kept for the send to see. */
    private void giveWay() {
        try {
            ackPriority.yieldToWebhook();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OutboundQueue.Pace pace(ChannelSender sender) {
        return new OutboundQueue.Pace(sender.perContactBurst(), sender.perContactWindow());
    }

    /**
     * Sends a claimed message, with the columns its claim read ({@link OutboundQueue.Stored}). The sender takes a rate
     * permit right before each request to the platform ({@link Calls}), so the platform sees the requests spaced as the
     * permits are (no queueing between the permit and the request), a send that makes no request takes none, and one
     * that makes several takes one each. Returns whether the contact's lease in the queue was released with
     * the recorded outcome (otherwise the caller releases it).
     */
    private boolean sendOne(Lane lane, OutboundQueue.Claimed claimed) {
        ChannelSender sender = lane.sender;
        long id = claimed.messageId();
        long contactId = claimed.contactId();
        OutboundQueue.Stored stored = claimed.stored();
        OutboundQueue.Pace pace = pace(sender);
        if (!stored.contactFound()) {
            failUnreadable(sender, id, "unreadable outbox row (no contact)");
            return false;
        }
        Output.Message body;
        String recipient;
        try {
            body = TranscriptBody.outgoing(cipher.decryptString(stored.body())).orElse(null);
            // the row's own recipient when the contact was erased after this message was queued
            recipient = cipher.decryptString(stored.recipient() != null ? stored.recipient() : stored.externalId());
        } catch (RuntimeException e) {
            failUnreadable(sender, id, "unreadable outbox row (" + e.getClass().getSimpleName() + ")");
            return false;
        }
        if (body == null) {
            failUnreadable(sender, id, "unreadable outbox row (no message)");
            return false;
        }
        if (recipient == null) {
            return record(id, new SendOutcome.Failed("the reporter's data was erased"), contactId, pace);
        }
        Outgoing message = new Outgoing(id, contactId, stored.kind(), stored.createdAt(), recipient, stored.language(),
                stored.lastInboundAt(), body);
        SendOutcome outcome;
        Calls calls = new Calls(lane);
        try {
            if (stored.unreachableAt() != null) {
                outcome = new SendOutcome.Unreachable("contact unreachable");
            } else {
                try {
                    outcome = sender.send(message, calls);
                } finally {
                    calls.finish();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // only a send of several calls (a removal, a deletion) can be stopped after one went out; each may be repeated
            String reason = calls.made() ? "stopped between its calls" : "stopped before sending";
            outcome = new SendOutcome.RetryLater(Duration.ZERO, reason, false);
        } catch (RuntimeException e) {
            outcome = new SendOutcome.RetryLater(Duration.ZERO, "sender error (" + e.getClass().getSimpleName() + ")", true);
        }
        tellStatus(sender.channel(), outcome);
        // The sender is busy until the outcome is recorded (its commit waits with the lane's other sends), so its time
        // counts from the first call to the recording's end; the wait for the rate limit's permit is not part of it.
        try {
            if (outcome instanceof SendOutcome.Sent sent) {
                Boolean released = recordSent(lane, id, contactId, sent);
                if (released != null) {
                    return released;
                }
            }
            return record(id, outcome, contactId, pace);
        } finally {
            if (calls.made()) {
                lane.sendTimes.add(System.nanoTime() - calls.firstAt() - calls.waitedAfterFirst());
            }
        }
    }

    /**
     * The permits one send took from its lane's rate limit, one a request to the platform ({@link PlatformCalls}).
     * Permits are taken on the sender's thread; an answer may arrive on the client's, which only marks its permit done.
     */
    private static final class Calls implements PlatformCalls {
        private final Lane lane;
        private final List<RateLimiter.Permit> permits = new ArrayList<>(1);
        private final List<Long> calledAt = new ArrayList<>(1);
        /** Nanoseconds this send waited for its permits after the first (a removal's second to fifth call). */
        private long waitedAfterFirst;

        Calls(Lane lane) {
            this.lane = lane;
        }

        @Override
        public Runnable permit() throws InterruptedException {
            long asked = System.nanoTime();
            RateLimiter.Permit permit = lane.limiter.acquire();
            long at = System.nanoTime();
            lane.unusedSlot.record(permit.unusedNanos(), TimeUnit.NANOSECONDS);
            if (!permits.isEmpty()) {
                waitedAfterFirst += at - asked;
            }
            permits.add(permit);
            calledAt.add(at);
            return permit::done;
        }

        /** Nanoseconds waited for permits after the first: not part of the sender's busy time ({@link SendTimes}). */
        long waitedAfterFirst() {
            return waitedAfterFirst;
        }

        /** Whether the send made a request to the platform. */
        boolean made() {
            return !permits.isEmpty();
        }

        /** When the send's first request was made ({@link System#nanoTime()}); only when {@link #made()}. */
        long firstAt() {
            return calledAt.get(0);
        }

        /**
         * Marks every permit done (the send has returned, so each request was answered or failed) and records how long
         * each was held.
         */
        void finish() {
            for (int i = 0; i < permits.size(); i++) {
                RateLimiter.Permit permit = permits.get(i);
                permit.done();
                lane.call.record(permit.doneAt() - calledAt.get(i), TimeUnit.NANOSECONDS);
            }
        }
    }

    /**
     * A send that the platform or the network refused (not a person who blocked the bot, not a message held for
     * WhatsApp's window, not a stop) is told to the channel's status log; a delivered one says the channel works.
     */
    private void tellStatus(Channel channel, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent) {
            status.sendWorked(channel);
        } else if (outcome instanceof SendOutcome.Failed failed) {
            status.sendFailed(channel, failed.reason());
        } else if (outcome instanceof SendOutcome.RetryLater retry && !Thread.currentThread().isInterrupted()) {
            status.sendFailed(channel, retry.reason());
        }
    }

    /**
     * A delivered send to record: its platform id already encrypted, and its lookup key, so that recording does nothing
     * but database work.
     */
    record Delivered(long messageId, long contactId, byte[] providerMessage, String providerMessageKey) {
    }

    /** The delivered send of message {@code messageId} to {@code contactId}, which the platform calls {@code providerId}. */
    Delivered delivered(Channel channel, long messageId, long contactId, String providerId) {
        return new Delivered(messageId, contactId, providerId == null ? null : cipher.encryptString(providerId),
                providerIds.key(channel, providerId));
    }

    /**
     * Records these delivered sends of {@code channel} in one transaction, as its lane records sends that arrive together
     * (for tests: which rows arrive together is otherwise the machine's timing). Per send, in order: whether its contact
     * was released, or null when its row is ERASED or gone.
     */
    List<Boolean> recordSentTogether(Channel channel, List<Delivered> sends) throws SQLException {
        ChannelSender sender = senders.stream().filter(one -> one.channel() == channel).findFirst().orElseThrow();
        return recordSent(pace(sender), sends).stream().map(sending -> sending == null ? null : sending.released()).toList();
    }

    /** A recorded delivery: how long the message waited from its queuing, and whether its contact was released. */
    private record Sending(Duration delay, boolean released) {
    }

    /**
     * Records a delivered message together with the other sends of its lane delivered meanwhile (group commit,
     * {@link GroupRecording}): one transaction, and one statement of each kind, for all of them (issue 16, fourteenth
     * round). Returns whether its contact was released, or null when its row is ERASED or gone: {@link #record} handles
     * those. A failure of the database is thrown (the lease runs out and the message is claimed again, flagged as a
     * possible duplicate).
     */
    private Boolean recordSent(Lane lane, long id, long contactId, SendOutcome.Sent sent) {
        String providerId = sent.providerMessageId();
        Sending recorded;
        try {
            recorded = lane.delivered.record(delivered(lane.sender.channel(), id, contactId, providerId));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the send's outcome could not be recorded", e);
        }
        if (recorded == null) {
            return null;
        }
        String tag = channelTag(lane.sender.channel());
        metrics.counter("ruangaman.outbound.sent", "channel", tag).increment();
        metrics.timer("ruangaman.outbound.delay", "channel", tag).record(recorded.delay());
        return recorded.released();
    }

    /**
     * Records delivered messages with one targeted update of the columns that change (status, time, platform id;
     * lease, failure reason and an erased person's address emptied), in the transaction that releases their contacts:
     * the bodies are neither read nor encrypted again, and the rows' other columns (possible_duplicate, which a
     * concurrent re-claim may have set, among them) are left as they are. The update locks the rows, as
     * {@link #record}'s read does. One result per send, in their order: null for a row that is ERASED or gone.
     *
     * <p>A plain JDBC transaction on a connection of the pool (autocommit off, one durable commit), not a JTA one: it
     * only runs SQL, and Narayana's commit, a Hibernate session opened for nothing and the connection's enlistment were
     * about a third of the recording's CPU (issue 16, tenth round). Replies filed under a case record their cases' inbox
     * events in the same transaction ({@link TranscriptChangedOnConnection}). The outcomes are durable before the
     * contacts can be claimed again, and a failed release is undone alone under its savepoint, as before.
     */
    private List<Sending> recordSent(OutboundQueue.Pace pace, List<Delivered> sends) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Sending> recorded = recordSent(connection, pace, sends);
                connection.commit();
                return recorded;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the connection is broken: the pool discards it
                }
                throw e;
            } finally {
                connection.setAutoCommit(true); // as the pool hands connections out
            }
        }
    }

    private List<Sending> recordSent(Connection connection, OutboundQueue.Pace pace, List<Delivered> sends) throws SQLException {
        Instant now = Instant.now(clock);
        Map<Long, Instant> createdAt = new HashMap<>();
        Set<Long> intakes = new TreeSet<>();
        List<Long> contacts = new ArrayList<>();
        // The platform's id and its lookup key are kept only for a person who was not erased (no recipient of its own): as
        // record does.
        try (PreparedStatement update = connection.prepareStatement("update chat_message m set status = 'SENT', "
                + "sent_at = ?, provider_message = case when m.recipient is null then s.provider_message end, "
                + "provider_message_key = case when m.recipient is null then s.provider_message_key end, "
                + "failure_reason = null, lease_until = null, recipient = null "
                + "from unnest(?::bigint[], ?::bytea[], ?::varchar[]) as s(id, provider_message, provider_message_key) "
                + "where m.id = s.id and m.status <> 'ERASED' returning m.id, m.intake_id, m.created_at, m.contact_id")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setArray(2, connection.createArrayOf("bigint", sends.stream().map(Delivered::messageId).toArray(Long[]::new)));
            update.setArray(3, connection.createArrayOf("bytea", sends.stream().map(Delivered::providerMessage).toArray(byte[][]::new)));
            update.setArray(4, connection.createArrayOf("varchar", sends.stream().map(Delivered::providerMessageKey).toArray(String[]::new)));
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    createdAt.put(rows.getLong(1), rows.getTimestamp(3).toInstant());
                    long intake = rows.getLong(2);
                    if (!rows.wasNull()) {
                        intakes.add(intake);
                    }
                    contacts.add(rows.getLong(4));
                }
            }
        }
        if (!intakes.isEmpty()) {
            transcriptChangedOnConnection.fire(new TranscriptChangedOnConnection(connection, intakes));
        }
        boolean released = !contacts.isEmpty() && queue.releaseWithOutcome(connection, contacts, pace);
        List<Sending> recorded = new ArrayList<>(sends.size());
        for (Delivered send : sends) {
            Instant queued = createdAt.get(send.messageId());
            recorded.add(queued == null ? null : new Sending(Duration.between(queued, now), released));
        }
        return recorded;
    }

    /**
     * Whether a failed batch of outcomes may have failed for one send's sake, so each is recorded again on its own: the
     * database refused a statement (a deadlock, a constraint, an observer's insert). A failure to reach the database
     * (no connection from the pool, a lost connection, a server shutting down) would fail each of them the same.
     */
    static boolean statementFailure(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state != null && !state.startsWith("08") && !state.startsWith("57");
            }
        }
        return false;
    }

    /** Records any outcome through the entity, and releases the contact in the same transaction; returns whether it did. */
    private boolean record(long id, SendOutcome outcome, long contactId, OutboundQueue.Pace pace) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (outcome instanceof SendOutcome.Unreachable) {
                lockContactOf(id);
            }
            // Locked, so a concurrent re-claim (lease expired while this send was slow) cannot be overwritten:
            // Hibernate writes the whole row here, and a lost possible_duplicate flag would hide a duplicate send.
            ChatMessage message = em.find(ChatMessage.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (message == null) {
                // the row is gone (its person deleted while it was being sent): nothing to record
                return em.unwrap(org.hibernate.Session.class).doReturningWork(
                        connection -> queue.releaseWithOutcome(connection, List.of(contactId), pace));
            }
            Instant now = Instant.now(clock);
            message.leaseUntil = null;
            String channel = channelTag(message.channel);
            if (message.status == ChatMessage.Status.ERASED) {
                recordErased(message, outcome, now);
            } else if (outcome instanceof SendOutcome.Sent sent) {
                message.status = ChatMessage.Status.SENT;
                message.sentAt = now;
                message.identify(providerIds, sent.providerMessageId());
                if (message.recipient != null) {
                    message.providerMessage = null; // to an erased person: neither the id nor its lookup key is kept
                    message.providerMessageKey = null;
                }
                message.failureReason = null;
                metrics.counter("ruangaman.outbound.sent", "channel", channel).increment();
                metrics.timer("ruangaman.outbound.delay", "channel", channel).record(Duration.between(message.createdAt, now));
            } else if (outcome instanceof SendOutcome.RetryLater retry) {
                retryLater(message, retry, now);
            } else if (outcome instanceof SendOutcome.Unreachable unreachable) {
                markUnreachable(message, unreachable.reason(), now);
            } else if (outcome instanceof SendOutcome.Failed failed) {
                fail(message, failed.reason());
            } else if (outcome instanceof SendOutcome.Hold hold) {
                message.status = ChatMessage.Status.HELD;
                message.failureReason = hold.reason();
                metrics.counter("ruangaman.outbound.held", "channel", channel).increment();
            }
            if (message.status != ChatMessage.Status.PENDING) {
                message.recipient = null; // settled: an erased person's address is not kept a moment longer
            }
            transcriptChanged.fire(new TranscriptChanged(message.contactId, message.intakeId));
            em.flush(); // the release below reads the outcome with plain SQL
            return em.unwrap(org.hibernate.Session.class).doReturningWork(
                    connection -> queue.releaseWithOutcome(connection, List.of(contactId), pace));
        });
    }

    /**
     * The person erased their data while this message was on its way: whatever the platform answered, nothing of it is
     * kept but what erasure keeps of a delivered message (status and time; neither its platform id nor that id's lookup
     * key: a WhatsApp wamid embeds the number). One that did not go out stays ERASED and is never retried.
     */
    private void recordErased(ChatMessage message, SendOutcome outcome, Instant now) {
        if (outcome instanceof SendOutcome.Sent) {
            message.status = ChatMessage.Status.SENT;
            message.sentAt = now;
            message.providerMessage = null;
            message.providerMessageKey = null;
            metrics.counter("ruangaman.outbound.sent", "channel", channelTag(message.channel)).increment();
        }
        message.body = null;
        message.recipient = null;
        message.failureReason = null;
    }

    private void retryLater(ChatMessage message, SendOutcome.RetryLater retry, Instant now) {
        if (retry.outcomeUnknown()) {
            message.possibleDuplicate = true;
        }
        if (Duration.between(message.createdAt, now).compareTo(config.deliveryGiveUpAfter()) > 0) {
            fail(message, "gave up after " + message.attempts + " attempts: " + retry.reason());
            return;
        }
        Duration backoff = Duration.ofMillis(500L << Math.min(message.attempts, 12));
        if (backoff.compareTo(config.backoffCap()) > 0) {
            backoff = config.backoffCap();
        }
        // A platform that says how long to wait (Telegram's retry_after) is obeyed; otherwise back off exponentially.
        Duration wait = retry.after().isZero() ? backoff : retry.after();
        message.status = ChatMessage.Status.PENDING;
        message.nextAttemptAt = now.plus(wait);
        message.failureReason = truncate(retry.reason());
        metrics.counter("ruangaman.outbound.retries", "channel", channelTag(message.channel)).increment();
    }

    /**
     * An unreachable outcome updates the contact and all its unsent messages. Those locks are taken in the order erasure
     * ({@code /hapus}) takes them, the contact first and then its messages; the other order could deadlock against an
     * erasure of the same person, and PostgreSQL would abort one of the two.
     */
    private void lockContactOf(long messageId) {
        em.createNativeQuery("select c.id from contact c where c.id = (select m.contact_id from chat_message m "
                + "where m.id = ?1) for no key update of c").setParameter(1, messageId).getResultList();
    }

    private void markUnreachable(ChatMessage message, String reason, Instant now) {
        Contact contact = em.find(Contact.class, message.contactId);
        if (contact.unreachableAt == null) {
            contact.unreachableAt = now;
            LOG.infof("Contact %d is unreachable on %s; its pending messages are failed", contact.id, contact.channel);
        }
        fail(message, reason);
        em.createQuery("update ChatMessage set status = ?1, failureReason = ?2 where contactId = ?3 and direction = ?4 "
                + "and status in (?5, ?6)")
                .setParameter(1, ChatMessage.Status.FAILED)
                .setParameter(2, "contact unreachable")
                .setParameter(3, contact.id)
                .setParameter(4, ChatMessage.Direction.OUT)
                .setParameter(5, ChatMessage.Status.PENDING)
                .setParameter(6, ChatMessage.Status.HELD)
                .executeUpdate();
    }

    /**
     * Marks a message that cannot be read (its body or recipient does not decrypt) FAILED through its plain columns
     * only, since loading it would fail again; the rest of the channel goes on.
     */
    private void failUnreadable(ChannelSender sender, long id, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> owner = em.createNativeQuery("update chat_message set status = 'FAILED', failure_reason = ?1, "
                    + "lease_until = null, recipient = null where id = ?2 returning contact_id, intake_id")
                    .setParameter(1, truncate(reason)).setParameter(2, id).getResultList();
            metrics.counter("ruangaman.outbound.failed", "channel", channelTag(sender.channel())).increment();
            LOG.warnf("Outbound message %d failed: %s", id, reason);
            if (!owner.isEmpty()) {
                Object[] row = (Object[]) owner.get(0);
                transcriptChanged.fire(new TranscriptChanged(((Number) row[0]).longValue(),
                        row[1] == null ? null : ((Number) row[1]).longValue()));
            }
        });
    }

    private void fail(ChatMessage message, String reason) {
        message.status = ChatMessage.Status.FAILED;
        message.failureReason = truncate(reason);
        metrics.counter("ruangaman.outbound.failed", "channel", channelTag(message.channel)).increment();
        LOG.warnf("Outbound message %d to contact %d failed: %s", message.id, message.contactId, message.failureReason);
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 200 ? reason : reason.substring(0, 200);
    }

    private static String channelTag(Channel channel) {
        return channel.name().toLowerCase();
    }
}
