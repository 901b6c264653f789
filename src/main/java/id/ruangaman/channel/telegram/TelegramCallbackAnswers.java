package id.ruangaman.channel.telegram;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Answers every button press (answerCallbackQuery) once its step has committed, so the person's
 * button stops showing a progress indicator. The reply itself travels through the outbox; a press of a button that is
 * no longer current gets its short note here, as the answer's text (a notification over the chat, up to 200 characters).
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

    TelegramCallbackAnswers(TelegramApi api) {
        this.api = api;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TelegramInboundHandler.CallbackToAnswer callback) {
        executor.submit(() -> {
            try {
                api.client().execute(AnswerCallbackQuery.builder().callbackQueryId(callback.callbackQueryId())
                        .text(callback.text()).build());
            } catch (TelegramApiException e) {
                // Only the spinner is affected; the answer to the person is in the outbox.
                LOG.debugf("answerCallbackQuery failed: %s", e.getClass().getSimpleName());
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
