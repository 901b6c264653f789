package id.ruangaman.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * A refusal a person reaches by a link or a bookmark (a browser's GET of an inbox page: a page their role may not
 * open, a case they may not see, the letter of a withdrawn referral) is shown as the inbox's error page
 * ({@code error.html} in the layout) with one line saying why and a way back, in the reader's language, with the
 * refusal's status (400, 403, 404 or 409). Every other client (scripts, the live-event stream, media, webhooks)
 * keeps the short plain status. The reason is {@link Refusals#reasonKey}'s key, worded by {@code msg:refused}.
 */
@ApplicationScoped
public class RefusalPage {

    private final Template error;
    private final InboxLocale locale;

    RefusalPage(@Location("error.html") Template error, InboxLocale locale) {
        this.error = error;
        this.locale = locale;
    }

    /** As {@link #render(int, String, HttpServerRequest)}; a text refused as too long says its length and the limit. */
    public Response render(Refused refusal, HttpServerRequest request) {
        if (refusal instanceof TextTooLong t) {
            locale.refusedText(t);
        }
        return render(refusal.status(), refusal.getMessage(), request);
    }

    /**
     * Whether a refusal of this request is answered with the page: a browser's GET (or HEAD) under /inbox, and a browser's
     * form post there that has no form page to be shown again on ({@link Refusals#redisplay} takes the others): its
     * address names nothing (404: an id that is not a number, {@code /inbox/accounts/abc/active}, or one nothing has), or
     * its id is not one a page is at ({@code /inbox/referrals/abc/status}).
     */
    public static boolean applies(HttpServerRequest request, int status) {
        String method = request.method().name();
        String accept = request.getHeader("Accept");
        boolean refusal = status == 400 || status == 403 || status == 404 || status == 409;
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        boolean postWithoutPage = "POST".equals(method) && (status == 404 || Refusals.pageOf(request.path()) == null);
        return refusal && (read || postWithoutPage) && request.path().startsWith("/inbox") && accept != null
                && accept.contains("text/html");
    }

    /** The page for a refusal with this status and exception message; call on the request's own thread. */
    public Response render(int status, String message, HttpServerRequest request) {
        String key = Refusals.reasonKey(message, status);
        if ("forbidden".equals(key)) {
            key = "page_forbidden";
        } else if (status == 404 && "refused".equals(key)) {
            // a phrase no refusal uses: the framework's 404 for an id that is no number; said as what the address names
            String named = message != null && message.toLowerCase(Locale.ROOT).startsWith("no such") ? null : Refusals.notFoundKey(request.path());
            key = named == null ? "not_found" : named;
        }
        Locale locale = InboxLocale.of(request);
        TemplateInstance page = error.data("reference", null).data("reason", key);
        page.setAttribute(TemplateInstance.LOCALE, locale);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
