package id.ruangaman.security;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
    @jakarta.inject.Inject
    AccountService accounts;

    LoginResource(CurrentAccount current, AuditLog audit, InboxLocale locale,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.current = current;
        this.audit = audit;
        this.locale = locale;
        this.cookieName = cookieName;
    }

    @GET
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@RestQuery String error) {
        return locale.apply(Templates.login(error != null));
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
