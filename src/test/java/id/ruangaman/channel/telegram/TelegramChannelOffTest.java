package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.Response;

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
        TelegramWebhookResource resource = new TelegramWebhookResource(settings("1:abc", null), null, null);
        Response response = resource.receive("anything", "{\"update_id\":1}".getBytes(StandardCharsets.UTF_8))
                .toCompletableFuture().getNow(null);
        assertEquals(404, response.getStatus());
    }
}
