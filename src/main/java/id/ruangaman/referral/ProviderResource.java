package id.ruangaman.referral;

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

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.web.InboxLocale;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The provider directory for coordinators: list, add, edit, deactivate. A counsellor gets 403 (audited). */
@Path("/inbox/providers")
@RolesAllowed(Role.COORDINATOR)
public class ProviderResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Provider> providers, Provider blank, List<String> services);

        static native TemplateInstance edit(Provider provider, List<String> services);
    }

    private final ProviderAdmin admin;
    private final CurrentAccount current;
    private final InboxLocale locale;
    private final AuditLog audit;

    ProviderResource(ProviderAdmin admin, CurrentAccount current, InboxLocale locale, AuditLog audit) {
        this.admin = admin;
        this.current = current;
        this.locale = locale;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        audit.record(current.getUsername(), AuditAction.REFERRAL_VIEW, null, "providers");
        Provider blank = new Provider();
        blank.cost = "free";
        return locale.apply(Templates.list(admin.all(), blank, ReferralService.SERVICES));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String key, @RestForm String name, @RestForm("service") List<String> service,
            @RestForm String region, @RestForm String city, @RestForm String address, @RestForm String contact,
            @RestForm String hours, @RestForm String languages, @RestForm String accessibility, @RestForm String cost,
            @RestForm String minors) {
        admin.create(new ProviderAdmin.Form(key, name, service, region, city, address, contact, hours, languages,
                accessibility, cost, "yes".equals(minors)), current.getUsername());
        return Response.seeOther(URI.create("/inbox/providers")).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance edit(@RestPath String id) {
        return locale.apply(Templates.edit(admin.get(ReferralService.parseId(id)), ReferralService.SERVICES));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestPath String id, @RestForm String name, @RestForm("service") List<String> service,
            @RestForm String region, @RestForm String city, @RestForm String address, @RestForm String contact,
            @RestForm String hours, @RestForm String languages, @RestForm String accessibility, @RestForm String cost,
            @RestForm String minors) {
        admin.update(ReferralService.parseId(id), new ProviderAdmin.Form(null, name, service, region, city, address, contact,
                hours, languages, accessibility, cost, "yes".equals(minors)), current.getUsername());
        return Response.seeOther(URI.create("/inbox/providers")).build();
    }

    @POST
    @Path("/{id}/active")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response active(@RestPath String id, @RestForm String active) {
        admin.setActive(ReferralService.parseId(id), "true".equals(active), current.getUsername());
        return Response.seeOther(URI.create("/inbox/providers")).build();
    }
}
