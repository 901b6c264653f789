package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import id.ruangaman.channel.WebhookRoute;
import io.quarkus.runtime.configuration.MemorySize;

class TelegramChannelOffTest {

    static TelegramConfig settings(String token, String secret) {
        return (TelegramConfig) Proxy.newProxyInstance(TelegramConfig.class.getClassLoader(), new Class<?>[] { TelegramConfig.class },
                (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    return switch (method.getName()) {
                        case "botToken" -> Optional.ofNullable(token);
                        case "webhookSecret" -> Optional.ofNullable(secret);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    @Test
    void shouldBeOffUnlessBothTokenAndSecretAreSet() {
        assertFalse(settings(null, null).enabled());
        assertFalse(settings("1:abc", null).enabled());
        assertFalse(settings("1:abc", " ").enabled());
        assertFalse(settings(null, "secret").enabled());
        assertTrue(settings("1:abc", "secret").enabled());
        assertEquals("1", settings("1:abc", "secret").botId());
    }

    @Test
    void shouldAnswer404WhenOff() {
        TelegramWebhookRoute route = new TelegramWebhookRoute(settings("1:abc", null), null, null, new MemorySize(java.math.BigInteger.valueOf(1 << 20)));
        WebhookRoute.Answer answer = route.receive("anything", "{\"update_id\":1}".getBytes(StandardCharsets.UTF_8))
                .toCompletableFuture().getNow(null);
        assertEquals(404, answer.status());
    }
}
