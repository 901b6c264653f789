package id.ruangaman.channel.whatsapp;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The WhatsApp Cloud API channel. It is on only when token, app secret, verify token and phone number id are set. */
@ConfigMapping(prefix = "whatsapp")
public interface WhatsAppConfig {

    /** WHATSAPP_ACCESS_TOKEN: bearer token for the Graph API. */
    Optional<String> accessToken();

    /** WHATSAPP_APP_SECRET: signs webhook bodies (X-Hub-Signature-256). */
    Optional<String> appSecret();

    /** WHATSAPP_VERIFY_TOKEN: answered in the GET verification handshake. */
    Optional<String> verifyToken();

    /** WHATSAPP_PHONE_NUMBER_ID: the business number that sends. */
    Optional<String> phoneNumberId();

    /** WHATSAPP_API_URL: Graph API base including its version. */
    @WithDefault("https://graph.facebook.com/v21.0")
    String apiUrl();

    /** WHATSAPP_TEMPLATE_NAME: approved template inviting the person back when the 24-hour window is closed. */
    Optional<String> templateName();

    /** WHATSAPP_TEMPLATE_LANGUAGE: that template's language code. */
    @WithDefault("id")
    String templateLanguage();

    /** WHATSAPP_MAX_MEDIA_BYTES: largest upload accepted as evidence. */
    @WithDefault("20971520")
    long maxMediaBytes();

    /** WHATSAPP_MAX_PER_SECOND: messages per second for the number (Cloud API default 80). */
    @WithDefault("80")
    int maxPerSecond();

    /**
     * WHATSAPP_PER_USER_BURST within WHATSAPP_PER_USER_WINDOW: pacing per person. Meta limits a business-user
     * pair to about one message every 6 seconds with bursts of up to 45 (error 131056, which is retried).
     */
    @WithDefault("45")
    int perUserBurst();

    @WithDefault("270S")
    Duration perUserWindow();

    /** WHATSAPP_REQUEST_TIMEOUT for each Graph API call. */
    @WithDefault("15S")
    Duration requestTimeout();

    default boolean enabled() {
        return present(accessToken()) && present(appSecret()) && present(verifyToken()) && present(phoneNumberId());
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
