package id.ruangaman.channel.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import io.quarkus.runtime.StartupEvent;

/**
 * Registers the webhook with Telegram at start-up when {@code TELEGRAM_WEBHOOK_URL} is set: the URL,
 * the secret token, the update kinds we handle and the connection limit. Without that setting,
 * register once by hand (see README).
 */
@ApplicationScoped
class TelegramWebhookRegistration {

    private static final Logger LOG = Logger.getLogger(TelegramWebhookRegistration.class);

    private final TelegramConfig config;
    private final TelegramApi api;

    TelegramWebhookRegistration(TelegramConfig config, TelegramApi api) {
        this.config = config;
        this.api = api;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.botToken().filter(token -> !token.isBlank()).isPresent() && !config.enabled()) {
            LOG.warn("TELEGRAM_BOT_TOKEN is set but TELEGRAM_WEBHOOK_SECRET is not: the Telegram channel stays off");
        }
        if (!config.enabled() || config.webhookUrl().filter(url -> !url.isBlank()).isEmpty()) {
            return;
        }
        Thread thread = new Thread(this::register, "telegram-set-webhook");
        thread.setDaemon(true);
        thread.start();
    }

    boolean register() {
        SetWebhook request = SetWebhook.builder()
                .url(config.webhookUrl().orElseThrow())
                .secretToken(config.webhookSecret().orElseThrow())
                .allowedUpdates(config.allowedUpdates())
                .maxConnections(config.maxConnections())
                .build();
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                Boolean ok = api.client().execute(request);
                LOG.infof("Telegram webhook registered (ok=%s, allowed updates %s)", ok, config.allowedUpdates());
                return Boolean.TRUE.equals(ok);
            } catch (TelegramApiException e) {
                LOG.warnf("setWebhook attempt %d failed: %s", attempt, e.getClass().getSimpleName());
                try {
                    Thread.sleep(2000L * attempt);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        LOG.error("Telegram webhook could not be registered; updates will not arrive until it is");
        return false;
    }
}
