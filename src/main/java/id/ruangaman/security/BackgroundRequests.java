package id.ruangaman.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;

/**
 * Requests an open inbox page makes by itself, which nobody clicked: its live-event stream ({@code Accept:
 * text/event-stream}, the browser's EventSource, also when it follows a redirect) and its live refreshes (inbox.js marks
 * them {@value SessionIdentityProvider#BACKGROUND_HEADER}{@code : 1}).
 *
 * <p>Such a request never decides where the next login returns to. The form login remembers the address of every request
 * it sends to the login page in its location cookie ({@code quarkus.http.auth.form.location-cookie}), the last one
 * winning. When a session has ended, the page's stream reconnects within seconds; before, if that reconnect was answered
 * after the counsellor's own post (a reply typed while the session ran out), the login returned to the stream's address
 * or, through its redirect to the login page, to the case list, and the reply kept in the tab for the page it was typed
 * on was dropped unread. Now the cookie is taken off the answer to a background request before its headers are written,
 * so the address the person asked for stays.
 */
@ApplicationScoped
class BackgroundRequests {

    /**
     * Before the authentication and the path permissions ({@code SecurityHandlerPriorities.AUTHENTICATION}, 200), which
     * answer a request without a session with the redirect to the login page; a filter after them never sees that answer.
     */
    static final int PRIORITY = 250;

    private final String locationCookie;

    BackgroundRequests(
            @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location") String locationCookie) {
        this.locationCookie = locationCookie;
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (is(context.request())) {
                // run before the response's cookies are written (Vert.x writes them after the headers-end handlers)
                context.addHeadersEndHandler(ignored -> context.response().removeCookie(locationCookie, false));
            }
            context.next();
        }, PRIORITY);
    }

    /** Whether the page made this request by itself: a live stream or a live refresh. */
    static boolean is(HttpServerRequest request) {
        String accept = request.getHeader("Accept");
        return "1".equals(request.getHeader(SessionIdentityProvider.BACKGROUND_HEADER))
                || accept != null && accept.contains("text/event-stream");
    }
}
