package id.ruangaman.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.crypto.BlindIndex;
import id.ruangaman.security.crypto.KeyRing;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/** The device cookie's value: what verifies, and that anything altered, expired, foreign or malformed does not. */
class DeviceCookiesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private final DeviceCookies cookies = new DeviceCookies(index(), Duration.ofDays(90), "/j_security_check");

    @Test
    void shouldVerifyItsOwnCookieForTheAccountUntilItExpires() {
        String value = cookies.issue(7, NOW);
        DeviceCookies.Device device = cookies.verify(value, 7, NOW.plus(Duration.ofDays(89))).orElseThrow();
        assertEquals(7, device.accountId());
        assertEquals(NOW.plus(Duration.ofDays(90)), device.expiresAt());
        assertArrayEquals(device.nonceHash(), cookies.verify(value, 7, NOW).orElseThrow().nonceHash());
        assertTrue(cookies.verify(value, 7, NOW.plus(Duration.ofDays(90))).isEmpty(), "expired at its expiry");
        assertTrue(cookies.verify(value, 8, NOW).isEmpty(), "another account's cookie");
    }

    @Test
    void shouldRefuseAlteredForeignAndMalformedValues() {
        String value = cookies.issue(7, NOW);
        String[] parts = value.split("\\.");
        String tag = parts[3];
        String flipped = (tag.charAt(0) == 'A' ? "B" : "A") + tag.substring(1);
        List<String> refused = List.of(
                parts[0] + "." + parts[1] + "." + parts[2] + "." + flipped,
                "8." + parts[1] + "." + parts[2] + "." + tag,
                parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2] + "." + tag,
                new DeviceCookies(index(), Duration.ofDays(90), "/j_security_check").issue(7, NOW),
                value + ".", value.substring(1), "", "7", "x".repeat(4096));
        for (String r : refused) {
            assertTrue(cookies.verify(r, 7, NOW).isEmpty(), "refused: #" + refused.indexOf(r));
        }
        assertTrue(cookies.verify(null, 7, NOW).isEmpty());
    }

    @Test
    void shouldSetAnHttpOnlyStrictCookieForTheLoginFormOnly() {
        Cookie cookie = cookies.cookie(7, cookies.issue(7, NOW), true);
        assertEquals("ruangaman-device-7", cookie.getName());
        assertEquals("/j_security_check", cookie.getPath());
        assertTrue(cookie.isHttpOnly());
        assertTrue(cookie.isSecure());
        assertEquals(CookieSameSite.STRICT, cookie.getSameSite());
        assertEquals(Duration.ofDays(90).toSeconds(), cookie.getMaxAge());
    }

    private static BlindIndex index() {
        SecureRandom random = new SecureRandom();
        byte[] data = new byte[32];
        byte[] index = new byte[32];
        random.nextBytes(data);
        random.nextBytes(index);
        return new BlindIndex(KeyRing.of(data, List.of(), index));
    }
}
