package id.ruangaman.channel.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.ruangaman.transcript.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Group commit for the webhooks: requests hand over their rows and get a future; one dedicated thread (the
 * committer) takes whatever has arrived, up to {@link AckConfig#maxBatch()} rows, inserts it with one
 * {@code INSERT ... SELECT ... FROM unnest(arrays) ON CONFLICT (channel, provider_id) DO NOTHING} (the same prepared
 * statement for every batch size) on a plain JDBC connection of its own (kept, so a batch never waits for the pool the
 * workers and senders share), then completes every future of the batch. The statement is its own transaction
 * (autocommit): PostgreSQL commits it before it reports ready for the next query, and the driver returns only then, so
 * a batch is one round trip, not an insert and a commit. On two cores shared with PostgreSQL each round trip waits for
 * both the backend and the committer to get a core again, which took longer than the insert itself (issue 16,
 * twenty-third round). A future completes normally only after that commit (durable: the database runs with
 * synchronous commit), exceptionally for every request of a batch that failed (nothing of it was stored: one
 * statement), and at once with {@link Refused} when more than {@link AckConfig#queueBound()} rows are
 * waiting or the service is stopping. The inbound processor is woken once per batch that stored something.
 *
 * <p>A request that came from a Vert.x event loop (the webhooks) is answered on that event loop: the committer only
 * hands each completion over and goes on to the next batch, and the response is written from the connection's own
 * thread. Every request counts as waiting in {@link AckPriority} from its submission to its answer, so processing
 * and delivery step aside while acknowledgements wait.
 *
 * <p>While one batch commits, the next one gathers, so the batch size follows the load without any timer: one
 * request alone is committed at once, 40 concurrent requests share a commit.
 */
@ApplicationScoped
class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);
    /**
     * One statement text for every batch size: the rows travel as one array per column, so PostgreSQL parses and
     * plans it once per connection (the driver keeps it prepared) instead of once per distinct batch size. Received
     * at is bound twice (once per use); a row's settle is in microseconds, null for none (no next attempt time).
     * The ids are drawn in the batch's order (the inner select, which PostgreSQL does not merge into the outer one because
     * of nextval), so a contact's updates with the same sequence number keep the order they arrived in; the rows are
     * inserted in key order, so two instances storing the same redelivered updates wait for each other's keys in one
     * order and never deadlock.
     */
    private static final String INSERT = "insert into inbound_update (id, channel, provider_id, sequence_no, contact_hash, "
            + "kind, payload, status, received_at, next_attempt_at, subject_hash) "
            + "select u.id, u.channel, u.provider_id, u.sequence_no, u.contact_hash, u.kind, "
            + "u.payload, 'PENDING', ?::timestamptz, ?::timestamptz + u.settle_us * interval '1 microsecond', u.subject_hash "
            + "from (select nextval('inbound_update_seq') as id, a.* from unnest(?::varchar[], ?::varchar[], ?::bigint[], "
            + "?::bytea[], ?::varchar[], ?::bytea[], ?::bigint[], ?::bytea[]) "
            + "as a(channel, provider_id, sequence_no, contact_hash, kind, payload, settle_us, subject_hash)) u "
            + "order by u.channel, u.provider_id "
            + "on conflict (channel, provider_id) do nothing returning channel, provider_id";

    /**
     * One update ready to store: {@code providerKey} is already the lookup key (ProviderIds.key) and {@code payload}
     * already ciphertext, so the committer does nothing but database work.
     */
    record Row(Channel channel, String providerKey, long sequenceNo, byte[] contactHash, String kind, byte[] payload,
            Duration settle, byte[] subjectHash) {

        String key() {
            return channel.name() + '\u0000' + providerKey;
        }
    }

    /** The queue is full or the service is stopping: nothing was stored, the platform should retry later. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * One request's rows, its answer, and the Vert.x context to answer on (null: not an event loop's request).
     * {@code answered} is touched only by the thread that took it from the queue.
     */
    private static final class Pending {
        final List<Row> rows;
        final CompletableFuture<Integer> done = new CompletableFuture<>();
        final Context context;
        /** When it was queued (a {@link System#nanoTime()} reading), for {@link CommitBatchEvent#queued}. */
        final long queuedAt = System.nanoTime();
        /** When its answer was handed to its event loop (a {@link System#nanoTime()} reading). */
        long answeredAt;
        boolean answered;

        Pending(List<Row> rows, Context context) {
            this.rows = rows;
            this.context = context;
        }
    }

    private final DataSource dataSource;
    private final InboundSignal signal;
    private final AckPriority priority;
    private final Clock clock;
    private final int queueBound;
    private final int maxBatch;
    private final int commitTimeoutMillis;
    /**
     * Where an acknowledgement's time goes, per request ({@code ruangaman.ack.wait}, tag {@code stage}): {@code queue}
     * from submission until its batch starts, {@code commit} its batch's connection, insert and commit, {@code handover}
     * from the answer until its event loop runs it, {@code total} from submission to that moment.
     */
    private final Timer queueWait;
    private final Timer commitWait;
    private final Timer handoverWait;
    private final Timer totalWait;
    /**
     * Lock-free: an event loop handing over a request never waits for a lock the committer (or another event loop) holds,
     * which on a busy machine could be held by a thread the scheduler has just paused (a {@code LinkedBlockingQueue}'s
     * add takes its take lock to wake the committer: 300 ms on an event loop in one recording).
     */
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    /** The committer found the queue empty and is parking (or parked); a submission then unparks it. */
    private volatile boolean idle;
    private final AtomicInteger waitingRows = new AtomicInteger();
    private final AtomicLong batches = new AtomicLong();
    private final Object pauseLock = new Object();
    private boolean paused;
    private volatile boolean accepting;
    private volatile boolean running;
    private Thread committer;
    /** The committer's own connection (autocommit on), used only by the committer thread; null until the first batch. */
    private Connection held;
    private int pooledNetworkTimeout;

    GroupCommit(DataSource dataSource, InboundSignal signal, AckPriority priority, Clock clock, AckConfig config,
            MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.signal = signal;
        this.priority = priority;
        this.clock = clock;
        this.queueBound = Math.max(1, config.queueBound());
        this.maxBatch = Math.max(1, config.maxBatch());
        this.commitTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, config.commitTimeout().toMillis()));
        this.queueWait = stage(metrics, "queue");
        this.commitWait = stage(metrics, "commit");
        this.handoverWait = stage(metrics, "handover");
        this.totalWait = stage(metrics, "total");
    }

    private static Timer stage(MeterRegistry metrics, String stage) {
        return Timer.builder("ruangaman.ack.wait").tag("stage", stage)
                .description("Where a webhook request's acknowledgement waits inside the service, per request")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2))
                .register(metrics);
    }

    @PostConstruct
    void start() {
        running = true;
        accepting = true;
        committer = new Thread(this::run, "inbound-committer");
        committer.setDaemon(true);
        committer.start();
    }

    /** Created with the application, so the committer runs before the first webhook call. */
    void onStart(@Observes StartupEvent event) {
        LOG.debugf("Inbound group commit: up to %d rows per batch, %d waiting", maxBatch, queueBound);
    }

    /** Stops taking requests, stores what is already queued, then ends the committer. */
    void onStop(@Observes ShutdownEvent event) {
        accepting = false;
        resume();
        running = false;
        try {
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            answer(left, null, new Refused("stopping"));
        }
    }

    /**
     * Queues one request's rows, stored together (never split across transactions). The future completes with how
     * many rows were new after their commit; with {@link Refused} when the queue is full; with the database's
     * exception when the batch failed.
     */
    CompletableFuture<Integer> submit(List<Row> rows) {
        if (rows.isEmpty()) {
            return CompletableFuture.completedFuture(0);
        }
        if (!accepting) {
            return CompletableFuture.failedFuture(new Refused("stopping"));
        }
        int size = rows.size();
        while (true) {
            int waiting = waitingRows.get();
            // A request bigger than the whole bound is still taken when nothing else waits, or it could never be stored.
            if (waiting > 0 && waiting + size > queueBound) {
                return CompletableFuture.failedFuture(new Refused("queue full"));
            }
            if (waitingRows.compareAndSet(waiting, waiting + size)) {
                break;
            }
        }
        // Only a request handled on an event loop is answered there; a blocking caller (polling, a worker) is answered
        // by the committer itself, so it never depends on an event loop being free.
        Pending pending = new Pending(List.copyOf(rows), Context.isOnEventLoopThread() ? Vertx.currentContext() : null);
        priority.arrived(size);
        queue.add(pending);
        if (idle) {
            LockSupport.unpark(committer);
        }
        return pending.done;
    }

    /** Batches committed (or attempted) so far; tests compare it with the number of requests. */
    long batches() {
        return batches.get();
    }

    /** Rows queued and not yet taken into a batch. */
    int waitingRows() {
        return waitingRows.get();
    }

    /** Holds the committer before its next batch (tests: let requests pile up). */
    void pause() {
        synchronized (pauseLock) {
            paused = true;
        }
    }

    void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = next();
                if (first == null) {
                    continue;
                }
                awaitResumed(); // after the poll too, so a pause holds a request that arrived while the committer waited
                batch.add(first);
                int rows = first.rows.size();
                Pending next;
                while ((next = queue.peek()) != null && rows + next.rows.size() <= maxBatch) {
                    batch.add(queue.poll());
                    rows += next.rows.size();
                }
                waitingRows.addAndGet(-rows);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                // commit() completes its futures itself; this only keeps the committer alive whatever happens.
                batch.forEach(pending -> answer(pending, null, e));
                LOG.errorf("Inbound committer: unexpected %s", e.getClass().getSimpleName());
            } finally {
                batch.clear();
            }
        }
        dropConnection();
    }

    /**
     * The next request, waiting up to 200 ms for one (null if none came). The flag is set before the queue is looked at
     * again, so a request added meanwhile either is seen here or finds the flag and unparks this thread.
     */
    private Pending next() throws InterruptedException {
        Pending first = queue.poll();
        if (first != null) {
            return first;
        }
        idle = true;
        try {
            first = queue.poll();
            if (first == null) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(200));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                first = queue.poll();
            }
        } finally {
            idle = false;
        }
        return first;
    }

    private void awaitResumed() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused) {
                pauseLock.wait(200);
            }
        }
    }

    private void commit(List<Pending> batch) {
        Map<String, Row> unique = new LinkedHashMap<>();
        for (Pending pending : batch) {
            for (Row row : pending.rows) {
                unique.putIfAbsent(row.key(), row); // a duplicate inside the batch: stored once, answered with the rest
            }
        }
        batches.incrementAndGet();
        CommitBatchEvent event = new CommitBatchEvent();
        event.begin();
        event.requests = batch.size();
        event.rows = unique.size();
        long started = System.nanoTime();
        event.queued = started - batch.get(0).queuedAt;
        for (Pending pending : batch) {
            queueWait.record(started - pending.queuedAt, TimeUnit.NANOSECONDS);
        }
        Map<String, Boolean> inserted;
        try {
            inserted = insert(new ArrayList<>(unique.values()), event);
        } catch (SQLException | RuntimeException e) {
            event.failed = true;
            event.commit();
            LOG.warnf("Inbound batch of %d requests (%d updates) not stored (%s%s); answering 503 so the platforms retry",
                    batch.size(), unique.size(), e.getClass().getSimpleName(),
                    e instanceof SQLException sql && sql.getSQLState() != null ? " " + sql.getSQLState() : "");
            batch.forEach(pending -> answer(pending, null, e));
            return;
        }
        event.fresh = inserted.size();
        event.commit();
        long stored = System.nanoTime() - started;
        for (int i = 0; i < batch.size(); i++) {
            commitWait.record(stored, TimeUnit.NANOSECONDS);
        }
        if (!inserted.isEmpty()) {
            signal.wake();
        }
        for (Pending pending : batch) {
            int fresh = 0;
            for (Row row : pending.rows) {
                if (inserted.remove(row.key()) != null) {
                    fresh++;
                }
            }
            answer(pending, fresh, null);
        }
    }

    /**
     * Completes one request's future, on its event loop when it came from one (the response is then written there,
     * and the committer does not run the rest of the request's handling). A future already answered (the run loop's
     * last-resort failure after a partial answer) stays as it was.
     */
    private void answer(Pending pending, Integer fresh, Throwable failure) {
        if (pending.answered) {
            return;
        }
        pending.answered = true;
        pending.answeredAt = System.nanoTime();
        priority.answered();
        if (pending.context == null) {
            complete(pending.done, fresh, failure);
        } else {
            pending.context.runOnContext(ignored -> {
                long now = System.nanoTime();
                handoverWait.record(now - pending.answeredAt, TimeUnit.NANOSECONDS);
                totalWait.record(now - pending.queuedAt, TimeUnit.NANOSECONDS);
                complete(pending.done, fresh, failure);
            });
        }
    }

    private static void complete(CompletableFuture<Integer> done, Integer fresh, Throwable failure) {
        if (failure == null) {
            done.complete(fresh);
        } else {
            done.completeExceptionally(failure);
        }
    }

    /**
     * One transaction on the committer's own connection; returns the keys that were new (the rest were already stored).
     * A batch that fails drops the connection (it may be broken: a restarted database, a cut network path), and the next
     * batch takes a fresh one from the pool.
     */
    private Map<String, Boolean> insert(List<Row> rows, CommitBatchEvent event) throws SQLException {
        Map<String, Boolean> inserted = new HashMap<>();
        Instant now = Instant.now(clock);
        OffsetDateTime receivedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        long start = System.nanoTime();
        Connection connection = connection();
        long connected = System.nanoTime();
        event.connection = connected - start;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(connection, insert, rows, receivedAt);
            // The statement is its own transaction: PostgreSQL commits it, WAL flushed, before it reports ready, and the
            // driver returns only then. A failed commit is this statement's error; nothing of the batch is stored.
            try (ResultSet keys = insert.executeQuery()) {
                while (keys.next()) {
                    inserted.put(keys.getString(1) + '\u0000' + keys.getString(2), Boolean.TRUE);
                }
            }
            event.insert = System.nanoTime() - connected;
        } catch (SQLException | RuntimeException e) {
            dropConnection();
            throw e;
        }
        return inserted;
    }

    /**
     * The committer's connection, taken from the pool once and kept: a batch never waits for the pool that the inbound
     * workers and the senders share (each of them holds a connection for a whole transaction, and with a full outbox
     * the senders alone can take all of it), and never goes through the pool's transaction bookkeeping, which takes a
     * lock every other caller takes too. The pool counts it as one of its connections in use.
     */
    private Connection connection() throws SQLException {
        if (held == null) {
            Connection connection = dataSource.getConnection();
            try {
                pooledNetworkTimeout = connection.getNetworkTimeout();
                connection.setNetworkTimeout(Runnable::run, commitTimeoutMillis);
                connection.setAutoCommit(true);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            held = connection;
        }
        return held;
    }

    /** Gives the committer's connection back to the pool (after a failure, or when the committer ends). */
    private void dropConnection() {
        Connection connection = held;
        held = null;
        if (connection != null) {
            try (connection) {
                connection.setAutoCommit(true); // as the pool hands connections out
                connection.setNetworkTimeout(Runnable::run, pooledNetworkTimeout);
            } catch (SQLException ignored) {
                // broken: the pool discards it
            }
        }
    }

    /** Binds the batch as one array per column (element i of each array is row i; a null element is a null column). */
    private static void bind(Connection connection, PreparedStatement insert, List<Row> rows, OffsetDateTime receivedAt)
            throws SQLException {
        int n = rows.size();
        String[] channels = new String[n];
        String[] providerKeys = new String[n];
        Long[] sequenceNos = new Long[n];
        byte[][] contactHashes = new byte[n][];
        String[] kinds = new String[n];
        byte[][] payloads = new byte[n][];
        Long[] settleMicros = new Long[n];
        byte[][] subjectHashes = new byte[n][];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            channels[i] = row.channel().name();
            providerKeys[i] = row.providerKey();
            sequenceNos[i] = row.sequenceNo();
            contactHashes[i] = row.contactHash();
            kinds[i] = row.kind();
            payloads[i] = row.payload();
            settleMicros[i] = row.settle().isZero() ? null : micros(row.settle());
            subjectHashes[i] = row.subjectHash();
        }
        insert.setObject(1, receivedAt);
        insert.setObject(2, receivedAt);
        insert.setArray(3, connection.createArrayOf("varchar", channels));
        insert.setArray(4, connection.createArrayOf("varchar", providerKeys));
        insert.setArray(5, connection.createArrayOf("bigint", sequenceNos));
        insert.setArray(6, connection.createArrayOf("bytea", contactHashes));
        insert.setArray(7, connection.createArrayOf("varchar", kinds));
        insert.setArray(8, connection.createArrayOf("bytea", payloads));
        insert.setArray(9, connection.createArrayOf("bigint", settleMicros));
        insert.setArray(10, connection.createArrayOf("bytea", subjectHashes));
    }

    private static long micros(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1_000);
    }
}
