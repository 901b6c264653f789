package id.ruangaman.inbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where and when the counsellors' team is told about new intakes and nearing deadlines. */
@ConfigMapping(prefix = "ruangaman.team")
public interface TeamConfig {

    /** RUANGAMAN_TEAM_TELEGRAM_CHAT_ID: the team's Telegram group chat id (the bot must be a member). Blank = off. */
    Optional<String> telegramChatId();

    /**
     * RUANGAMAN_TEAM_INBOX_URL: the inbox's public base URL, for links in notifications. Not set (or blank): this
     * service on localhost at the port it listens on ({@code http://localhost:<QUARKUS_HTTP_PORT>}).
     */
    Optional<String> inboxUrl();

    /** RUANGAMAN_TEAM_DEADLINE_WARNING: warn this long before an unanswered case's first-response deadline. */
    @WithDefault("12H")
    Duration deadlineWarning();

    /** RUANGAMAN_TEAM_CHECK_EVERY: how often nearing deadlines are looked for. */
    @WithDefault("15M")
    Duration checkEvery();
}
