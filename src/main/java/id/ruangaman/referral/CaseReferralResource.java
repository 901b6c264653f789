package id.ruangaman.referral;

import java.util.ArrayList;
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
import org.jboss.resteasy.reactive.RestQuery;

import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.InboxEventFeed;
import id.ruangaman.web.QueryCheck;
import id.ruangaman.web.InboxLocale;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A case's referrals, the directory search (services asked for pre-selected) and drafting a referral. */
@Path("/inbox/cases/{ref}/referrals")
@RolesAllowed({ Role.COUNSELLOR, Role.COORDINATOR })
public class CaseReferralResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forCase(CaseFile file, List<ReferralService.Item> items, List<String> services,
                List<String> selected, List<String> regions, String region, String q, List<Provider> results,
                List<String> parts, QueryCheck check, String afterEvent);
    }

    private final ReferralService referrals;
    private final CurrentAccount current;
    private final InboxLocale locale;

    private final InboxEventFeed feed;

    CaseReferralResource(ReferralService referrals, CurrentAccount current, InboxLocale locale, InboxEventFeed feed) {
        this.feed = feed;
        this.referrals = referrals;
        this.current = current;
        this.locale = locale;
    }

    /**
     * The case's referrals and the directory search; without a search yet, the services asked for are selected. A search
     * value it cannot use (a service code it does not know, a region or text over 100 characters) is left out of the
     * search and said next to the search form, answered 400, with the text typed still in its field ({@link QueryCheck}).
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response forCase(@RestPath String ref, @RestQuery("service") List<String> service,
            @RestQuery String region, @RestQuery String q, @RestQuery String search) {
        InboxEventFeed.Cursor after = feed.mark(); // before the case is read: the page follows its case live from here
        List<ReferralService.Item> items = referrals.ofCase(ref, current);
        CaseFile file = items.isEmpty() ? null : items.get(0).file();
        if (file == null) {
            file = referrals.caseFile(ref, current);
        }
        QueryCheck check = new QueryCheck(locale.get());
        List<String> selected = new ArrayList<>();
        if (search == null) {
            if (file.services != null) {
                for (String code : file.services.split(",")) {
                    if (ReferralService.SERVICES.contains(code.trim())) {
                        selected.add(code.trim());
                    }
                }
            }
        } else {
            for (String code : service == null ? List.<String>of() : service) {
                String known = check.oneOf("service", code, ReferralService.SERVICES);
                if (known != null && !selected.contains(known)) {
                    selected.add(known);
                }
            }
        }
        String regionUsed = check.text("region", region, ReferralResource.MAX_QUERY);
        String qUsed = check.text("q", q, ReferralResource.MAX_QUERY);
        List<Provider> results = referrals.search(selected, regionUsed, qUsed);
        return check.answer(locale.apply(Templates.forCase(file, items, ReferralService.SERVICES, selected, referrals.regions(),
                region, q, results, ReferralPart.CODES, check, after.toString())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draft(@RestPath String ref, @RestForm String provider, @RestForm String service,
            @RestForm("part") List<String> part) {
        Referral referral = referrals.draft(ref, provider, service, ReferralResource.parts(part), current);
        return ReferralResource.to(referral.id);
    }

}
