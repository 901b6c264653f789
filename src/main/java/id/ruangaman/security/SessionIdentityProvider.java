package id.ruangaman.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a valid session cookie back into an identity, on every request. The cookie's principal is
 * {@code username:sessionId} ({@link AccountSessions}); the session must still be open in the database and the
 * account active, so logout, a password change or reset, deactivation and "log out everywhere" take effect on the
 * next request rather than when the cookie expires. A request counts as a user action (restarting the idle
 * timeout) unless it is the page's background work: the live-event stream, or a request marked
 * {@value #BACKGROUND_HEADER} by inbox.js.
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    /** Header inbox.js sends on refreshes it makes by itself. */
    public static final String BACKGROUND_HEADER = "X-Ruangaman-Background";

    private final AccountRepository accounts;
    private final AccountSessions sessions;
    private final String cookieName;
    private final String typedSecret;

    /**
     * Set on the answer to a form posted from a session its account's deactivation ended: the account's typed key
     * ({@link CurrentAccount#getTypedKey}), for the login page only and for two minutes. The post is refused (the login
     * page, where inbox.js says why and shows the text it sealed before sending, opened with this key, to be copied; it
     * is neither saved nor sent). The key opens only what that account sealed in this tab, which this browser held in its
     * form a moment before; the account cannot log in, so the text has no other way back.
     */
    static final String DEACTIVATED_COOKIE = "ruangaman-deactivated";

    SessionIdentityProvider(AccountRepository accounts, AccountSessions sessions,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
            @ConfigProperty(name = SessionKeyConfigSource.PROPERTY) String sessionKey) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookieName = cookieName;
        this.typedSecret = sessionKey;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String principal = request.getPrincipal();
        String username = AccountSessions.username(principal);
        String sessionId = AccountSessions.sessionId(principal);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        boolean userAction = routing == null || !(routing.request().path().startsWith("/inbox/events")
                || routing.request().getHeader(BACKGROUND_HEADER) != null);
        return context.runBlocking(() -> {
            if (sessionId == null) {
                throw ended(routing); // a cookie from before server-side sessions: log in again
            }
            String role = QuarkusTransaction.requiringNew().call(() -> sessions.check(username, sessionId, userAction)
                    ? accounts.findByUsername(username).filter(a -> a.active).map(a -> a.role).orElse(null) : null);
            if (role == null) {
                if (routing != null && "POST".equals(routing.request().method().name()) && !routing.response().headWritten()
                        && QuarkusTransaction.requiringNew().call(() -> sessions.endedByDeactivation(username, sessionId))) {
                    routing.response().headers().add("Set-Cookie", DEACTIVATED_COOKIE + "=" + CurrentAccount.typedKey(typedSecret, username)
                            + "; Path=/login; Max-Age=120; SameSite=Strict" + (routing.request().isSSL() ? "; Secure" : ""));
                }
                throw ended(routing);
            }
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principal)).addRole(role).build();
        });
    }

    /**
     * The session behind the cookie has ended (logout elsewhere, password change, deactivation, idle timeout): the
     * answer, a redirect to the login page, also expires the cookie. Otherwise the login page itself would present
     * the dead cookie again, fail again and redirect to itself, and the browser would never reach the form.
     *
     * <p>Not on a page's own background request (its live stream reconnecting, a live refresh: {@link BackgroundRequests}),
     * which never shows the login page: the cookie stays until the person's next click or form post, so a reply posted
     * after a deactivation is still known as the deactivated account's and answered as such (the text shown to copy).
     * Before, an open page's live stream reconnected within seconds of the deactivation and expired the cookie, and the
     * reply posted after it was answered as a plain ended session.
     */
    private AuthenticationFailedException ended(RoutingContext routing) {
        if (routing != null && !routing.response().headWritten() && !BackgroundRequests.is(routing.request())) {
            routing.response().headers().add("Set-Cookie", cookieName + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        }
        return new AuthenticationFailedException();
    }
}
