package id.ruangaman.security;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.web.InboxLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The login page (the form posts to Quarkus' j_security_check) and logout. */
@Path("/")
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error);
    }

    private final CurrentAccount current;
    private final AuditLog audit;
    private final InboxLocale locale;
    private final String cookieName;
    private final String locationCookie;
    private final String landingPage;
    @jakarta.inject.Inject
    AccountService accounts;

    LoginResource(CurrentAccount current, AuditLog audit, InboxLocale locale,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location") String locationCookie,
            @ConfigProperty(name = "quarkus.http.auth.form.landing-page") String landingPage) {
        this.current = current;
        this.audit = audit;
        this.locale = locale;
        this.cookieName = cookieName;
        this.locationCookie = locationCookie;
        this.landingPage = landingPage;
    }

    /**
     * The login form. A counsellor who is already logged in (a bookmark of this page, or the form login returning
     * here) is sent on to the case list (303 to the landing page). The form login remembers where a login started
     * in the location cookie; when that is this page itself (the page was opened with the cookie of a session that
     * had ended, so the form login sent the browser from here to here), the cookie is expired, so the login that
     * follows lands on the case list rather than on this form again. A deep link's location is kept.
     */
    @GET
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response login(@RestQuery String error, @Context HttpHeaders headers) {
        if (current.isLoggedIn()) {
            return Response.seeOther(URI.create(landingPage)).build();
        }
        // Rendered here, not by the response's writer: the language switch's CSRF token sets its cookie for an
        // anonymous visitor, and the response filter that adds it runs before a writer would render the page.
        Response.ResponseBuilder page = Response.ok(locale.apply(Templates.login(error != null)).render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        jakarta.ws.rs.core.Cookie location = headers.getCookies().get(locationCookie);
        if (location != null && pointsAtLogin(location.getValue())) {
            page.cookie(new NewCookie.Builder(locationCookie).value("").path("/").maxAge(0).httpOnly(true).build());
        }
        return page.build();
    }

    /**
     * The login page's language switch: the same cookie as the inbox's switch, then the login page again (303). The
     * username typed before the switch is put back by inbox.js (it never leaves the browser); CSRF-protected like
     * every form.
     */
    @POST
    @Path("login/language")
    @PermitAll
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@org.jboss.resteasy.reactive.RestForm String lang) {
        return Response.seeOther(URI.create("/login")).cookie(InboxLocale.cookie(lang)).build();
    }

    /** Whether a remembered location is the login page or the login form's target (either as a path or a URL). */
    static boolean pointsAtLogin(String location) {
        if (location == null) {
            return false;
        }
        String path;
        try {
            path = URI.create(location.trim()).getPath();
        } catch (IllegalArgumentException unreadable) {
            return true; // a location nobody can return to: forget it
        }
        return path != null && (path.equals("/login") || path.equals("/j_security_check"));
    }

    /** Ends the session: its row in account_session ends and the cookie is expired. CSRF-protected like every form. */
    @POST
    @Path("logout")
    @PermitAll
    public Response logout() {
        if (current.isLoggedIn()) {
            accounts.logout(current);
        }
        NewCookie expired = new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
