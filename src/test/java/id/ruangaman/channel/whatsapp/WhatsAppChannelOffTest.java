package id.ruangaman.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

class WhatsAppChannelOffTest {

    static WhatsAppConfig settings(Map<String, String> values) {
        return (WhatsAppConfig) Proxy.newProxyInstance(WhatsAppConfig.class.getClassLoader(), new Class<?>[] { WhatsAppConfig.class },
                (proxy, method, args) -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args)
                        : Optional.ofNullable(values.get(method.getName())));
    }

    private static final Map<String, String> ALL = Map.of("accessToken", "t", "appSecret", "s", "verifyToken", "v",
            "phoneNumberId", "1");

    @Test
    void shouldBeOnOnlyWithAllFourCredentials() {
        assertTrue(settings(ALL).enabled());
        for (String missing : ALL.keySet()) {
            Map<String, String> values = new java.util.HashMap<>(ALL);
            values.remove(missing);
            assertFalse(settings(values).enabled(), "on without " + missing);
        }
    }

    @Test
    void shouldAnswer404OnBothWebhookMethodsWhenOff() {
        WhatsAppWebhookResource resource = new WhatsAppWebhookResource(settings(Map.of()), null, null, null, new MemorySize(java.math.BigInteger.valueOf(1 << 20)));
        assertEquals(404, resource.verify("subscribe", "v", "1").getStatus());
        assertEquals(404, resource.receive("sha256=00", "{}".getBytes()).toCompletableFuture().getNow(null).status());
    }
}
