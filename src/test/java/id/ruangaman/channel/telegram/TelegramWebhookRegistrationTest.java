package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.FakeTelegram;

/** The documented start-up registration calls setWebhook with the secret, update kinds and connection limit. */
class TelegramWebhookRegistrationTest {

    @Test
    void shouldRegisterTheWebhookWithSecretAllowedUpdatesAndMaxConnections() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram()) {
            TelegramConfig config = (TelegramConfig) Proxy.newProxyInstance(TelegramConfig.class.getClassLoader(),
                    new Class<?>[] { TelegramConfig.class }, (proxy, method, args) -> {
                        if (method.isDefault()) {
                            return InvocationHandler.invokeDefault(proxy, method, args);
                        }
                        return switch (method.getName()) {
                            case "botToken" -> Optional.of("42:registration-test");
                            case "webhookSecret" -> Optional.of("registration_secret");
                            case "webhookUrl" -> Optional.of("https://ruangaman.example.test/webhooks/telegram");
                            case "apiUrl" -> telegram.baseUrl();
                            case "allowedUpdates" -> List.of("message", "edited_message", "callback_query");
                            case "maxConnections" -> 40;
                            case "requestTimeout" -> Duration.ofSeconds(5);
                            default -> throw new UnsupportedOperationException(method.getName());
                        };
                    });
            assertTrue(new TelegramWebhookRegistration(config, new TelegramApi(config, 8)).register());
            List<FakeTelegram.Call> calls = telegram.calls("setWebhook");
            assertEquals(1, calls.size());
            String request = calls.get(0).body().toString();
            for (String expected : List.of("https://ruangaman.example.test/webhooks/telegram", "registration_secret",
                    "callback_query", "edited_message", "40")) {
                assertTrue(request.contains(expected), "setWebhook lacks " + expected + ": " + request);
            }
        }
    }
}
