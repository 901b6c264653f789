package id.ruangaman.casework;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
import id.ruangaman.web.TextTooLong;
import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.InboxEventFeed;
import id.ruangaman.inbox.StepRefused;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Leadership's pages ({@code /inbox/pimpinan}): the concluded cases, and for each its conclusion, recommendation and
 * decision. Pimpinan records the decision here. Coordinators may read these pages; nothing else of a case is here.
 */
@Path("/inbox/pimpinan")
@RolesAllowed({ Role.PIMPINAN, Role.COORDINATOR })
public class LeadershipResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<LeadershipService.Item> items);

        static native TemplateInstance detail(LeadershipService.Item item, Map<String, String> values, String refusal, String afterEvent);

        static native TemplateInstance standing(CaseFile file);
    }

    private final LeadershipService leadership;
    private final CurrentAccount current;
    private final InboxLocale locale;
    private final InboxEventFeed feed;

    LeadershipResource(LeadershipService leadership, CurrentAccount current, InboxLocale locale, InboxEventFeed feed) {
        this.leadership = leadership;
        this.current = current;
        this.locale = locale;
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return locale.apply(Templates.list(leadership.list(current)));
    }

    @GET
    @Path("/{ref}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@RestPath String ref) {
        return detail(ref, Map.of(), null);
    }

    /**
     * Where the case stands ({@code #case-standing}: open, closed, or deleted by the person), and nothing else, for the
     * live refresh of its open leadership page: on an event of the case the page asks this and, when the person erased
     * their data, shows only what is left (inbox.js, pageGone). Refused as the page is (403, 404).
     */
    @GET
    @Path("/{ref}/standing")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance standing(@RestPath String ref) {
        return Templates.standing(leadership.standing(ref, current));
    }

    /** The case's leadership page, following its case live from before it was read ({@link InboxEventFeed#mark}). */
    private TemplateInstance detail(String ref, Map<String, String> values, String refusal) {
        InboxEventFeed.Cursor after = feed.mark();
        return locale.apply(Templates.detail(leadership.view(ref, current), values, refusal, after.toString()));
    }

    @POST
    @Path("/{ref}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.PIMPINAN)
    public Response decide(@RestPath String ref, @RestForm("decision_number") String number, @RestForm("decided_on") String decidedOn,
            @RestForm("sanction_measure") String measure, @RestForm("good_name_restored") String goodName,
            @RestForm("recovery_until") String recoveryUntil, @RestForm("decision_text") String text,
            @RestForm("heavier_reason") String heavierReason) {
        try {
            leadership.decide(ref, number, decidedOn, measure, "yes".equals(goodName), recoveryUntil, text, heavierReason, current);
        } catch (FormRefused | StepRefused | TextTooLong e) {
            if (e instanceof TextTooLong t) {
                locale.refusedText(t);
            }
            String code = e instanceof FormRefused f ? f.code() : e instanceof StepRefused s ? s.code() : "too_long";
            Map<String, String> values = CaseworkResource.form("decision_number", number, "decided_on", decidedOn, "sanction_measure",
                    measure, "recovery_until", recoveryUntil, "decision_text", text, "heavier_reason", heavierReason);
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(detail(ref, values, code)).build();
        }
        return Response.seeOther(URI.create("/inbox/pimpinan/" + ref)).build();
    }

    /**
     * Corrects the recorded decision ({@link LeadershipService#correct}): the decision form's fields, {@code correction_reason}
     * and {@code seen} (the version the page showed). Refused: the page again (400/409) with the reason beside the
     * correction form, which stays open with what was typed.
     */
    @POST
    @Path("/{ref}/decision/correction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.PIMPINAN)
    public Response correct(@RestPath String ref, @RestForm("decision_number") String number, @RestForm("decided_on") String decidedOn,
            @RestForm("sanction_measure") String measure, @RestForm("good_name_restored") String goodName,
            @RestForm("recovery_until") String recoveryUntil, @RestForm("decision_text") String text,
            @RestForm("heavier_reason") String heavierReason, @RestForm("correction_reason") String reason,
            @RestForm(FormVersions.FIELD) String seen) {
        try {
            leadership.correct(ref, number, decidedOn, measure, "yes".equals(goodName), recoveryUntil, text, heavierReason, reason, seen,
                    current);
        } catch (FormRefused | StepRefused | TextTooLong e) {
            if (e instanceof TextTooLong t) {
                locale.refusedText(t);
            }
            String code = e instanceof FormRefused f ? f.code() : e instanceof StepRefused s ? s.code() : "too_long";
            Map<String, String> values = CaseworkResource.form("correcting", "yes", "decision_number", number, "decided_on", decidedOn,
                    "sanction_measure", measure, "good_name_restored", goodName, "recovery_until", recoveryUntil, "decision_text", text,
                    "heavier_reason", heavierReason, "correction_reason", reason);
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(detail(ref, values, code)).build();
        }
        return Response.seeOther(URI.create("/inbox/pimpinan/" + ref)).build();
    }
}
