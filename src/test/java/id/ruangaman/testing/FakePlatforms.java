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
    private static FakeTelegram telegram;

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
        return Map.of(
                "telegram.bot-token", TELEGRAM_TOKEN,
                "telegram.webhook-secret", TELEGRAM_SECRET,
                "telegram.api-url", telegram().baseUrl(),
                "telegram.request-timeout", "3S",
                "ruangaman.channels.poll-interval", "100ms",
                "ruangaman.channels.backoff-cap", "2S");
    }

    @Override
    public void stop() {
        // kept for the whole JVM: later test classes reuse the same application and fakes
    }
}
