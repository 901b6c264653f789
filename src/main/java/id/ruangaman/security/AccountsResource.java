package id.ruangaman.security;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import id.ruangaman.web.InboxLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Coordinators manage accounts: create, deactivate/reactivate, reset passwords. */
@Path("/inbox/accounts")
@RolesAllowed(Role.COORDINATOR)
public class AccountsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Account> accounts);
    }

    private final AccountRepository accounts;
    private final AccountService service;
    private final CurrentAccount current;
    private final InboxLocale locale;

    AccountsResource(AccountRepository accounts, AccountService service, CurrentAccount current, InboxLocale locale) {
        this.accounts = accounts;
        this.service = service;
        this.current = current;
        this.locale = locale;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return locale.apply(Templates.list(accounts.allByName()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String role, @RestForm String password) {
        service.create(current.getUsername(), username == null ? null : username.trim(), role, password);
        return back();
    }

    @POST
    @Path("/{id}/active")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response active(@RestPath long id, @RestForm String active) {
        service.setActive(current.getUsername(), id, "true".equals(active));
        return back();
    }

    @POST
    @Path("/{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@RestPath long id, @RestForm String password) {
        service.resetPassword(current.getUsername(), id, password);
        return back();
    }

    private static Response back() {
        return Response.seeOther(URI.create("/inbox/accounts")).build();
    }
}
