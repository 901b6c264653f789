package id.ruangaman.web;

import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Sets and clears {@link SavedNotice}'s cookie. A form post under {@code /inbox} answered with 303 to an inbox page,
 * not to its page with {@code ?refused=}, saved: the answer carries the cookie (also the answer to the same form
 * sent twice, {@link SubmittedOnce}: the browser shows the second answer). The page it names, when shown, clears it.
 */
class SavedCookie {

    private final SavedNotice notice;

    SavedCookie(SavedNotice notice) {
        this.notice = notice;
    }

    @ServerResponseFilter
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if ("POST".equals(request.getMethod())) {
            URI location = response.getStatus() == 303 ? response.getLocation() : null;
            String key = location == null ? null : SavedNotice.keyFor(path);
            if (key != null && notice.chosen() != null) {
                key = notice.chosen();
            }
            if (key == null || (location.getRawQuery() != null && location.getRawQuery().contains("refused="))) {
                return;
            }
            String page = location.getRawPath();
            if (page == null || location.getHost() != null && !location.getHost().equals(request.getUriInfo().getBaseUri().getHost())
                    || SavedNotice.pageOf(SavedNotice.value(key, page)) == null) {
                return;
            }
            response.getHeaders().add(HttpHeaders.SET_COOKIE, header(SavedNotice.value(key, page), SavedNotice.MAX_AGE_SECONDS));
        } else if ("GET".equals(request.getMethod())) {
            Cookie cookie = request.getCookies().get(SavedNotice.COOKIE);
            if (cookie != null && path.equals(SavedNotice.pageOf(cookie.getValue())) && response.getStatus() < 300) {
                response.getHeaders().add(HttpHeaders.SET_COOKIE, header("", 0)); // said once: a reload does not repeat it
            }
        }
    }

    private static String header(String value, int maxAge) {
        return SavedNotice.COOKIE + "=" + value + "; Path=/inbox; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict";
    }
}
