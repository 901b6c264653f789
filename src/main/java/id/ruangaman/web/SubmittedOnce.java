package id.ruangaman.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.vertx.ext.web.RoutingContext;

/**
 * A form sent twice is done once. A form that carries its page's one-time token ({@link OnceTokens}, field
 * {@value #FIELD}) is claimed by its first post (a row keyed by a SHA-256 of the path, the token and the submitted
 * content, CSRF token and passwords aside) before the resource acts. A second post of the same form with the same content (a double
 * click on "Kirim", Enter pressed twice, the browser sending again on a slow network) waits until the first is done
 * (at most {@link #WAIT_MILLIS} ms) and is then answered with 303 to where the first was sent: the thread shows the
 * one message, no error page. A first post refused or failed (4xx, 5xx, or a redirect to the page with
 * {@code ?refused=}) releases its claim, so the same form sent again once what it needed is done acts; so does a post
 * whose client went away while it acted ({@link ErrorPages}' 204: the action failed with it, and the browser's retry must
 * act). A first post whose browser closes the connection once the claim is made (Chromium cancels the first post of a
 * double click) is carried through to its end and settled as any other ({@link #carryThroughAClose}); one closed as it
 * was claimed is released and does nothing. A second post still waiting when the first has not finished after
 * {@link #WAIT_MILLIS} ms is sent to the page its form is on, derived from the post's path ({@link Refusals#pageOf}; the
 * Referer is never sent, the inbox's {@code Referrer-Policy} is {@code no-referrer}). A form changed before it is sent
 * again (other text) is a new post.
 * Forms without the field (the reveal, whose answer is its page; scripts) are not affected.
 */
public class SubmittedOnce {

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,64}");

    public static final String FIELD = "once";
    static final long WAIT_MILLIS = 15_000;
    private static final String CLAIMED = "ruangaman.once.claimed";
    /** Request property set by {@link ErrorPages} when the client went away during the action: the claim is released. */
    static final String CLIENT_GONE = "ruangaman.once.client-gone";
    private static final Logger LOG = Logger.getLogger(SubmittedOnce.class);

    private final Submissions submissions;

    SubmittedOnce(Submissions submissions) {
        this.submissions = submissions;
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION + 20)
    @WithFormRead
    public Response claim(ResteasyReactiveContainerRequestContext request, RoutingContext routing) throws SQLException, InterruptedException {
        if (!"POST".equals(request.getMethod()) || !io.quarkus.runtime.BlockingOperationControl.isBlockingAllowed()) {
            return null; // the inbox's form endpoints are blocking: this runs on their worker thread, never on an event loop
        }
        FormData form = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData();
        FormValue token = form == null ? null : form.getFirst(FIELD);
        if (token == null || token.isFileItem() || token.getValue() == null || !TOKEN.matcher(token.getValue()).matches()) {
            return null;
        }
        byte[] key = key(routing.normalizedPath(), form);
        carryThroughAClose(routing);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            Submissions.Claim claim = submissions.claim(key);
            if (claim != null && claim.claimed()) {
                if (routing.response().closed()) {
                    // Closed before the close was ours to answer: its remaining steps may already be dropped. Nothing
                    // was done, so the claim is released and a second post of the form acts.
                    submissions.release(key);
                    LOG.debugf("A form's connection closed as it was claimed on %s: released", routing.normalizedPath());
                    return Response.noContent().build();
                }
                routing.put(CLAIMED, key);
                return null;
            }
            if (claim != null && (claim.done() || System.currentTimeMillis() > deadline)) {
                LOG.debugf("A form sent again on %s: answered as the first post (%s)", routing.normalizedPath(),
                        claim.done() ? "done" : "still acting");
                String location = claim.done() && claim.location() != null ? claim.location()
                        : samePage(routing.normalizedPath(), routing.request().getHeader("Referer"));
                return Response.seeOther(URI.create(location)).build();
            }
            Thread.sleep(100);
        }
    }

    /**
     * Makes a post carry on when its browser closes the connection: the action a claim stands for runs to its end and
     * {@link #settle} records it, so a second post of the form is answered as the first was. Since 3.31.1 Quarkus REST
     * drops a request's remaining steps (resource, response filters) when its connection closes
     * (quarkusio/quarkus#50990, through the response's close handler); a claim left by a dropped post would be neither
     * acted on nor released, and the second post, after its wait, would be answered as done while nothing was done (the
     * counsellor's reply lost). Vert.x keeps one close handler a response ({@code HttpServerResponse#closeHandler}
     * sets it): this one takes its place. A close before it is set is seen by {@code closed()} once the claim is made.
     */
    private static void carryThroughAClose(RoutingContext routing) {
        String path = routing.normalizedPath();
        routing.response().closeHandler(closed -> LOG.debugf("A form's connection closed on %s: its post is carried through", path));
    }

    @ServerResponseFilter
    public void settle(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) throws SQLException {
        byte[] key = routing.get(CLAIMED);
        if (key == null) {
            return;
        }
        routing.remove(CLAIMED);
        URI location = response.getLocation();
        boolean refused = location != null && location.getRawQuery() != null && location.getRawQuery().contains("refused=");
        boolean gone = request.getProperty(CLIENT_GONE) != null;
        if (response.getStatus() < 400 && !refused && !gone) {
            submissions.done(key, location == null ? null : local(location));
        } else { // refused (also as a redirect to the page with its reason), failed, or cut off with its client: nothing was done
            submissions.release(key);
        }
    }

    /**
     * The page a form posted to {@code path} is on ({@link Refusals#pageOf}: {@code /inbox/cases/RA-X/notes} is on
     * {@code /inbox/cases/RA-X}); else the Referer, when it is a page of this service; else the inbox.
     */
    static String samePage(String path, String referer) {
        String page = path == null ? null : Refusals.pageOf(path);
        if (page != null) {
            return page;
        }
        if (referer != null) {
            try {
                String local = local(URI.create(referer));
                if (local != null) {
                    return local;
                }
            } catch (IllegalArgumentException unreadable) {
                // fall through
            }
        }
        return "/inbox";
    }

    /** A location's path, query and fragment, when the path is this service's inbox; else null. */
    private static String local(URI location) {
        String path = location.getRawPath();
        if (path == null || !path.startsWith("/inbox") || path.startsWith("//")) {
            return null;
        }
        return path + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery())
                + (location.getRawFragment() == null ? "" : "#" + location.getRawFragment());
    }

    static byte[] key(String path, FormData form) {
        List<String> names = new ArrayList<>();
        form.forEach(names::add);
        names.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, path);
            for (String name : names) {
                if ("csrf-token".equals(name) || name.contains("password")) {
                    continue; // the CSRF token is the session's, not what was sent; a password is never hashed into a kept key
                }
                for (FormValue value : form.get(name)) {
                    update(digest, name);
                    update(digest, value.isFileItem() ? "file:" + value.getFileName() + ":" + value.getFileItem().getFileSize()
                            : value.getValue());
                }
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException(e.getClass().getSimpleName());
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (bytes.length >>> 24));
        digest.update((byte) (bytes.length >>> 16));
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
    }
}
