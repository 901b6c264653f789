package id.ruangaman.security;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

import id.ruangaman.web.Refused;
import id.ruangaman.web.InboxLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /inbox/account}: one's own account. Change one's password (current password, new one twice; the
 * other sessions end) and "log out everywhere" (every session of the account ends, this one too). A refused
 * change redisplays the page with the reason (400).
 */
@Path("/inbox/account")
public class OwnAccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Account account, String error, int minLength);
    }

    private final AccountService service;
    private final CurrentAccount current;
    private final InboxLocale locale;
    private final SecurityConfig config;
    private final String cookieName;

    OwnAccountResource(AccountService service, CurrentAccount current, InboxLocale locale, SecurityConfig config,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.service = service;
        this.current = current;
        this.locale = locale;
        this.config = config;
        this.cookieName = cookieName;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return locale.apply(Templates.page(current.account(), null, config.minPasswordLength()));
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response changePassword(@RestForm("current_password") String currentPassword, @RestForm("new_password") String password,
            @RestForm("repeat_password") String repeated) {
        try {
            service.changeOwnPassword(current, currentPassword, password, repeated);
        } catch (Refused e) {
            if (e.status() != 400) {
                throw e;
            }
            String reason = e.getMessage() != null && e.getMessage().startsWith("password:") ? "password_policy" : e.getMessage();
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(locale.apply(Templates.page(current.account(), reason, config.minPasswordLength()))).build();
        }
        return Response.seeOther(URI.create("/inbox/account")).build();
    }

    @POST
    @Path("/sessions/end")
    public Response endAllSessions() {
        service.endAllSessions(current);
        NewCookie expired = new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
