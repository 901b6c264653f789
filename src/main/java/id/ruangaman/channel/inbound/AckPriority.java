package id.ruangaman.channel.inbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;

/**
 * Gives the webhooks' acknowledgement the CPU when it runs short: processing and delivery wait before their next unit
 * of work (a claim, a contact's step, a send) while the webhook is <em>congested</em>, and while it stays congested
 * they go on <em>one unit at a time</em>: all of them together are let through at most once every
 * {@value #ADMIT_EVERY_MILLIS} ms, so they slow down but never stop. Java thread priorities do nothing on Linux without
 * privileges, so the background threads step aside themselves. An acknowledged update is durable; processing catches
 * up after the burst, while a slow webhook makes Telegram and WhatsApp retry or slow down.
 *
 * <p>Why together and not per thread: on two cores the webhook's event loops compete with every runnable thread, and
 * the scheduler gives each its share. Four inbound workers and a channel's eight senders each let through once per
 * pause kept a dozen threads runnable in a flood; the acknowledgement then got a fraction of the CPU whatever the
 * pause. One unit at a time leaves the cores to the webhook and still moves every kind of work on. A single wait is
 * still bounded by {@link AckConfig#yieldMaxPause()} (a thread that holds claimed contacts or a leased message never
 * waits longer than that, far inside its lease).
 *
 * <p>Congested means: updates arrived in the last 100-200 ms, and within the last {@value #HOLD_MILLIS} ms either more
 * than {@value #WAITING_ABOVE} requests waited for their commit ({@link GroupCommit} counts them), or an event loop
 * ran late tick after tick. The hold matters: both signals dip for a moment after every commit and every tick, and a
 * rule that read only the instant let every waiting thread go at each dip. A probe on <em>every</em> event
 * loop ticks every {@value #TICK_MILLIS} ms while the webhook has traffic (the connections, and so the requests, are
 * spread over all of them); {@value #LATE_IN_A_ROW} ticks in a row later than {@link AckConfig#yieldLag()} (or a due
 * tick as late as they would be) mean the threads that read and answer webhooks wait for a core. A webhook starved of
 * CPU has its requests waiting in socket buffers, not in the group commit, so the lag is what shows it. One late tick
 * is not enough: on two cores shared with PostgreSQL, a scheduling delay of 10-100 ms now and then is routine at a
 * load the machine carries, and when each one held processing and delivery to 50 units a second for 100 ms, they
 * were held most of the time at 500 updates/s and fell behind with half a core idle (issue 16, sixth round).
 *
 * <p>A steady load the machine can carry (the webhook answering in a few milliseconds) does not pause processing,
 * whatever its rate: the rule reacts to the webhook's delay, not to its traffic. With no webhook traffic nothing is
 * probed and the check is a few memory reads.
 *
 * <p>Counters ({@code ruangaman.ack.priority.*}, no data): how often and why the webhook began to count as congested,
 * the late ticks per event loop, how long background work was held and how long its threads waited.
 */
@ApplicationScoped
public class AckPriority {

    /** The window over which arrivals are counted, in milliseconds. */
    static final int WINDOW_MILLIS = 100;
    /** How often a pausing thread looks again whether the webhook is still congested, in milliseconds. */
    static final int RECHECK_MILLIS = 5;
    /** Period of the event-loop probe while the webhook has traffic, in milliseconds. */
    static final int TICK_MILLIS = 5;
    /**
     * Late probe ticks in a row (each later than {@link AckConfig#yieldLag()}) that make an event loop count as
     * starved. One late tick is routine on a loaded two-core machine (a time slice given to another runnable thread, a
     * short collection pause); a webhook that waits for a core is late tick after tick.
     */
    static final int LATE_IN_A_ROW = 2;
    /** Requests waiting for their commit above which the webhook counts as congested whatever the lag. */
    static final int WAITING_ABOVE = 16;
    /** How long a sign of congestion counts, in milliseconds. */
    static final int HOLD_MILLIS = 100;
    /** The probe stops after this long without an arrival, in milliseconds. */
    static final int PROBE_IDLE_MILLIS = 1_000;
    /**
     * While the webhook is congested, one unit of background work (all processing and delivery threads together) is
     * let through at most this often, in milliseconds: 50 units a second, each a claim, a step or one send.
     */
    static final int ADMIT_EVERY_MILLIS = 20;
    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
    private static final long ADMIT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(ADMIT_EVERY_MILLIS);
    private static final long HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(HOLD_MILLIS);

    /** Starts the probe's periodic tick on every event loop, each with its own tick from {@code perLoop}; returns what stops them. */
    interface Ticker {
        Runnable every(long millis, Supplier<Runnable> perLoop);
    }

    /** What made the webhook count as congested (a tag of the counters). */
    enum Cause {
        /** More than {@value #WAITING_ABOVE} requests waited for their commit. */
        WAITING,
        /** An event loop ran late tick after tick. */
        LATE_LOOP
    }

    /** One event loop's probe: when it last ticked, how late that tick was, and how many late ticks in a row it ran. */
    private final class Probe implements Runnable {
        final AtomicLong lateTicks;
        volatile long lastTick;
        volatile long lastLag;
        volatile int lateInARow;

        Probe(long now, AtomicLong lateTicks) {
            lastTick = now;
            this.lateTicks = lateTicks;
        }

        @Override
        public void run() {
            long now = nanoTime.getAsLong();
            lastLag = Math.max(0, now - lastTick - TICK_NANOS);
            lastTick = now;
            lateInARow = lastLag > lagAboveNanos ? lateInARow + 1 : 0;
            if (now - lastArrival > TimeUnit.MILLISECONDS.toNanos(PROBE_IDLE_MILLIS)) {
                if (probing.compareAndSet(true, false)) {
                    stopProbe.run(); // the webhook has gone quiet: whatever delays the event loop now is not its
                }
            } else if (lateInARow >= LATE_IN_A_ROW) {
                lateTicks.incrementAndGet();
                sign(now, Cause.LATE_LOOP);
            }
        }

        /** How late the due tick is now, in nanoseconds (0 while it is not due). */
        long overdue(long now) {
            return Math.max(0, now - lastTick - TICK_NANOS);
        }

        /**
         * Whether this loop waits for a core: its last {@value #LATE_IN_A_ROW} ticks were each late, or its last was
         * late and the one now due is too, or the due tick is as late as {@value #LATE_IN_A_ROW} late ticks in a row
         * would take (a loop that cannot run at all does not tick).
         */
        boolean starved(long now) {
            long overdue = overdue(now);
            return lateInARow >= LATE_IN_A_ROW
                    || (lateInARow > 0 && overdue > lagAboveNanos)
                    || overdue > LATE_IN_A_ROW * lagAboveNanos + (LATE_IN_A_ROW - 1) * TICK_NANOS;
        }
    }

    private final LongSupplier nanoTime;
    private final long maxPauseNanos;
    private final long lagAboveNanos;
    private final Ticker ticker;
    private final MeterRegistry metrics;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean probing = new AtomicBoolean();
    /** When the next unit of background work may go while the webhook is congested (a nanoTime reading). */
    private final AtomicLong nextAdmission;
    private volatile long lastArrival = Long.MIN_VALUE / 2;
    /** When a sign of congestion was last seen (a nanoTime reading). */
    private final AtomicLong lastCongested = new AtomicLong(Long.MIN_VALUE / 2);
    private volatile List<Probe> probes = List.of();
    private volatile Runnable stopProbe = () -> { };
    /** Counters, for how often, why and how long background work was held (no data, only counts and times). */
    private final AtomicLong[] started = new AtomicLong[Cause.values().length];
    private final AtomicLong heldNanos = new AtomicLong();
    private final LongAdder waitedNanos = new LongAdder();
    private final LongAdder waits = new LongAdder();
    private final LongAdder admitted = new LongAdder();
    private final List<AtomicLong> lateTicksByLoop = new ArrayList<>();

    @Inject
    AckPriority(AckConfig config, Vertx vertx, MeterRegistry metrics) {
        this(System::nanoTime, config.yieldMaxPause(), config.yieldLag(), (millis, perLoop) -> {
            List<ScheduledFuture<?>> ticks = new ArrayList<>();
            for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
                ticks.add(loop.scheduleWithFixedDelay(perLoop.get(), millis, millis, TimeUnit.MILLISECONDS));
            }
            return () -> ticks.forEach(tick -> tick.cancel(false));
        }, metrics);
    }

    /** Counted in a registry of its own (tests). */
    AckPriority(LongSupplier nanoTime, Duration maxPause, Duration lagAbove, Ticker ticker) {
        this(nanoTime, maxPause, lagAbove, ticker, new SimpleMeterRegistry());
    }

    /**
     * {@code maxPause}: longest single wait (zero: never pause); {@code lagAbove}: event-loop delay above which the
     * webhook counts as congested; {@code ticker}: runs the probe on the event loops; {@code metrics}: where the
     * counters go.
     */
    AckPriority(LongSupplier nanoTime, Duration maxPause, Duration lagAbove, Ticker ticker, MeterRegistry metrics) {
        this.nanoTime = nanoTime;
        this.maxPauseNanos = Math.max(0, maxPause.toNanos());
        this.lagAboveNanos = Math.max(0, lagAbove.toNanos());
        this.ticker = ticker;
        this.metrics = metrics;
        this.nextAdmission = new AtomicLong(nanoTime.getAsLong());
        for (Cause cause : Cause.values()) {
            String tag = cause.name().toLowerCase(java.util.Locale.ROOT);
            started[cause.ordinal()] = new AtomicLong();
            FunctionCounter.builder("ruangaman.ack.priority.started", started[cause.ordinal()], AtomicLong::get).tag("cause", tag)
                    .description("Times the webhook began to count as congested, by the sign that began it").register(metrics);
        }
        FunctionCounter.builder("ruangaman.ack.priority.held.seconds", heldNanos, held -> held.get() / 1e9)
                .description("Time the webhook counted as congested, so that background work was held").register(metrics);
        FunctionCounter.builder("ruangaman.ack.priority.waited.seconds", waitedNanos, waited -> waited.sum() / 1e9)
                .description("Time processing and delivery threads waited for the webhook, all threads together").register(metrics);
        FunctionCounter.builder("ruangaman.ack.priority.waits", waits, LongAdder::sum)
                .description("Units of background work that waited for the webhook before they went").register(metrics);
        FunctionCounter.builder("ruangaman.ack.priority.admitted", admitted, LongAdder::sum)
                .description("Units of background work let through by their turn while the webhook was congested").register(metrics);
    }

    /** A webhook request handed {@code updates} rows to the group commit and waits for it. */
    void arrived(int updates) {
        int nowWaiting = waiting.incrementAndGet();
        long now = nanoTime.getAsLong();
        lastArrival = now;
        if (nowWaiting > WAITING_ABOVE) {
            sign(now, Cause.WAITING);
        }
        if (maxPauseNanos > 0 && probing.compareAndSet(false, true)) {
            List<Probe> started = new ArrayList<>();
            stopProbe = ticker.every(TICK_MILLIS, () -> {
                Probe probe = new Probe(now, lateTicks(started.size()));
                started.add(probe);
                return probe;
            });
            probes = List.copyOf(started);
        }
    }

    /** The counter of late ticks in a row of event loop {@code loop} (the same counter for every probe of that loop). */
    private AtomicLong lateTicks(int loop) {
        synchronized (lateTicksByLoop) {
            while (lateTicksByLoop.size() <= loop) {
                AtomicLong counter = new AtomicLong();
                FunctionCounter.builder("ruangaman.ack.priority.late.ticks", counter, AtomicLong::get)
                        .tag("loop", String.valueOf(lateTicksByLoop.size()))
                        .description("Probe ticks of an event loop late tick after tick while the webhook had traffic")
                        .register(metrics);
                lateTicksByLoop.add(counter);
            }
            return lateTicksByLoop.get(loop);
        }
    }

    /** A webhook request got its answer (committed, refused or failed). */
    void answered() {
        waiting.decrementAndGet();
    }

    /**
     * A sign of congestion at {@code now}. The time held is the union of the signs' holds: each sign
     * adds the time since the one before, at most a hold.
     */
    private void sign(long now, Cause cause) {
        long previous = lastCongested.getAndAccumulate(now, Math::max);
        long gap = now - previous;
        if (gap >= HOLD_NANOS) {
            started[cause.ordinal()].incrementAndGet();
            heldNanos.addAndGet(HOLD_NANOS);
        } else if (gap > 0) {
            heldNanos.addAndGet(gap);
        }
    }

    /** How late the latest event loop is now, in nanoseconds: its last tick's delay, or the due tick's if later. */
    long lagNanos() {
        if (!probing.get()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        long lag = 0;
        for (Probe probe : probes) {
            lag = Math.max(lag, Math.max(probe.lastLag, probe.overdue(now)));
        }
        return lag;
    }

    /** Whether an event loop waits for a core now: late tick after tick (see {@link Probe#starved}). */
    boolean starved() {
        if (!probing.get()) {
            return false;
        }
        long now = nanoTime.getAsLong();
        for (Probe probe : probes) {
            if (probe.starved(now)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the webhook is congested now (see the class comment): delivery then claims one message at a time, so no
     * sender waits with a leased message for its turn, and a processing round prepares only what it can take.
     */
    public boolean congested() {
        return busy();
    }

    /** Whether the webhook is congested now (see the class comment). */
    boolean busy() {
        long now = nanoTime.getAsLong();
        if (now - lastArrival > 2 * WINDOW_NANOS) {
            return false;
        }
        if (waiting.get() > WAITING_ABOVE || starved()) {
            sign(now, waiting.get() > WAITING_ABOVE ? Cause.WAITING : Cause.LATE_LOOP);
            return true;
        }
        return now - lastCongested.get() < HOLD_NANOS;
    }

    /**
     * How much longer a thread that started waiting at {@code pausedSince} (a {@link System#nanoTime()} reading) may
     * wait at most, in nanoseconds: zero once the webhook is not congested or the longest pause has passed.
     */
    long pauseLeft(long pausedSince) {
        long left = maxPauseNanos - (nanoTime.getAsLong() - pausedSince);
        return left > 0 && busy() ? left : 0;
    }

    /**
     * Whether one unit of background work may go now although the webhook is congested: true at most once per
     * {@value #ADMIT_EVERY_MILLIS} ms across all threads.
     */
    boolean admit() {
        long now = nanoTime.getAsLong();
        long next = nextAdmission.get();
        if (now - next >= 0 && nextAdmission.compareAndSet(next, now + ADMIT_EVERY_NANOS)) {
            admitted.increment();
            return true;
        }
        return false;
    }

    /**
     * Called by processing and delivery before each unit of work: returns at once when the webhook is not congested;
     * otherwise once it is not, or this thread's turn among all waiting ones has come ({@link #admit}), or after
     * {@link AckConfig#yieldMaxPause()} at most. Returns whether it waited.
     */
    public boolean yieldToWebhook() throws InterruptedException {
        long since = nanoTime.getAsLong();
        boolean waited = false;
        long left;
        while ((left = pauseLeft(since)) > 0 && !admit()) {
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)));
            waited = true;
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        if (waited) {
            waits.increment();
            waitedNanos.add(nanoTime.getAsLong() - since);
        }
        return waited;
    }
}
