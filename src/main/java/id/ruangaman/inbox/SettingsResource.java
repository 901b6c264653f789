package id.ruangaman.inbox;

import id.ruangaman.web.InboxLocale;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import id.ruangaman.security.Account;
import id.ruangaman.security.AccountRepository;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** One's own inbox settings: evidence photos and videos blurred until clicked (the default) or shown as they are. */
@Path("/inbox/settings")
@RolesAllowed({ Role.COUNSELLOR, Role.COORDINATOR })
public class SettingsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Account account);
    }

    private final CurrentAccount current;
    private final AccountRepository accounts;
    private final InboxLocale locale;

    SettingsResource(CurrentAccount current, AccountRepository accounts, InboxLocale locale) {
        this.current = current;
        this.accounts = accounts;
        this.locale = locale;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance settings() {
        return locale.apply(Templates.settings(current.account()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response save(@RestForm("show_media_unblurred") String unblurred) {
        Account account = accounts.findById(current.id());
        account.showMediaUnblurred = "yes".equals(unblurred);
        return Response.seeOther(URI.create("/inbox/settings")).build();
    }
}
