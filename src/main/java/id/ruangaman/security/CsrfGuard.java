package id.ruangaman.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import id.ruangaman.web.Refusals;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * Every state-changing request (any method but GET, HEAD, OPTIONS), whatever its content type and with or
 * without a body, must carry this session's CSRF token ({@link CsrfTokens}) in the form field or the header;
 * otherwise it gets 400 with a short reason (as the former double-submit filter answered) and nothing changes. The platforms' webhooks are exempt: they are
 * authenticated by signature or secret and carry no cookies.
 * <p>
 * A browser's inbox form posted from a page opened in an earlier session (the counsellor logged in again in another tab)
 * carries that session's token: it is shown its page again with the reason ({@code ?refused=form_expired}, as any
 * refused form, {@link Refusals}), so the inbox's script puts back what was typed, instead of a bare line of text.
 */
public class CsrfGuard {

    private static final Logger LOG = Logger.getLogger(CsrfGuard.class);
    /** The reason key of the refusal line ({@code refused=} in the msg bundles). */
    static final String FORM_EXPIRED = "form_expired";

    @Inject
    CsrfTokens tokens;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION + 10)
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || routing.normalizedPath().startsWith("/webhooks/")) {
            return null;
        }
        String supplied = request.getHeaderString(CsrfTokens.HEADER);
        if (supplied == null && isForm(request.getMediaType())) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(CsrfTokens.FIELD, true, false);
            supplied = field == null ? null : field.toString();
        }
        if (tokens.valid(supplied)) {
            return null;
        }
        String path = routing.normalizedPath();
        LOG.debugf("CSRF token %s on %s %s", supplied == null ? "missing" : "wrong", method, path);
        if (Refusals.redisplay(method, path, request.getHeaderString(HttpHeaders.ACCEPT),
                request.getHeaderString(HttpHeaders.CONTENT_TYPE), Response.Status.BAD_REQUEST.getStatusCode())) {
            return Refusals.redirect(path, FORM_EXPIRED);
        }
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN)
                .entity("Formulir kedaluwarsa atau tidak sah; muat ulang halaman. / The form expired or is not valid; reload the page.")
                .build();
    }

    /** Sets the anonymous binding cookie when a page rendered a token for a visitor without one. */
    @ServerResponseFilter
    public void cookie(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        Object fresh = routing.get(CsrfTokens.NEW_COOKIE);
        if (fresh != null) {
            Cookie cookie = Cookie.cookie(CsrfTokens.COOKIE, fresh.toString()).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL());
            response.getHeaders().add("Set-Cookie", cookie.encode());
        }
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
