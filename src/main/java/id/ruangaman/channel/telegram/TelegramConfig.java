package id.ruangaman.channel.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Telegram channel. It is on only when both the bot token and the webhook secret are set. */
@ConfigMapping(prefix = "telegram")
public interface TelegramConfig {

    /** TELEGRAM_BOT_TOKEN from @BotFather. */
    Optional<String> botToken();

    /** TELEGRAM_WEBHOOK_SECRET, echoed by Telegram in X-Telegram-Bot-Api-Secret-Token. */
    Optional<String> webhookSecret();

    /** TELEGRAM_API_URL: scheme, host and port of the Bot API (a local Bot API server or a test fake). */
    @WithDefault("https://api.telegram.org")
    String apiUrl();

    /** TELEGRAM_WEBHOOK_URL: when set, the webhook is registered with Telegram (setWebhook) at start-up. */
    Optional<String> webhookUrl();

    /**
     * TELEGRAM_POLLING: fetch updates with getUpdates (long polling) instead of receiving the webhook, so the real bot
     * can be tried from a laptop without a public HTTPS address. Dev and test modes only; ignored in production,
     * where the webhook is the only way in. Polling removes a registered webhook first (Telegram allows one or the other).
     */
    @WithDefault("false")
    boolean polling();

    /** TELEGRAM_MAX_CONNECTIONS for setWebhook (1-100). */
    @WithDefault("40")
    int maxConnections();

    /** TELEGRAM_ALLOWED_UPDATES for setWebhook. */
    @WithDefault("message,edited_message,callback_query")
    List<String> allowedUpdates();

    /** TELEGRAM_MAX_MEDIA_BYTES: largest upload accepted (the Bot API serves files up to 20 MB). */
    @WithDefault("20971520")
    long maxMediaBytes();

    /**
     * TELEGRAM_MAX_PER_SECOND: Bot API calls of the outbox per second over all chats (Telegram allows about 30 messages
     * a second): each message, and each edit or deletion (old buttons taken off after a report, the quick exit).
     */
    @WithDefault("30")
    int maxPerSecond();

    /** TELEGRAM_PER_CHAT_BURST and TELEGRAM_PER_CHAT_WINDOW: about one message a second per chat, small bursts. */
    @WithDefault("3")
    int perChatBurst();

    @WithDefault("3S")
    Duration perChatWindow();

    /** TELEGRAM_REQUEST_TIMEOUT for each Bot API call. */
    @WithDefault("15S")
    Duration requestTimeout();

    default boolean enabled() {
        return botToken().filter(token -> !token.isBlank()).isPresent()
                && webhookSecret().filter(secret -> !secret.isBlank()).isPresent();
    }

    /** The bot's numeric id, the part of the token before the colon; public, used to key updates per bot. */
    default String botId() {
        String token = botToken().orElse("");
        int colon = token.indexOf(':');
        return colon > 0 ? token.substring(0, colon) : "bot";
    }
}
