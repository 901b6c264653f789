package id.ruangaman.web;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;

/**
 * What a person sees when something goes wrong. A refused form action (400/403/409) redisplays its page with
 * the reason ({@link Refusals}); any other exception nobody mapped becomes a friendly page (or, for a client
 * that does not ask for HTML, a short text) with a reference number that is also in the log, never a stack
 * trace. The log line holds the reference and the exception's class chain and frames, never its message,
 * which could quote what a person sent.
 */
class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The short reason of a refused NUL character; also the message {@link Refusals} words for a person. */
    static final String UNUSABLE_CHARACTER = "text holds a character that cannot be used";
    /** The short reason of a form body whose percent-encoding cannot be decoded (RFC 3986 section 2.1). */
    static final String MALFORMED_FORM = "form body is not valid percent-encoding";

    private final Template error;
    private final RefusalPage page;

    ErrorPages(@Location("error.html") Template error, RefusalPage page) {
        this.error = error;
        this.page = page;
    }

    @ServerExceptionMapper(WebApplicationException.class)
    Response refused(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        Response formPage = formPage(status, request);
        if (formPage != null) {
            return formPage;
        }
        Response redisplay = redisplay(status, e.getMessage(), "", request);
        if (redisplay == null && RefusalPage.applies(request, status)) {
            return page.render(status, e.getMessage(), request);
        }
        return redisplay != null ? redisplay : e.getResponse();
    }

    /** A service's refusal: answered as a JAX-RS refusal with the same status and message would be. */
    @ServerExceptionMapper(Refused.class)
    Response refused(Refused e, HttpServerRequest request) {
        Response redisplay = redisplay(e.status(), e.getMessage(), e.query(), request);
        if (redisplay == null && RefusalPage.applies(request, e.status())) {
            return page.render(e, request);
        }
        return redisplay != null ? redisplay : Response.status(e.status()).build();
    }

    /**
     * A form's address opened by a browser with GET (405: the address takes posts only): Back or a reload to a page that
     * was the answer to a post (inbox.js keeps such a page in the history as its address, {@link PostedAnswer}), a
     * bookmark, a new tab. Answered with 303 to the page the form is on ({@link Refusals#landingOf}: the inbox or the login
     * page for the language switches and logging out), never an error page;
     * nothing is acted on, and that page checks who may open it. Other clients keep the plain 405.
     */
    private static Response formPage(int status, HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (status != 405 || !"GET".equals(request.method().name()) || accept == null || !accept.contains("text/html")) {
            return null;
        }
        String page = Refusals.landingOf(request.path());
        return page == null ? null : Response.seeOther(java.net.URI.create(page)).build();
    }

    private static Response redisplay(int status, String message, String more, HttpServerRequest request) {
        if (Refusals.redisplay(request.method().name(), request.path(), request.getHeader(HttpHeaders.ACCEPT),
                request.getHeader(HttpHeaders.CONTENT_TYPE), status)) {
            return Refusals.redirect(request.path(), Refusals.reasonKeys(message, status), more);
        }
        return null;
    }

    @ServerExceptionMapper(Exception.class)
    Response unexpected(Exception e, HttpServerRequest request, ContainerRequestContext context) {
        if (e instanceof WebApplicationException w) {
            return refused(w, request);
        }
        if (e instanceof Refused r) {
            return refused(r, request);
        }
        if (clientWentAway(e)) {
            // The browser closed the page or cancelled the post (the live-event stream, a form sent twice): nobody is
            // there to read an answer. The class names only, no stack trace.
            LOG.debugf("Client closed the connection during %s: %s", request.method().name(), classNames(e));
            context.setProperty(SubmittedOnce.CLIENT_GONE, Boolean.TRUE); // the action failed with it: a retry must act
            return Response.noContent().build();
        }
        if (unusableCharacter(e)) {
            // A NUL (U+0000, "%00") in an address, a filter or a form: bad input, refused as such, never a 500.
            return refused(new WebApplicationException(UNUSABLE_CHARACTER,
                    Response.status(400).type(MediaType.TEXT_PLAIN_TYPE).entity(UNUSABLE_CHARACTER).build()), request);
        }
        if (malformedEncoding(e)) {
            // A form body with a broken escape ("%zz", a lone "%"): a script's post, never a browser's. Bad input.
            return refused(new WebApplicationException(MALFORMED_FORM,
                    Response.status(400).type(MediaType.TEXT_PLAIN_TYPE).entity(MALFORMED_FORM).build()), request);
        }
        String reference = "ERR-" + HexFormat.of().withUpperCase().formatHex(bytes());
        LOG.errorf("Unexpected error %s on %s: %s", reference, request.method().name(), chain(e));
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            String html = error.data("reference", reference).data("reason", null).setLocale(InboxLocale.of(request)).render();
            return Response.serverError().type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
        }
        return Response.serverError().type(MediaType.TEXT_PLAIN_TYPE).entity("internal error, reference " + reference).build();
    }

    /**
     * Whether the request failed because a text it brought holds a character PostgreSQL's text cannot take: SQLState
     * 22021 (character_not_in_repertoire), which the JDBC driver raises for a NUL (U+0000) in a parameter. Only the
     * request's own input can carry one there (what the service stores encrypted is bytes), so it is the client's bad
     * input: a hand-edited address ({@code /inbox/cases/%00}), a filter, a script's form.
     */
    static boolean unusableCharacter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the request failed because Quarkus REST could not percent-decode what the client sent: its
     * {@code URLUtils.decode} raises a bare {@link IllegalArgumentException} ("Failed to decode URL ...") for an
     * {@code application/x-www-form-urlencoded} body holding "%zz" or a "%" cut short (RFC 3986 section 2.1; the
     * HTML standard's urlencoded parser). A browser always encodes its forms, so only a script's or a hand-made
     * post carries one: the client's bad input, not a fault of the service.
     */
    static boolean malformedEncoding(Throwable e) {
        if (!(e instanceof IllegalArgumentException)) {
            return false;
        }
        StackTraceElement[] frames = e.getStackTrace();
        return frames.length > 0 && "org.jboss.resteasy.reactive.common.util.URLUtils".equals(frames[0].getClassName());
    }

    private static byte[] bytes() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return b;
    }

    /**
     * The client went away: a closed or reset connection anywhere in the cause chain, not a fault of the service.
     * What Quarkus REST and Vert.x raise when a browser cancels a request (a form post aborted by a second click, a
     * page closed while its body was read or its answer written): {@link java.nio.channels.ClosedChannelException}
     * (Netty's stackless one too), Vert.x's {@code HttpClosedException} and {@code StreamResetException}, a
     * {@code VertxException} "Connection was closed", and an {@link java.io.IOException} "Connection reset by peer" or
     * "Broken pipe" (Netty's native transport). A chain that passes through a {@link java.sql.SQLException} is the
     * database's connection, not the client's: never this.
     */
    static boolean clientWentAway(Throwable e) {
        boolean gone = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                return false;
            }
            gone |= closedByClient(t);
        }
        return gone;
    }

    private static boolean closedByClient(Throwable t) {
        if (t instanceof java.nio.channels.ClosedChannelException || t instanceof io.vertx.core.http.HttpClosedException
                || t instanceof io.vertx.core.http.StreamResetException) {
            return true;
        }
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (t instanceof io.vertx.core.VertxException) {
            return message.contains("connection was closed");
        }
        return t instanceof java.io.IOException && (message.contains("connection reset") || message.contains("broken pipe"));
    }

    private static String classNames(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(t == e ? "" : " < ").append(t.getClass().getSimpleName());
        }
        return out.toString();
    }

    /** Class names and frames of the cause chain, without messages. */
    static String chain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(t == e ? "" : "\n  caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 12); i++) {
                out.append("\n    at ").append(frames[i]);
            }
        }
        return out.toString();
    }
}
