package id.ruangaman.channel.inbound;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;

/**
 * Gives the webhooks' acknowledgement the CPU when it runs short: processing and delivery pause before their next unit
 * of work (a claim, a round of steps) while the webhook is <em>congested</em>, for at most
 * {@link AckConfig#yieldMaxPause()} each time, so they slow down but never stop. Java thread priorities do nothing on
 * Linux without privileges, so the background threads step aside themselves. An acknowledged update is durable;
 * processing catches up after the burst, while a slow webhook makes Telegram and WhatsApp retry or slow down.
 *
 * <p>Congested means: updates arrived in the last 100-200 ms, and either more than {@value #WAITING_ABOVE} requests
 * wait for their commit ({@link GroupCommit} counts them), or the event loop runs late. A probe on the event loop
 * ticks every {@value #TICK_MILLIS} ms while the webhook has traffic; a tick (or the one now due) later than
 * {@link AckConfig#yieldLag()} means the threads that read and answer webhooks wait for a core. A webhook starved of
 * CPU has its requests waiting in socket buffers, not in the group commit, so the lag is what shows it.
 *
 * <p>A steady load the machine can carry (the webhook answering in a few milliseconds) does not pause processing,
 * whatever its rate: the rule reacts to the webhook's delay, not to its traffic. With no webhook traffic nothing is
 * probed and the check is a few memory reads.
 */
@ApplicationScoped
public class AckPriority {

    /** The window over which arrivals are counted, in milliseconds. */
    static final int WINDOW_MILLIS = 100;
    /** How often a pausing thread looks again whether the webhook is still congested, in milliseconds. */
    static final int RECHECK_MILLIS = 5;
    /** Period of the event-loop probe while the webhook has traffic, in milliseconds. */
    static final int TICK_MILLIS = 5;
    /** Requests waiting for their commit above which the webhook counts as congested whatever the lag. */
    static final int WAITING_ABOVE = 16;
    /** The probe stops after this long without an arrival, in milliseconds. */
    static final int PROBE_IDLE_MILLIS = 1_000;
    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);

    /** Starts the probe's periodic tick; returns what stops it. */
    interface Ticker {
        Runnable every(long millis, Runnable tick);
    }

    private final LongSupplier nanoTime;
    private final long maxPauseNanos;
    private final long lagAboveNanos;
    private final Ticker ticker;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long lastArrival = Long.MIN_VALUE / 2;
    private volatile long lastTick;
    private volatile long lastLag;
    private volatile Runnable stopProbe = () -> { };

    @Inject
    AckPriority(AckConfig config, Vertx vertx) {
        this(System::nanoTime, config.yieldMaxPause(), config.yieldLag(), (millis, tick) -> {
            long id = vertx.setPeriodic(millis, ignored -> tick.run());
            return () -> vertx.cancelTimer(id);
        });
    }

    /**
     * {@code maxPause}: longest single pause (zero: never pause); {@code lagAbove}: event-loop delay above which the
     * webhook counts as congested; {@code ticker}: runs the probe on the event loop.
     */
    AckPriority(LongSupplier nanoTime, Duration maxPause, Duration lagAbove, Ticker ticker) {
        this.nanoTime = nanoTime;
        this.maxPauseNanos = Math.max(0, maxPause.toNanos());
        this.lagAboveNanos = Math.max(0, lagAbove.toNanos());
        this.ticker = ticker;
    }

    /** A webhook request handed {@code updates} rows to the group commit and waits for it. */
    void arrived(int updates) {
        waiting.incrementAndGet();
        long now = nanoTime.getAsLong();
        lastArrival = now;
        if (maxPauseNanos > 0 && probing.compareAndSet(false, true)) {
            lastTick = now;
            lastLag = 0;
            stopProbe = ticker.every(TICK_MILLIS, this::tick);
        }
    }

    /** A webhook request got its answer (committed, refused or failed). */
    void answered() {
        waiting.decrementAndGet();
    }

    /** The probe's tick, on the event loop: how late it came; stops the probe once the webhook has gone quiet. */
    void tick() {
        long now = nanoTime.getAsLong();
        lastLag = Math.max(0, now - lastTick - TICK_NANOS);
        lastTick = now;
        if (now - lastArrival > TimeUnit.MILLISECONDS.toNanos(PROBE_IDLE_MILLIS) && probing.compareAndSet(true, false)) {
            stopProbe.run();
        }
    }

    /** How late the event loop is now, in nanoseconds: the last tick's delay, or the due tick's if it is later. */
    long lagNanos() {
        if (!probing.get()) {
            return 0;
        }
        long overdue = nanoTime.getAsLong() - lastTick - TICK_NANOS;
        return Math.max(lastLag, overdue);
    }

    /** Whether the webhook is congested now (see the class comment). */
    boolean busy() {
        long now = nanoTime.getAsLong();
        if (now - lastArrival > 2 * WINDOW_NANOS) {
            return false;
        }
        return waiting.get() > WAITING_ABOVE || lagNanos() > lagAboveNanos;
    }

    /**
     * How much longer a thread that started pausing at {@code pausedSince} (a {@link System#nanoTime()} reading)
     * should wait, in nanoseconds: zero once the webhook is not congested or the longest pause has passed.
     */
    long pauseLeft(long pausedSince) {
        long left = maxPauseNanos - (nanoTime.getAsLong() - pausedSince);
        return left > 0 && busy() ? left : 0;
    }

    /**
     * Called by processing and delivery before each unit of work: returns at once when the webhook is not congested,
     * otherwise once it is not, or after {@link AckConfig#yieldMaxPause()} at most. Returns whether it paused.
     */
    public boolean yieldToWebhook() throws InterruptedException {
        long since = nanoTime.getAsLong();
        long left = pauseLeft(since);
        if (left == 0) {
            return false;
        }
        while (left > 0) {
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            left = pauseLeft(since);
        }
        return true;
    }
}
