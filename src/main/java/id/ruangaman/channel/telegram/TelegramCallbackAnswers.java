package id.ruangaman.channel.telegram;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;

/**
 * Answers every button press (answerCallbackQuery) once its step has committed, so the person's
 * button stops showing a progress indicator. The reply itself travels through the outbox; a press of a button that is
 * no longer current gets its short note here, as the answer's text (a notification over the chat, up to 200 characters).
 * The call goes through {@link TelegramApi#call} on this class's own thread, as sendMessage does: the library's client
 * would hand it to OkHttp's asynchronous dispatcher and read the answer with its own mapper, which in the benchmark's
 * drain cost 14% of the service's CPU for one small call per press (issue 16, ninth round).
 */
@ApplicationScoped
class TelegramCallbackAnswers {

    private static final Logger LOG = Logger.getLogger(TelegramCallbackAnswers.class);

    private final TelegramApi api;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "telegram-callback-answers");
        thread.setDaemon(true);
        return thread;
    });

    private final io.micrometer.core.instrument.Counter failed;

    TelegramCallbackAnswers(TelegramApi api, io.micrometer.core.instrument.MeterRegistry metrics) {
        this.api = api;
        this.failed = metrics.counter("ruangaman.telegram.callback_answers.failed");
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TelegramInboundHandler.CallbackToAnswer callback) {
        executor.execute(() -> {
            try {
                TelegramApi.Answer answer = api.call(AnswerCallbackQuery.builder().callbackQueryId(callback.callbackQueryId())
                        .text(callback.text()).build());
                if (!answer.ok()) {
                    failed(answer.errorCode() == 0 ? "unreadable answer" : "Bot API " + answer.errorCode());
                }
            } catch (java.io.IOException | RuntimeException e) {
                failed(e.getClass().getSimpleName());
            }
        });
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

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** Waits for the answers already handed over to finish after {@link #stop()} (tests). */
    boolean awaitStopped(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
        return executor.awaitTermination(timeout, unit);
    }
}
