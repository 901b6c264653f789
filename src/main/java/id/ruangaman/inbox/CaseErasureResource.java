package id.ruangaman.inbox;

import id.ruangaman.web.InboxLocale;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import id.ruangaman.security.CurrentAccount;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code GET /inbox/cases/{ref}/erase}: a coordinator's confirmation page; {@code POST} with a reason erases the
 * reporter (see {@link CaseErasure}) and returns to the case, now a shell. A missing reason redisplays the page.
 */
@Path("/inbox/cases/{ref}/erase")
public class CaseErasureResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(CaseFile file, List<String> reasons, boolean missingReason);
    }

    private final CaseErasure erasure;
    private final CurrentAccount current;
    private final InboxLocale locale;

    CaseErasureResource(CaseErasure erasure, CurrentAccount current, InboxLocale locale) {
        this.erasure = erasure;
        this.current = current;
        this.locale = locale;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirm(@RestPath String ref) {
        return locale.apply(Templates.confirm(erasure.check(ref, current), CaseErasure.REASONS, false));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response erase(@RestPath String ref, @RestForm String reason) {
        if (reason == null || !CaseErasure.REASONS.contains(reason)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(locale.apply(Templates.confirm(erasure.check(ref, current), CaseErasure.REASONS, true))).build();
        }
        erasure.erase(ref, reason, current);
        return Response.seeOther(URI.create("/inbox/cases/" + ref)).build();
    }
}
