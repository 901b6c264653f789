package id.ruangaman.channel.telegram;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.ruangaman.channel.inbound.InboundStore;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Long polling for trying the real bot from a laptop (TELEGRAM_POLLING=true, dev and test modes only): removes the
 * webhook, then asks getUpdates for the next updates and stores each exactly as the webhook would (same row, same
 * de-duplication by update id), so the rest of the path is unchanged. The offset only advances past an update once
 * it is stored: a database that cannot take it means the same updates are asked for again. A button press has no
 * webhook answer to ride on here, so once stored it is answered by a call of answerCallbackQuery, without text, on
 * this thread (a failed answer only leaves the spinner running: said at WARN, never retried, polling goes on).
 * Bot API: https://core.telegram.org/bots/api#getupdates (an update is kept by Telegram for 24 hours).
 */
@ApplicationScoped
class TelegramPolling {

    private static final Logger LOG = Logger.getLogger(TelegramPolling.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramConfig config;
    private final TelegramApi api;
    private final TelegramArrivals arrivals;
    private final InboundStore store;
    private volatile boolean running;
    private Thread thread;

    TelegramPolling(TelegramConfig config, TelegramApi api, TelegramArrivals arrivals, InboundStore store) {
        this.config = config;
        this.api = api;
        this.arrivals = arrivals;
        this.store = store;
    }

    /** Whether this instance polls: asked for, the channel on, and not in production. */
    boolean active() {
        return config.polling() && config.enabled() && LaunchMode.current() != LaunchMode.NORMAL;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.polling() && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("TELEGRAM_POLLING is ignored in production: Telegram updates arrive by webhook only");
        }
        if (!active()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "telegram-polling");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        long offset = 0;
        boolean webhookRemoved = false;
        int pollSeconds = (int) Math.max(1, Math.min(25, config.requestTimeout().toSeconds() - 5));
        while (running) {
            try {
                if (!webhookRemoved) {
                    api.client().execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
                    webhookRemoved = true;
                    LOG.info("Telegram: polling for updates (dev mode); the webhook is removed");
                }
                List<Update> updates = api.client().execute(GetUpdates.builder().offset((int) offset).limit(100)
                        .timeout(pollSeconds).allowedUpdates(config.allowedUpdates()).build());
                for (Update update : updates) {
                    if (update.getUpdateId() == null) {
                        continue;
                    }
                    byte[] body = JSON.writeValueAsBytes(update);
                    TelegramUpdateTree.Read read = read(body);
                    if (read != null) {
                        store.store(List.of(arrivals.of(read, body)));
                        if (read.callbackQueryId() != null) {
                            answerPress(read.callbackQueryId());
                        }
                    }
                    offset = Math.max(offset, update.getUpdateId() + 1L);
                }
            } catch (TelegramApiException | RuntimeException | java.io.IOException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Telegram polling failed (%s); trying again in 5 s", e.getClass().getSimpleName());
                pause(5000);
            }
        }
    }

    /** Stops a stored press's spinner (Bot API #answercallbackquery); the failure's kind only, never the query id. */
    private void answerPress(String callbackQueryId) {
        try {
            TelegramApi.Answer answer = api.call(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
            if (!answer.ok()) {
                LOG.warnf("answerCallbackQuery failed: Bot API %d", answer.errorCode());
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf("answerCallbackQuery failed (%s)", e.getClass().getSimpleName());
        }
    }

    /** The update as the webhook reads it; null (skipped) for one the library wrote in a shape it cannot have. */
    private static TelegramUpdateTree.Read read(byte[] body) throws java.io.IOException {
        try {
            return TelegramUpdateTree.read(JSON.readTree(body));
        } catch (TelegramUpdateTree.Malformed e) {
            return null;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
