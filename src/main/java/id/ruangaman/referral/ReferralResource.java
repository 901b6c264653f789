package id.ruangaman.referral;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
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
import id.ruangaman.inbox.InboxLocale;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Referrals in the inbox: a case's referrals with the directory search, one referral's page (parts, consent,
 * lifecycle), the printable letter, and the coordinators' overview. POST → redirect → GET; every route checks access.
 */
@Path("/inbox")
@RolesAllowed({ Role.COUNSELLOR, Role.COORDINATOR })
public class ReferralResource {

    static final int MAX_QUERY = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forCase(CaseFile file, List<ReferralService.Item> items, List<String> services,
                List<String> selected, List<String> regions, String region, String q, List<Provider> results,
                List<String> parts);

        static native TemplateInstance detail(ReferralService.Item item, List<String> parts, List<String> next);

        static native TemplateInstance letter(ReferralLetter letter, Instant now);

        static native TemplateInstance overview(List<ReferralService.Item> items, Map<String, Long> byProvider, Instant now);
    }

    private final ReferralService referrals;
    private final ProviderRepository providers;
    private final CurrentAccount current;
    private final InboxLocale locale;
    private final Clock clock;

    ReferralResource(ReferralService referrals, ProviderRepository providers, CurrentAccount current, InboxLocale locale,
            Clock clock) {
        this.referrals = referrals;
        this.providers = providers;
        this.current = current;
        this.locale = locale;
        this.clock = clock;
    }

    /** The case's referrals and the directory search; without a search yet, the services asked for are selected. */
    @GET
    @Path("/cases/{ref}/referrals")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance forCase(@RestPath String ref, @RestQuery("service") List<String> service,
            @RestQuery String region, @RestQuery String q, @RestQuery String search) {
        List<ReferralService.Item> items = referrals.ofCase(ref, current);
        CaseFile file = items.isEmpty() ? null : items.get(0).file();
        if (file == null) {
            file = referrals.caseFile(ref, current);
        }
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
                if (!ReferralService.SERVICES.contains(code)) {
                    throw new BadRequestException("unknown service");
                }
                selected.add(code);
            }
        }
        if ((region != null && region.length() > MAX_QUERY) || (q != null && q.length() > MAX_QUERY)) {
            throw new BadRequestException("search too long");
        }
        List<Provider> results = referrals.search(selected, region, q);
        return locale.apply(Templates.forCase(file, items, ReferralService.SERVICES, selected, referrals.regions(),
                region, q, results, ReferralPart.CODES));
    }

    @POST
    @Path("/cases/{ref}/referrals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draft(@RestPath String ref, @RestForm String provider, @RestForm String service,
            @RestForm("part") List<String> part) {
        Referral referral = referrals.draft(ref, provider, service, parts(part), current);
        return to(referral.id);
    }

    @GET
    @Path("/referrals/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@RestPath String id) {
        ReferralService.Item item = referrals.view(ReferralService.parseId(id), current);
        List<String> next = item.referral().state().manualNext().stream().map(ReferralStatus::code).toList();
        return locale.apply(Templates.detail(item, ReferralPart.CODES, next));
    }

    @POST
    @Path("/referrals/{id}/parts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeParts(@RestPath String id, @RestForm("part") List<String> part) {
        long referralId = ReferralService.parseId(id);
        referrals.changeParts(referralId, parts(part), current);
        return to(referralId);
    }

    @POST
    @Path("/referrals/{id}/ask")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@RestPath String id) {
        long referralId = ReferralService.parseId(id);
        referrals.askConsent(referralId, current);
        return to(referralId);
    }

    @POST
    @Path("/referrals/{id}/guardian")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response guardian(@RestPath String id, @RestForm String reason) {
        long referralId = ReferralService.parseId(id);
        referrals.guardianConsent(referralId, reason, current);
        return to(referralId);
    }

    @POST
    @Path("/referrals/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@RestPath String id, @RestForm String status) {
        long referralId = ReferralService.parseId(id);
        referrals.changeStatus(referralId, status, current);
        return to(referralId);
    }

    /** The referral request letter (surat permohonan rujukan), A4, only the consented parts. Audited. */
    @GET
    @Path("/referrals/{id}/letter")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance letter(@RestPath String id) {
        ReferralLetter letter = referrals.letter(ReferralService.parseId(id), current);
        return locale.apply(Templates.letter(letter, Instant.now(clock)));
    }

    /** Open referrals by provider and by age, for coordinators. */
    @GET
    @Path("/referrals")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.COORDINATOR)
    public TemplateInstance overview() {
        List<ReferralService.Item> items = referrals.overview(current);
        Map<String, Long> byProvider = new LinkedHashMap<>();
        items.stream().map(i -> i.provider().name).sorted().forEach(name -> byProvider.merge(name, 1L, Long::sum));
        return locale.apply(Templates.overview(items, byProvider, Instant.now(clock)));
    }

    static Set<ReferralPart> parts(List<String> codes) {
        Set<ReferralPart> parts = EnumSet.noneOf(ReferralPart.class);
        for (String code : codes == null ? List.<String>of() : codes) {
            ReferralPart part = ReferralPart.parse(code);
            if (part == null) {
                throw new BadRequestException("unknown part");
            }
            parts.add(part);
        }
        return parts;
    }

    private static Response to(long id) {
        return Response.seeOther(URI.create("/inbox/referrals/" + id)).build();
    }
}
