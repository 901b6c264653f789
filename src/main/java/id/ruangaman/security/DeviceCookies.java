package id.ruangaman.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import id.ruangaman.security.crypto.BlindIndex;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * Device cookies (OWASP Authentication Cheat Sheet, "device cookies"): at each successful login the browser gets a
 * cookie that says "this browser logged in to account N before". Its value is
 * {@code <account id>.<expiry, epoch seconds>.<nonce>.<tag>}, where the nonce is 16 random bytes (base64url) and the
 * tag is an HMAC-SHA256 of the other three under a key derived from the data key's key material for this purpose
 * only ({@link BlindIndex} with its own namespace, as {@link CsrfTokens} does), so nobody without the key can make
 * or alter one, and it survives a rotation of the data key (the blind-index key stays stable). A login that presents
 * a valid one for the account it names is counted and locked per cookie, not per account
 * ({@link LockingIdentityProvider}); anything else (no cookie, a forged or altered one, an expired one, one issued
 * to another account) is an untrusted client.
 *
 * <p>The cookie is named {@code ruangaman-device-<account id>} (two counsellors sharing a computer each keep
 * theirs), is sent only with the login form's post ({@code quarkus.http.auth.form.post-location}), and is HttpOnly,
 * SameSite=Strict and Secure whenever the form-login cookie is (an https request, directly or through a trusted
 * proxy). It holds no username, password or session.
 */
@ApplicationScoped
class DeviceCookies {

    static final String NAME_PREFIX = "ruangaman-device-";
    private static final String NAMESPACE = "device-cookie/v1";
    private static final int NONCE_BYTES = 16;
    /** What a cookie this class issued looks like; anything else is not read further. */
    private static final Pattern SHAPE = Pattern.compile("[0-9]{1,18}\\.[0-9]{1,12}\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A browser's valid device cookie: the account it was issued to, its nonce and its expiry. */
    record Device(long accountId, String nonce, Instant expiresAt) {

        /** How the nonce is stored ({@code device_login_failure.nonce_hash}): SHA-256. */
        byte[] nonceHash() {
            try {
                return MessageDigest.getInstance("SHA-256").digest(nonce.getBytes(StandardCharsets.US_ASCII));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final BlindIndex hmac;
    private final Duration lifetime;
    private final String path;

    @Inject
    DeviceCookies(BlindIndex hmac, SecurityConfig config,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String path) {
        this(hmac, config.deviceCookieLifetime(), path);
    }

    DeviceCookies(BlindIndex hmac, Duration lifetime, String path) {
        this.hmac = hmac;
        this.lifetime = lifetime;
        this.path = path;
    }

    /** The cookie's name for an account. */
    static String name(long accountId) {
        return NAME_PREFIX + accountId;
    }

    /**
     * The device a cookie value names, if it was issued by this service to {@code accountId} and has not expired at
     * {@code now}; empty for null, a malformed value, a wrong tag, another account's cookie or an expired one.
     */
    Optional<Device> verify(String value, long accountId, Instant now) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.");
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        byte[] expected = hmac.of(NAMESPACE, payload);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        long account = Long.parseLong(parts[0]);
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        if (account != accountId || !expires.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Device(account, parts[2], expires));
    }

    /** A new cookie value for {@code accountId}, valid for the configured lifetime from {@code now}. */
    String issue(long accountId, Instant now) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String payload = accountId + "." + now.plus(lifetime).getEpochSecond() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.of(NAMESPACE, payload));
    }

    /** The Set-Cookie for a value {@link #issue} made; {@code secure} as the form-login cookie is. */
    Cookie cookie(long accountId, String value, boolean secure) {
        return Cookie.cookie(name(accountId), value).setPath(path).setMaxAge(lifetime.toSeconds()).setHttpOnly(true)
                .setSecure(secure).setSameSite(CookieSameSite.STRICT);
    }
}
