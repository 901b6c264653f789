package id.ruangaman.channel.inbound;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import id.ruangaman.channel.ChannelsConfig;
import id.ruangaman.channel.ServiceStop;
import id.ruangaman.intake.ReporterErased;
import id.ruangaman.intake.RoundPreload;
import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.transcript.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Applies stored updates to conversations: per contact strictly in platform order, different contacts in parallel,
 * and safely alongside other instances. Each worker claims a few due contacts from the work queue
 * ({@link InboundQueue}: {@code FOR UPDATE SKIP LOCKED}, then a lease) and works through their updates in rounds: the
 * first waiting update of every claimed contact is prepared (outside any transaction: downloads), then all of them
 * are applied and marked done in one transaction: the round's contacts (locked) and sessions are read up front in three
 * statements ({@link RoundPreload}), the steps run without queries of their own, and their writes go out together as
 * JDBC batches at the commit (the contacts' per-step columns as one batch at the end of the round:
 * {@link RoundPreload#writeTouches}). If that transaction fails, each step of the round is applied again on its own, so one
 * bad update costs only its own attempt. It reads only the database, so updates acknowledged
 * before a crash are picked up after restart.
 *
 * <p>The workers give way to the webhooks ({@link AckPriority}): before each claim, each round and each contact of a
 * round they wait while the webhook is congested (its event loop runs late, or many requests wait for their commit), at most
 * {@link AckConfig#yieldMaxPause()} each time.
 */
@ApplicationScoped
public class InboundProcessor {

    private static final Logger LOG = Logger.getLogger(InboundProcessor.class);
    /** Per thread: how many erasures its steps ran ({@link #onErased}). */
    private static final ThreadLocal<int[]> ERASURES = ThreadLocal.withInitial(() -> new int[1]);

    private final EntityManager em;
    private final FieldCipher cipher;
    private final InboundSignal signal;
    private final ChannelsConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final InboundQueue queue;
    private final AckPriority priority;
    private final RoundPreload preload;
    private final Map<Channel, InboundHandler> handlers = new EnumMap<>(Channel.class);
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    /** Workers between their look at {@link #paused} and the end of that claim (see {@link #pause()}). */
    private final AtomicInteger inClaim = new AtomicInteger();
    private final Map<Processed, Counter> processed = new ConcurrentHashMap<>();
    /** Steps prepared ahead (decrypted and parsed) that their round did not reach: prepared again by a later round. */
    private final Counter preparedUnused;
    private ExecutorService workers;

    InboundProcessor(EntityManager em, FieldCipher cipher, InboundSignal signal, ChannelsConfig config,
            MeterRegistry metrics, Clock clock, InboundQueue queue, AckPriority priority, RoundPreload preload,
            Instance<InboundHandler> available) {
        this.em = em;
        this.cipher = cipher;
        this.signal = signal;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.queue = queue;
        this.priority = priority;
        this.preload = preload;
        this.preparedUnused = metrics.counter("ruangaman.inbound.prepared_unused");
        available.forEach(handler -> handlers.put(handler.channel(), handler));
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.processInbound()) {
            LOG.info("Inbound processing is off in this instance");
            return;
        }
        running.set(true);
        workers = Executors.newFixedThreadPool(config.inboundWorkers(), runnable -> {
            Thread thread = new Thread(runnable, "inbound-worker");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < config.inboundWorkers(); i++) {
            workers.submit(this::loop);
        }
    }

    /**
     * Stops the workers in order, before the datasource closes (Ctrl+C in dev mode, SIGTERM to a replica): no worker
     * takes another claim or round; a round under way is committed (at most half a claim lease, as long as a claim may
     * work); the claim is released, so its contacts' later updates stay PENDING, uncharged, and are taken at once by
     * the next start or another instance. A worker still busy after that is interrupted, and its lease runs out.
     */
    void onStop(@Observes ShutdownEvent event) {
        running.set(false);
        for (int i = 0; i < config.inboundWorkers(); i++) {
            signal.wake();
        }
        ExecutorService stopping = workers;
        if (stopping == null) {
            return;
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(config.inboundClaimLease().dividedBy(2).toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Inbound workers still busy at shutdown; interrupting them (their claims run out)");
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Holds processing (updates keep being stored and acknowledged); for maintenance and tests. Returns once no worker
     * is still inside a claim it took before the pause (at most half a claim lease), so nothing a worker claimed can
     * race what the caller does next: a worker that looked at the flag just before it was set would otherwise still
     * claim due contacts, and release them with its own next due time.
     */
    public void pause() {
        paused.set(true);
        long until = System.nanoTime() + config.inboundClaimLease().dividedBy(2).toNanos();
        while (inClaim.get() > 0 && System.nanoTime() < until) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    public void resume() {
        paused.set(false);
        signal.wake();
    }

    private void loop() {
        while (running.get()) {
            try {
                int handled = 0;
                inClaim.incrementAndGet(); // before the look at the flag: pause() waits for it
                try {
                    if (!paused.get()) {
                        priority.yieldToWebhook();
                        handled = claimAndProcess(true);
                    }
                } finally {
                    inClaim.decrementAndGet();
                }
                if (handled == 0) {
                    signal.await(config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Inbound processing failed (%s); retrying", e.getClass().getSimpleName());
                sleepQuietly(config.pollInterval());
            }
        }
    }

    /**
     * Processes what is due now until nothing due is left, or its thread is interrupted (for an instance with processing
     * off, and tests); returns how many updates were looked at.
     */
    public int drainOnce() {
        int total = 0;
        for (int claims = 0; claims < 1_000 && !Thread.currentThread().isInterrupted(); claims++) {
            int handled = claimAndProcess(false);
            if (handled == 0) {
                break;
            }
            total += handled;
        }
        return total;
    }

    /**
     * One claim of due contacts, worked through; returns how many updates were looked at. {@code pausable}: stops
     * taking steps when processing is paused (the workers; a drain on demand is not).
     */
    int claimAndProcess(boolean pausable) {
        Instant start = Instant.now(clock);
        Duration lease = config.inboundClaimLease();
        List<InboundQueue.Claimed> claimed = queue.claim(config.inboundClaimContacts(), config.inboundClaimUpdates(), start.plus(lease));
        if (claimed.isEmpty()) {
            return 0;
        }
        if (claimed.size() == config.inboundClaimContacts()) {
            signal.wake(); // more may be due: let another worker claim alongside
        }
        List<Lane> lanes = claimed.stream().map(Lane::new).toList();
        int looked = 0;
        try {
            // Stop well inside the lease, so no other worker can take a contact this one is still working on.
            Instant stopAt = start.plus(lease.dividedBy(2));
            while (!(pausable && (paused.get() || !running.get())) && !Thread.currentThread().isInterrupted()
                    && Instant.now(clock).isBefore(stopAt)) {
                if (pausable && looked > 0 && giveWay() && !Instant.now(clock).isBefore(stopAt)) {
                    break; // the pause is bounded far inside the lease, but the lease comes first
                }
                List<Lane> round = lanes.stream().filter(Lane::ready).toList();
                if (round.isEmpty()) {
                    break;
                }
                looked += runRound(round, pausable);
            }
        } finally {
            queue.release(lanes.stream().map(lane -> new InboundQueue.Outcome(lane.claimed, lane.closed, lane.nextDue())).toList());
        }
        return looked;
    }

    /** Waits while the webhook is busy (bounded); whether it waited. An interrupt ends the wait and is kept. */
    private boolean giveWay() {
        try {
            return priority.yieldToWebhook();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One claimed contact being worked through, in order. */
    private final class Lane {
        final InboundQueue.Claimed claimed;
        int next;
        int closed;
        boolean stopped;
        Instant stoppedUntil;
        InboundHandler.Prepared prepared;
        InboundUpdate.Status closeAs;
        /** This thread's erasure count at the claim. */
        final int erasures = ERASURES.get()[0];

        Lane(InboundQueue.Claimed claimed) {
            this.claimed = claimed;
        }

        InboundUpdate current() {
            return claimed.updates().get(next);
        }

        /** Whether this contact has an update to take now; stops the lane at one that must wait. */
        boolean ready() {
            if (stopped) {
                return false;
            }
            if (next >= claimed.updates().size()) {
                stop(null);
                return false;
            }
            Instant due = InboundQueue.dueAt(current());
            if (due.isAfter(Instant.now(clock))) {
                stop(due);
                return false;
            }
            return true;
        }

        void stop(Instant until) {
            stopped = true;
            stoppedUntil = until;
        }

        void finished() {
            closed++;
            next++;
            prepared = null;
            closeAs = null;
        }

        /** When the contact is due again: its waiting update's time, or now (unknown, or more than was claimed). */
        Instant nextDue() {
            return stoppedUntil;
        }
    }

    /**
     * One round: the lanes' next steps prepared, then applied in one transaction; returns how many updates it looked at.
     * A lane takes up to {@link ChannelsConfig#inboundRoundSteps()} of its contact's consecutive due updates in a round:
     * its first, and after it only updates that fetch no file (so nothing is downloaded on the strength of a question
     * an earlier step of the same round may still change).
     */
    private int runRound(List<Lane> round, boolean pausable) {
        if (round.stream().anyMatch(lane -> lane.next > 0 && (lane.erasures != ERASURES.get()[0] || mayFetchFile(lane.current())))) {
            dropErased(round);
        }
        Map<Lane, List<Step>> batches = new LinkedHashMap<>();
        // While the webhook is congested a round gives way between steps, and a lane that gave way takes no further step
        // in it (applyAll): the round's first lane then gets at most two steps, the others one. Steps prepared beyond
        // that would be decrypted and parsed for nothing, and again by every later round.
        boolean congested = pausable && priority.congested();
        for (Lane lane : round) {
            if (prepare(lane, pausable)) {
                List<Step> batch = new ArrayList<>();
                batch.add(new Step(lane.current(), lane.prepared, lane.closeAs));
                prepareAhead(lane, batch, !congested ? config.inboundRoundSteps() : batches.isEmpty() ? 2 : 1);
                batches.put(lane, batch);
            }
        }
        if (batches.isEmpty()) {
            return round.size();
        }
        Map<Lane, List<InboundUpdate.Status>> outcomes;
        try {
            outcomes = applyInOwnTransaction(batches, pausable);
            countUnused(batches, outcomes);
        } catch (RuntimeException e) {
            Map.Entry<Lane, List<Step>> only = batches.entrySet().iterator().next();
            if (stoppedBy(e, pausable)) {
                batches.keySet().forEach(lane -> lane.stop(null)); // nothing to apply again, nothing charged (fail)
                return round.size();
            }
            if (batches.size() == 1 && only.getValue().size() == 1) {
                fail(only.getKey(), e, pausable);
                return round.size();
            }
            // One step failed and took the others with it: each lane's first step again on its own, so only the bad one
            // is retried (a failed later step becomes a first one in a later round).
            outcomes = new LinkedHashMap<>();
            for (Map.Entry<Lane, List<Step>> batch : batches.entrySet()) {
                preparedUnused.increment(batch.getValue().size() - 1);
                Map<Lane, List<Step>> single = Map.of(batch.getKey(), List.of(batch.getValue().get(0)));
                try {
                    outcomes.putAll(applyInOwnTransaction(single, pausable));
                } catch (RuntimeException alone) {
                    fail(batch.getKey(), alone, pausable);
                }
            }
        }
        int looked = 0;
        for (Map.Entry<Lane, List<InboundUpdate.Status>> outcome : outcomes.entrySet()) {
            looked += outcome.getValue().size();
            outcome.getValue().forEach(status -> settle(outcome.getKey(), status));
        }
        return Math.max(looked, round.size());
    }

    /** Counts the prepared steps of a round that it did not reach ({@code ruangaman.inbound.prepared_unused}). */
    private void countUnused(Map<Lane, List<Step>> batches, Map<Lane, List<InboundUpdate.Status>> outcomes) {
        int unused = 0;
        for (Map.Entry<Lane, List<Step>> batch : batches.entrySet()) {
            List<InboundUpdate.Status> reached = outcomes.get(batch.getKey());
            unused += batch.getValue().size() - (reached == null ? 0 : reached.size());
        }
        if (unused > 0) {
            preparedUnused.increment(unused);
        }
    }

    /**
     * {@link #applyAll} in a transaction of its own, applied again at once (at most {@value #TRANSIENT_TRIES} times in
     * all) when PostgreSQL rolled it back to break a deadlock or a serialization failure ({@link #transientState}): nothing
     * was wrong with its steps, so no attempt is charged to an update and no contact waits out a back-off.
     */
    private Map<Lane, List<InboundUpdate.Status>> applyInOwnTransaction(Map<Lane, List<Step>> batches, boolean pausable) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyAll(batches, pausable));
            } catch (RuntimeException e) {
                String state = transientState(e);
                if (state == null || attempt >= TRANSIENT_TRIES) {
                    throw e;
                }
                LOG.infof("A round of %d contacts was rolled back by the database (SQLSTATE %s); applying it again",
                        batches.size(), state);
            }
        }
    }

    /** How many times a round is applied when the database keeps rolling it back for a transient reason. */
    static final int TRANSIENT_TRIES = 3;

    /**
     * The SQLSTATE when {@code error} (or a cause) is one PostgreSQL raises to break a deadlock ({@code 40P01}) or a
     * serialization failure ({@code 40001}), which a new transaction may not meet again; otherwise null.
     */
    static String transientState(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** One update of a round, prepared: what {@link InboundHandler#apply} takes, or the status it is closed with unrun. */
    private record Step(InboundUpdate update, InboundHandler.Prepared prepared, InboundUpdate.Status closeAs) {
    }

    /**
     * Adds the lane's following updates to its round, up to {@code steps} in all, as long as each is due now, fetches no
     * file, and prepares without an error (one that fails is left to be the first of a later round, where its failure
     * is counted).
     */
    private void prepareAhead(Lane lane, List<Step> batch, int steps) {
        Instant now = Instant.now(clock);
        int most = Math.min(steps, config.inboundRoundSteps());
        for (int index = lane.next + 1; index < lane.claimed.updates().size() && batch.size() < most; index++) {
            InboundUpdate update = lane.claimed.updates().get(index);
            InboundHandler handler = handlers.get(update.channel);
            if (handler == null || update.fetchFile || InboundQueue.dueAt(update).isAfter(now) || mayFetchFile(update)) {
                return;
            }
            if (update.payload == null) {
                batch.add(new Step(update, null, InboundUpdate.Status.IGNORED));
                continue;
            }
            try {
                batch.add(new Step(update, handler.prepare(update, cipher.decrypt(update.payload)), null));
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    /**
     * Counts the erasures run on this thread (a step's {@code /hapus}), so a worker looks for updates emptied since its
     * claim only after one of its steps erased someone.
     */
    void onErased(@Observes ReporterErased erased) {
        ERASURES.get()[0]++;
    }

    private boolean mayFetchFile(InboundUpdate update) {
        InboundHandler handler = handlers.get(update.channel);
        return handler != null && update.payload != null && handler.mayFetchFile(update);
    }

    /**
     * Updates emptied since the claim are closed, not run: looked for when a step of this worker erased a person since
     * the claim, or before an update that may fetch a file. An update emptied by another worker or instance meanwhile is
     * still closed unrun: its transaction reads that its payload is gone ({@link #applyAll}).
     */
    @SuppressWarnings("unchecked")
    private void dropErased(List<Lane> round) {
        List<Long> ids = round.stream().map(lane -> lane.current().id).toList();
        Set<Long> erased = new HashSet<>();
        QuarkusTransaction.requiringNew().run(() -> ((List<Number>) em.createNativeQuery(
                "select id from inbound_update where id = any(?1) and payload is null").setParameter(1, ids.toArray(Long[]::new))
                .getResultList())
                .forEach(id -> erased.add(id.longValue())));
        for (Lane lane : round) {
            if (erased.contains(lane.current().id)) {
                lane.current().payload = null;
            }
        }
    }

    /** Prepares the lane's current update outside any transaction; false when it failed (and was recorded as such). */
    private boolean prepare(Lane lane, boolean pausable) {
        InboundUpdate update = lane.current();
        InboundHandler handler = handlers.get(update.channel);
        if (handler == null) {
            lane.closeAs = InboundUpdate.Status.IGNORED; // channel switched off since the update arrived
            return true;
        }
        if (update.payload == null) {
            lane.closeAs = InboundUpdate.Status.IGNORED; // erased with the person's data before it was processed
            return true;
        }
        try {
            lane.prepared = handler.prepare(update, cipher.decrypt(update.payload));
            return true;
        } catch (RuntimeException e) {
            fail(lane, e, pausable);
            return false;
        }
    }

    /**
     * In the current transaction: locks the round's updates (one statement), reads and locks their senders' contacts
     * and sessions ({@link #lockSenders}), applies each lane's still-pending ones in order, and marks them (one
     * statement per outcome). Returns each lane's outcomes in order, one per update it got to: a lane stops at an update
     * another worker holds or finished (outcome null), at one whose file is wanted first (PENDING), after an erasure in
     * the round (its later updates wait for the next round, which sees what the erasure emptied), and after the round
     * gave way to the webhooks. {@code pausable}: gives way to the webhooks between steps.
     */
    @SuppressWarnings("unchecked")
    private Map<Lane, List<InboundUpdate.Status>> applyAll(Map<Lane, List<Step>> batches, boolean pausable) {
        List<Long> ids = batches.values().stream().flatMap(List::stream).map(step -> step.update().id).toList();
        Map<Long, Boolean> locked = new HashMap<>();
        // The round commits durably on purpose. Committed without waiting for the disk (it would be applied again from its
        // updates if lost), processing fell from 205-217 to 115-136 steps a second in the open loop and the webhook's p99
        // rose: the acknowledgements' flushes then carried the rounds' WAL, and the threads no longer waiting for the disk
        // took the event loops' cores (issue 16, thirty-fourth round).
        // Locked by primary key and the status checked here: with "status = 'PENDING'" in the query the planner took a
        // whole scan of the partial index of pending updates (its statistics still say empty right after a burst), 3-5 ms
        // a round with 5,000 waiting instead of 0.1 ms. A row no longer pending is locked in passing and left alone.
        // An array parameter, not an "in" list: one statement text whatever the round's size, so neither Hibernate nor the
        // driver prepares it anew for each size.
        ((List<Object[]>) em.createNativeQuery("select id, payload is null, status from inbound_update where id = any(?1) "
                + "for update skip locked").setParameter(1, ids.toArray(Long[]::new)).getResultList()).stream()
                .filter(row -> InboundUpdate.Status.PENDING.name().equals(row[2]))
                .forEach(row -> locked.put(((Number) row[0]).longValue(), (Boolean) row[1]));
        lockSenders(batches, locked);
        Map<Lane, List<InboundUpdate.Status>> outcomes = new LinkedHashMap<>();
        Map<InboundUpdate.Status, List<Long>> marks = new EnumMap<>(InboundUpdate.Status.class);
        int erasures = ERASURES.get()[0];
        boolean first = true;
        boolean yielded = false;
        for (Map.Entry<Lane, List<Step>> batch : batches.entrySet()) {
            List<InboundUpdate.Status> statuses = new ArrayList<>();
            outcomes.put(batch.getKey(), statuses);
            for (Step step : batch.getValue()) {
                // A lane's later steps wait for the next round when someone was erased in this one (the next round looks
                // at what the erasure emptied first), and once the round gave way to the webhook: while it is congested a
                // round takes one step per contact, as many pauses as before, and never holds its locks much longer.
                if (!statuses.isEmpty() && (yielded || ERASURES.get()[0] != erasures)) {
                    break;
                }
                Boolean erased = locked.get(step.update().id);
                InboundUpdate.Status status;
                if (erased == null) {
                    status = null; // another instance has it, or it is already done
                } else if (erased || step.closeAs() != null) {
                    status = step.closeAs() != null ? step.closeAs() : InboundUpdate.Status.IGNORED;
                } else {
                    if (pausable && !first && giveWay()) {
                        yielded = true; // between steps too, so a long round never holds the webhook's answers back for long
                    }
                    first = false;
                    status = handlers.get(step.update().channel).apply(step.prepared());
                }
                statuses.add(status);
                if (status != null) {
                    marks.computeIfAbsent(status, each -> new ArrayList<>()).add(step.update().id);
                }
                if (status == null || status == InboundUpdate.Status.PENDING) {
                    break; // the contact's later updates wait: their order is kept
                }
            }
        }
        preload.writeTouches(); // the round's contacts: one batch, not one UPDATE per contact at the commit
        Timestamp now = Timestamp.from(Instant.now(clock));
        // One statement per outcome, not one per update: PENDING means the update's file is wanted (fetched next time).
        em.unwrap(Session.class).doWork(connection -> {
            for (Map.Entry<InboundUpdate.Status, List<Long>> mark : marks.entrySet()) {
                if (mark.getKey() == InboundUpdate.Status.PENDING) {
                    try (PreparedStatement update = connection.prepareStatement("update inbound_update set fetch_file = true where id = any(?)")) {
                        update.setArray(1, connection.createArrayOf("bigint", mark.getValue().toArray()));
                        update.executeUpdate();
                    }
                } else {
                    markProcessed(connection, mark.getKey(), now, mark.getValue());
                }
            }
        });
        return outcomes;
    }

    /**
     * The statement that closes updates ({@code ids}) with {@code status} (DONE, IGNORED or FAILED) at {@code now}: sets
     * their status and time and takes them off the waiting list ({@code inbound_pending}, V156) in one statement. No index
     * of {@code inbound_update} covers the columns it sets, so it is a HOT update where the row's page has room (new
     * pages keep 40% free): no new index entries, and a few dozen bytes of WAL a row instead of a copy of the row.
     * An update whose person was erased while it waited (its payload emptied, ReporterErasure) also loses the hashes of
     * that person's ids it was queued by; any other keeps them, unchanged, so its mark stays a HOT update.
     */
    static final String MARK_PROCESSED = "with taken as (delete from inbound_pending where id = any(?)) "
            + "update inbound_update set status = ?, processed_at = ?, failure_reason = null, "
            + "contact_hash = case when payload is null then null else contact_hash end, "
            + "subject_hash = case when payload is null then null else subject_hash end where id = any(?)";

    /**
     * Run after {@link #MARK_PROCESSED} for updates closed IGNORED: one about a person the service has no contact for
     * (never had, or erased: a late status of an erased message, a late edit or reaction, a live location still moving
     * after {@code /hapus}) keeps nothing of them: its payload and the hashes of their ids are emptied now rather than
     * after the retention. The row, its platform id and status stay, so a redelivery is still absorbed. An update that
     * names no one (an account-level error, an echo) keeps its payload until the retention, as before.
     */
    static final String FORGET_STRANGERS = "update inbound_update u set payload = null, contact_hash = null, subject_hash = null "
            + "where u.id = any(?) and (u.contact_hash is not null or u.subject_hash is not null) and not exists (select 1 from contact c "
            + "where c.channel = u.channel and (c.external_id_hash in (u.contact_hash, u.subject_hash) "
            + "or c.user_id_hash in (u.contact_hash, u.subject_hash)))";

    /** Runs {@link #MARK_PROCESSED} on {@code connection}, in its transaction; returns how many updates it closed. */
    static int markProcessed(java.sql.Connection connection, InboundUpdate.Status status, Timestamp now, List<Long> ids)
            throws java.sql.SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_PROCESSED)) {
            java.sql.Array array = connection.createArrayOf("bigint", ids.toArray());
            update.setArray(1, array);
            update.setString(2, status.name());
            update.setTimestamp(3, now);
            update.setArray(4, array);
            int closed = update.executeUpdate();
            if (status == InboundUpdate.Status.IGNORED) {
                try (PreparedStatement forget = connection.prepareStatement(FORGET_STRANGERS)) {
                    forget.setArray(1, array);
                    forget.executeUpdate();
                }
            }
            return closed;
        }
    }

    /**
     * Reads and locks the contacts and sessions of the round's conversation steps up front, a few statements per
     * channel ({@link RoundPreload}), so the steps run without queries of their own and their writes are flushed
     * together, in JDBC batches, at the commit.
     */
    private void lockSenders(Map<Lane, List<Step>> batches, Map<Long, Boolean> locked) {
        Map<Channel, List<byte[]>> senders = new EnumMap<>(Channel.class);
        for (List<Step> batch : batches.values()) {
            // A lane's updates share their sender (the contact the lane is ordered by): one of them that steps it is enough.
            batch.stream().filter(step -> Boolean.FALSE.equals(locked.get(step.update().id)) && step.closeAs() == null)
                    .filter(step -> step.update().contactHash != null && step.update().contactHash.length > 0
                            && handlers.get(step.update().channel).stepsSender(step.prepared()))
                    .findFirst().ifPresent(step -> senders.computeIfAbsent(step.update().channel, channel -> new ArrayList<>())
                            .add(step.update().contactHash));
        }
        senders.forEach(preload::lockSenders);
    }

    /** After the commit: moves the lane on, or stops it. */
    private void settle(Lane lane, InboundUpdate.Status status) {
        InboundUpdate update = lane.current();
        if (status == null) {
            lane.stop(null); // someone else has it: look again at the next claim
        } else if (status == InboundUpdate.Status.PENDING) {
            // The conversation, under the contact's lock, wants this update's file: prepared again, fetching it.
            update.fetchFile = true;
            lane.prepared = null;
        } else {
            processed.computeIfAbsent(new Processed(update.channel, update.kind, status), key -> metrics.counter(
                    "ruangaman.inbound.processed", "channel", key.channel().name().toLowerCase(), "kind", key.kind(),
                    "outcome", key.status().name().toLowerCase())).increment();
            lane.finished();
        }
    }

    /** The tags of a {@code ruangaman.inbound.processed} counter: its counters are looked up once, not at every update. */
    private record Processed(Channel channel, String kind, InboundUpdate.Status status) {
    }

    /**
     * Whether {@code error} is the service's own stop, not the update's failure: {@link #onStop} interrupted this worker
     * (in a file's fetch, a statement) after it had stopped the workers. A drain on demand ({@code pausable} false) takes
     * its caller's interrupt the same way. Anything else that shows an interrupt while the workers run is charged.
     */
    private boolean stoppedBy(RuntimeException error, boolean pausable) {
        return (!pausable || !running.get()) && ServiceStop.interrupted(error);
    }

    /**
     * Counts a failed attempt: retried after a back-off (the contact waits), or FAILED after the last one (it goes on).
     * The service's own stop ({@link #stoppedBy}) is charged as no attempt: the update stays PENDING, due at once when
     * its claim is released (or when the claim's lease runs out, if the release fails too), for the next start or
     * another instance. Before, a stop during an update's last attempt failed it for good.
     */
    private void fail(Lane lane, RuntimeException error, boolean pausable) {
        if (stoppedBy(error, pausable)) {
            lane.stop(null);
            return;
        }
        long id = lane.current().id;
        Instant retryAt = QuarkusTransaction.requiringNew().call(() -> {
            InboundUpdate update = em.find(InboundUpdate.class, id);
            if (update == null || update.status != InboundUpdate.Status.PENDING) {
                return null;
            }
            update.attempts++;
            update.failureReason = error.getClass().getSimpleName();
            if (update.attempts >= config.inboundMaxAttempts()) {
                update.status = InboundUpdate.Status.FAILED;
                update.processedAt = Instant.now(clock);
                em.createNativeQuery("delete from inbound_pending where id = ?1").setParameter(1, id).executeUpdate();
                LOG.errorf("Inbound update %d (%s %s) FAILED after %d attempts: %s", id, update.channel, update.kind,
                        update.attempts, update.failureReason);
                return Instant.MIN;
            }
            Duration wait = Duration.ofSeconds(1L << Math.min(update.attempts, 8));
            update.nextAttemptAt = Instant.now(clock).plus(wait.compareTo(config.backoffCap()) > 0 ? config.backoffCap() : wait);
            if (error instanceof InboundHandler.NotYet) {
                LOG.debugf("Inbound update %d (%s %s) cannot be applied yet (attempt %d): %s", id, update.channel,
                        update.kind, update.attempts, error.getMessage());
            } else {
                LOG.warnf("Inbound update %d (%s %s) attempt %d failed: %s", id, update.channel, update.kind,
                        update.attempts, update.failureReason);
            }
            return update.nextAttemptAt;
        });
        if (Instant.MIN.equals(retryAt)) {
            lane.finished(); // FAILED: the contact's later updates go on
        } else {
            lane.stop(retryAt);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
