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
import id.ruangaman.web.TextTooLong;
import id.ruangaman.web.Refused;
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
        static native TemplateInstance list(List<Provider> providers, Provider blank, List<String> services, String minors,
                String refused);

        static native TemplateInstance edit(Provider provider, List<String> services, String minors, String refused);
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
        audit.record(current.getUsername(), AuditAction.PROVIDER_VIEW, null, null); // the directory, not a referral (walkthrough 10, F14)
        // Cost and "accepts children" start unchosen: the coordinator states them (walkthrough 9, finding 21).
        return locale.apply(Templates.list(admin.all(), new Provider(), ReferralService.SERVICES, null, null));
    }

    /**
     * Which field a refused provider form got wrong, from the refusal's fixed phrase (ProviderAdmin, ProviderDirectory):
     * key, exists, name, services, where, cost, minors, too_long; "refused" for anything else.
     */
    static String reason(Refused e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("invalid stable id")) {
            return "key";
        } else if (m.contains("with this id exists")) {
            return "exists";
        } else if (m.contains("has no name")) {
            return "name";
        } else if (m.contains("services") || m.contains("unknown service")) {
            return "services";
        } else if (m.contains("region and a city")) {
            return "where";
        } else if (m.contains("needs cost")) {
            return "cost";
        } else if (m.contains("accepts minors")) {
            return "minors";
        } else if (m.contains("too long")) {
            return "too_long";
        }
        return "refused";
    }

    private static String minors(String typed) {
        return "yes".equals(typed) || "no".equals(typed) ? typed : null;
    }

    private static Boolean stated(String minors) {
        return "yes".equals(minors) ? Boolean.TRUE : "no".equals(minors) ? Boolean.FALSE : null;
    }

    private static boolean redisplayed(Refused e) {
        return e.status() == 400 || e.status() == 409;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String key, @RestForm String name, @RestForm("service") List<String> service,
            @RestForm String region, @RestForm String city, @RestForm String address, @RestForm String contact,
            @RestForm String hours, @RestForm String languages, @RestForm String accessibility, @RestForm String cost,
            @RestForm String minors) {
        ProviderAdmin.Form form = new ProviderAdmin.Form(key, name, service, region, city, address, contact, hours, languages,
                accessibility, cost, stated(minors));
        try {
            admin.create(form, current.getUsername());
        } catch (Refused e) {
            if (!redisplayed(e)) {
                throw e;
            }
            if (e instanceof TextTooLong t) {
                locale.refusedText(t); // the reason says the length and the limit
            }
            // The page again, with the reason beside the form and everything typed kept (GUIDE: a refused form action).
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(locale.apply(
                    Templates.list(admin.all(), form.typed(), ReferralService.SERVICES, minors(minors), reason(e)))).build();
        }
        return Response.seeOther(URI.create("/inbox/providers")).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance edit(@RestPath String id) {
        Provider provider = admin.get(ReferralService.parseId(id, "provider"));
        return locale.apply(Templates.edit(provider, ReferralService.SERVICES, provider.acceptsMinors ? "yes" : "no", null));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestPath String id, @RestForm String name, @RestForm("service") List<String> service,
            @RestForm String region, @RestForm String city, @RestForm String address, @RestForm String contact,
            @RestForm String hours, @RestForm String languages, @RestForm String accessibility, @RestForm String cost,
            @RestForm String minors) {
        long providerId = ReferralService.parseId(id, "provider");
        ProviderAdmin.Form form = new ProviderAdmin.Form(null, name, service, region, city, address, contact, hours, languages,
                accessibility, cost, stated(minors));
        try {
            admin.update(providerId, form, current.getUsername());
        } catch (Refused e) {
            if (!redisplayed(e)) {
                throw e;
            }
            if (e instanceof TextTooLong t) {
                locale.refusedText(t); // the reason says the length and the limit
            }
            Provider stored = admin.get(providerId);
            Provider typed = form.typed();
            typed.id = stored.id;
            typed.key = stored.key;
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(locale.apply(
                    Templates.edit(typed, ReferralService.SERVICES, minors(minors), reason(e)))).build();
        }
        return Response.seeOther(URI.create("/inbox/providers")).build();
    }

    @POST
    @Path("/{id}/active")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response active(@RestPath String id, @RestForm String active) {
        admin.setActive(ReferralService.parseId(id, "provider"), "true".equals(active), current.getUsername());
        return Response.seeOther(URI.create("/inbox/providers")).build();
    }
}
