package id.ruangaman.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the fake messaging platforms once for the whole test run and points the service at them.
 * Registered globally (see {@link FakePlatformsTestResource}) so every test shares one application.
 */
public class FakePlatforms implements QuarkusTestResourceLifecycleManager {

    public static final String TELEGRAM_TOKEN = "123456:TEST-token-not-real";
    public static final String TELEGRAM_SECRET = "test-secret_0123";
    public static final String WHATSAPP_TOKEN = "test-wa-token";
    public static final String WHATSAPP_APP_SECRET = "test-app-secret";
    public static final String WHATSAPP_VERIFY_TOKEN = "test-verify-token";
    public static final String WHATSAPP_TEMPLATE = "ruang_aman_undangan";
    /** The counsellors' Telegram group that team notifications go to. */
    public static final long TEAM_CHAT = -100_777_000_111L;
    private static FakeTelegram telegram;
    private static FakeGraph graph;

    public static synchronized FakeGraph graph() {
        if (graph == null) {
            try {
                graph = new FakeGraph(WHATSAPP_TOKEN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    public static synchronized FakeTelegram telegram() {
        if (telegram == null) {
            try {
                telegram = new FakeTelegram();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return telegram;
    }

    @Override
    public Map<String, String> start() {
        return Map.ofEntries(
                Map.entry("whatsapp.access-token", WHATSAPP_TOKEN),
                Map.entry("whatsapp.app-secret", WHATSAPP_APP_SECRET),
                Map.entry("whatsapp.verify-token", WHATSAPP_VERIFY_TOKEN),
                Map.entry("whatsapp.phone-number-id", "100200300"),
                Map.entry("whatsapp.api-url", graph().apiUrl()),
                Map.entry("whatsapp.template-name", WHATSAPP_TEMPLATE),
                Map.entry("whatsapp.request-timeout", "3S"),
                // Intake tests send a whole conversation in seconds; pacing per person is tested on Telegram.
                Map.entry("whatsapp.per-user-burst", "200"),
                Map.entry("telegram.bot-token", TELEGRAM_TOKEN),
                Map.entry("telegram.webhook-secret", TELEGRAM_SECRET),
                Map.entry("telegram.api-url", telegram().baseUrl()),
                Map.entry("telegram.request-timeout", "3S"),
                Map.entry("ruangaman.team.telegram-chat-id", String.valueOf(TEAM_CHAT)),
                Map.entry("ruangaman.team.inbox-url", "https://inbox.example.test"),
                Map.entry("ruangaman.channels.poll-interval", "100ms"),
                Map.entry("ruangaman.channels.backoff-cap", "2S"));
    }

    @Override
    public void stop() {
        // kept for the whole JVM: later test classes reuse the same application and fakes
    }
}
