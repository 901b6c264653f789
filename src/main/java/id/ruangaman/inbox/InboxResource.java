package id.ruangaman.inbox;

import id.ruangaman.web.InboxLocale;
import id.ruangaman.web.QueryCheck;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import id.ruangaman.transcript.Channel;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The case list: open cases, most urgent first, with filters. No narrative text. */
@Path("/inbox")
@RolesAllowed({ Role.COUNSELLOR, Role.COORDINATOR })
public class InboxResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<CaseRow> rows, CaseFilter filter, boolean hasNext, Instant now, InboxEventFeed.Cursor afterEvent,
                List<String> statuses, List<String> channels, List<String> roles, List<String> services, List<String> violenceTypes,
                QueryCheck check, String refTyped);
    }

    private final CaseListQuery query;
    private final InboxEventFeed feed;
    private final CurrentAccount current;
    private final InboxLocale locale;
    private final InboxConfig config;
    private final Clock clock;

    InboxResource(CaseListQuery query, InboxEventFeed feed, CurrentAccount current, InboxLocale locale, InboxConfig config,
            Clock clock) {
        this.query = query;
        this.feed = feed;
        this.current = current;
        this.locale = locale;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Leadership has no case list: it lands on its own page of concluded cases. A query value the list does not take
     * (an old bookmark, a hand-edited address) is left out, and the list is shown with the others and a reason next to
     * the filter form, answered 400 ({@link QueryCheck}); the reference typed stays in its field.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Role.COUNSELLOR, Role.COORDINATOR, Role.PIMPINAN })
    public Response list(@RestQuery String view, @RestQuery String status, @RestQuery String channel,
            @RestQuery String role, @RestQuery String service, @RestQuery String ref, @RestQuery String page,
            @RestQuery String violence, @RestQuery String urgent, @RestQuery String child, @RestQuery String danger) {
        if (current.isPimpinan()) {
            throw new RedirectionException(Response.Status.SEE_OTHER, URI.create("/inbox/pimpinan"));
        }
        QueryCheck check = new QueryCheck(locale.get());
        CaseFilter filter = CaseFilter.checked(check, view, status, channel, role, service, ref, page, violence, urgent, child, danger);
        Instant now = Instant.now(clock);
        InboxEventFeed.Cursor after = feed.mark();
        int size = config.pageSize();
        List<CaseRow> rows = QuarkusTransaction.requiringNew()
                .call(() -> query.page(filter, current.id(), current.isCoordinator(), now, size));
        boolean hasNext = rows.size() > size;
        String refTyped = check.refused("ref") ? QueryCheck.blank(ref) : filter.reference();
        return check.answer(locale.apply(Templates.list(hasNext ? rows.subList(0, size) : rows, filter, hasNext, now, after, CaseStatus.ALL,
                java.util.Arrays.stream(Channel.values()).map(Enum::name).toList(), CaseFilter.ROLES, CaseFilter.SERVICES,
                CaseFilter.VIOLENCE_TYPES, check, refTyped)));
    }

    /** Switches the inbox language (a cookie) and goes back to the page the form was on. */
    @POST
    @Path("/language")
    @RolesAllowed({ Role.COUNSELLOR, Role.COORDINATOR, Role.PIMPINAN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@RestForm String lang, @RestForm String back) {
        String target = back != null && back.startsWith("/inbox") && !back.startsWith("//") && back.length() < 500 ? back : "/inbox";
        return Response.seeOther(URI.create(target)).cookie(InboxLocale.cookie(lang)).build();
    }
}
