package id.ruangaman.channel.telegram;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;

import id.ruangaman.channel.inbound.AckPriority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Answers a button press that came by long polling ({@link TelegramPolling}, dev and test modes) with a call of
 * answerCallbackQuery once the press is stored, so the person's button stops showing a progress bar. A press that comes
 * by webhook needs none of this: it is answered in the webhook's own response ({@link TelegramWebhookRoute}). The answer
 * has no text; what the press leads to comes as the step's reply, through the outbox.
 * The call goes through {@link TelegramApi#call} on this class's own thread, as sendMessage does: the library's client
 * would hand it to OkHttp's asynchronous dispatcher and read the answer with its own mapper, which in the benchmark's
 * drain cost 14% of the service's CPU for one small call per press (issue 16, ninth round).
 *
 * <p>An answer only stops the spinner; the chat is correct without it. So answers step aside for a congested webhook
 * as processing and delivery do ({@link AckPriority#congested()}): while it is congested no answer is sent; each answer
 * waits at most {@code TELEGRAM_PRESS_ANSWER_MAX_AGE} from its hand-over, and one that old is dropped without a call
 * (Telegram refuses a late answer with "query is too old" anyway; the Bot API does not publish how late is too late).
 * The answers waiting are bounded by {@code TELEGRAM_PRESS_ANSWER_QUEUE}; one more than that is dropped at once. Drops
 * are counted ({@code ruangaman.telegram.callback_answers.dropped}, tagged {@code stale} or {@code full}) and said at
 * most once a minute at INFO, never once per answer (issue 16, tenth round: the answers took 12% of the service's
 * samples in the acknowledgement phase's warm window on a thread that did not yield).
 */
@ApplicationScoped
class TelegramCallbackAnswers {

    private static final Logger LOG = Logger.getLogger(TelegramCallbackAnswers.class);
    /** How often a waiting answer looks again whether the webhook is still congested, in nanoseconds. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** At most one log line about dropped answers this often, in nanoseconds. */
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** The Bot API call that answers a press (the real one is {@link TelegramApi#call}). */
    interface Calls {
        TelegramApi.Answer answer(AnswerCallbackQuery query) throws java.io.IOException;
    }

    /** A press to answer (its callback query id), and when it was handed over (a {@code nanoTime} reading). */
    private record Pending(String callbackQueryId, long handedOverAt) {
    }

    private final Calls calls;
    private final BooleanSupplier congested;
    private final LongSupplier nanoTime;
    private final long maxAgeNanos;
    private final BlockingQueue<Pending> pending;
    private final Counter failed;
    private final Counter stale;
    private final Counter full;
    /** Drops since the last log line about them, and when that line was (a {@code nanoTime} reading). */
    private final AtomicLong droppedSinceLog = new AtomicLong();
    private final AtomicLong lastLog;
    private final Thread thread;
    private volatile boolean stopping;

    @Inject
    TelegramCallbackAnswers(TelegramApi api, MeterRegistry metrics, AckPriority priority, TelegramConfig config) {
        this(api::call, metrics, priority::congested, System::nanoTime, config.pressAnswerMaxAge(), config.pressAnswerQueue());
    }

    /**
     * {@code congested}: whether the webhook is congested now; {@code nanoTime}: the clock the ages are read on;
     * {@code maxAge}: how long an answer may wait from its hand-over; {@code capacity}: how many may wait (at least 1).
     */
    TelegramCallbackAnswers(Calls calls, MeterRegistry metrics, BooleanSupplier congested, LongSupplier nanoTime,
            Duration maxAge, int capacity) {
        this.calls = calls;
        this.congested = congested;
        this.nanoTime = nanoTime;
        this.maxAgeNanos = Math.max(0, maxAge.toNanos());
        this.pending = new ArrayBlockingQueue<>(Math.max(1, capacity));
        this.failed = metrics.counter("ruangaman.telegram.callback_answers.failed");
        this.stale = metrics.counter("ruangaman.telegram.callback_answers.dropped", "reason", "stale");
        this.full = metrics.counter("ruangaman.telegram.callback_answers.dropped", "reason", "full");
        this.lastLog = new AtomicLong(nanoTime.getAsLong() - LOG_EVERY_NANOS);
        this.thread = new Thread(this::run, "telegram-callback-answers");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands over a stored press to answer ({@code callbackQueryId}: the Bot API's {@code callback_query.id}); never waits. */
    void answer(String callbackQueryId) {
        if (stopping || !pending.offer(new Pending(callbackQueryId, nanoTime.getAsLong()))) {
            dropped(full);
        }
    }

    private void run() {
        try {
            while (true) {
                Pending next = pending.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (stopping) {
                        return;
                    }
                    continue;
                }
                // At a stop the webhook is going away too: what is still fresh is answered at once.
                while (!stopping && congested.getAsBoolean() && age(next) < maxAgeNanos) {
                    LockSupport.parkNanos(Math.min(RECHECK_NANOS, maxAgeNanos - age(next)));
                    if (Thread.interrupted()) {
                        return;
                    }
                }
                if (age(next) >= maxAgeNanos) {
                    dropped(stale);
                } else {
                    call(next.callbackQueryId());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long age(Pending answer) {
        return nanoTime.getAsLong() - answer.handedOverAt();
    }

    private void call(String callbackQueryId) {
        try {
            TelegramApi.Answer answer = calls.answer(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
            if (!answer.ok()) {
                failed(answer.errorCode() == 0 ? "unreadable answer" : "Bot API " + answer.errorCode());
            }
        } catch (java.io.IOException | RuntimeException e) {
            failed(e.getClass().getSimpleName());
        }
    }

    /**
     * Only the spinner is affected; the answer to the person is in the outbox. Said at WARN, with the Bot API's error
     * code when there is one (never the query id, which names the press): a spinner that never stops is what the person
     * sees, and it must not go unnoticed (walkthrough 11, finding 2).
     */
    private void failed(String why) {
        failed.increment();
        LOG.warnf("answerCallbackQuery failed: %s", why);
    }

    /** Counts a dropped answer; says how many were dropped at most once a minute. */
    private void dropped(Counter reason) {
        reason.increment();
        droppedSinceLog.incrementAndGet();
        long now = nanoTime.getAsLong();
        long last = lastLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
            long count = droppedSinceLog.getAndSet(0);
            LOG.infof("%d button-press answer(s) dropped unsent while the webhook was congested or their queue full "
                    + "(only the press's spinner is affected; counted in ruangaman.telegram.callback_answers.dropped)",
                    count);
        }
    }

    /** Takes no more answers; those waiting are answered if still fresh (without waiting for the webhook), then the thread ends. */
    @PreDestroy
    void stop() {
        stopping = true;
    }

    /** Waits for the answers already handed over to finish after {@link #stop()} (tests). */
    boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        thread.join(Math.max(1, unit.toMillis(timeout)));
        return !thread.isAlive();
    }
}
