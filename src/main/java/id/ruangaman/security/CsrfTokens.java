package id.ruangaman.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import id.ruangaman.security.crypto.BlindIndex;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The CSRF token of the current request, for forms ({@code inject:csrf.token}, field {@value #FIELD}) and scripts
 * (header {@value #HEADER}). A token is an HMAC under a key derived from the data key, bound to the server-side
 * session of a logged-in account ({@link AccountSessions}), or, for anonymous pages such as the dev chat, to a
 * random HttpOnly cookie ({@value #COOKIE}). A client cannot choose a token: it does not hold the key. Checked by
 * {@link CsrfGuard} on every state-changing request.
 */
@RequestScoped
@Named("csrf")
public class CsrfTokens {

    public static final String FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";
    public static final String COOKIE = "ruangaman-csrf";
    static final String NEW_COOKIE = "ruangaman.csrf.new-cookie";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BlindIndex hmac;
    private final CurrentAccount current;
    private final RoutingContext routing;

    CsrfTokens(BlindIndex hmac, CurrentAccount current, RoutingContext routing) {
        this.hmac = hmac;
        this.current = current;
        this.routing = routing;
    }

    public String getParameterName() {
        return FIELD;
    }

    public String getHeaderName() {
        return HEADER;
    }

    /** The token for this request's session; for an anonymous visitor, a cookie is set with the response. */
    public String getToken() {
        String binding = binding();
        if (binding == null) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            String cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            routing.put(NEW_COOKIE, cookie);
            binding = "a:" + cookie;
        }
        return token(binding);
    }

    /** Whether the supplied token is this request's; false when there is nothing to bind to. */
    boolean valid(String supplied) {
        String binding = binding();
        return binding != null && supplied != null
                && MessageDigest.isEqual(token(binding).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        supplied.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private String binding() {
        String session = current.sessionId();
        if (session != null) {
            return "s:" + session;
        }
        Object fresh = routing.get(NEW_COOKIE);
        if (fresh != null) {
            return "a:" + fresh;
        }
        Cookie cookie = routing.request().getCookie(COOKIE);
        return cookie == null || cookie.getValue().length() < 40 ? null : "a:" + cookie.getValue();
    }

    private String token(String binding) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.of("csrf-token", binding));
    }
}
