package id.ruangaman.referral;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
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

import id.ruangaman.inbox.AuditRowNames;
import id.ruangaman.inbox.InboxEventFeed;
import id.ruangaman.audit.AuditEvent;
import id.ruangaman.web.InboxLocale;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Referrals in the inbox (see CaseReferralResource for a case's referrals and the directory search): one referral's page (parts, consent,
 * lifecycle), the printable letter, and the coordinators' overview. POST → redirect → GET; every route checks access.
 */
@Path("/inbox/referrals")
@RolesAllowed({ Role.COUNSELLOR, Role.COORDINATOR })
public class ReferralResource {

    static final int MAX_QUERY = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance detail(ReferralService.Item item, List<String> parts, List<String> next,
                List<AuditEvent> history, Map<String, String> names, String afterEvent);

        static native TemplateInstance letter(ReferralLetter letter, Instant now);

        static native TemplateInstance overview(List<ReferralService.Item> items, Map<String, Long> byProvider, Instant now);
    }

    private final ReferralService referrals;
    private final ProviderRepository providers;
    private final CurrentAccount current;
    private final InboxLocale locale;
    private final Clock clock;

    private final InboxEventFeed feed;
    private final AuditRowNames auditNames;

    ReferralResource(ReferralService referrals, ProviderRepository providers, CurrentAccount current, InboxLocale locale,
            Clock clock, InboxEventFeed feed, AuditRowNames auditNames) {
        this.feed = feed;
        this.auditNames = auditNames;
        this.referrals = referrals;
        this.providers = providers;
        this.current = current;
        this.locale = locale;
        this.clock = clock;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@RestPath String id) {
        InboxEventFeed.Cursor after = feed.mark(); // before the case is read: the page follows its case live from here
        return page(referrals.view(ReferralService.parseId(id, "referral"), current), after);
    }

    /**
     * The referral's page read again by the open page when its case changes (inbox.js: the status, the consent record,
     * the steps and the history are taken from it, never a form being typed into): the survivor's answer in the chat or
     * a withdrawal shows without a reload. Same access as the page; not audited as a second view.
     */
    @GET
    @Path("/{id}/live")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance live(@RestPath String id) {
        InboxEventFeed.Cursor after = feed.mark();
        return page(referrals.reread(ReferralService.parseId(id, "referral"), current), after);
    }

    private TemplateInstance page(ReferralService.Item item, InboxEventFeed.Cursor after) {
        List<String> next = item.referral().state().manualNext().stream().map(ReferralStatus::code).toList();
        // The history names what its rows name as the audit log does: the survivor's consent message by its time, an
        // account by its username, never "Pesan #1751" (AuditRowNames); this referral's provider by name, not its id
        // (walkthrough 8: "Provider #1"), and the referral itself and its printed letter by its provider (walkthrough 9,
        // finding 14: not "Rujukan #1").
        List<AuditEvent> history = referrals.history(item);
        Map<String, String> names = new java.util.HashMap<>(auditNames.of(history));
        if (item.provider() != null) {
            names.putAll(Map.of("provider:" + item.provider().id, item.provider().name, "referral:" + item.referral().id,
                    item.provider().name, "referral_letter:" + item.referral().id, item.provider().name));
        }
        return locale.apply(Templates.detail(item, ReferralPart.CODES, next, history, names, after.toString()));
    }

    @POST
    @Path("/{id}/parts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeParts(@RestPath String id, @RestForm("part") List<String> part) {
        long referralId = ReferralService.parseId(id, "referral");
        referrals.changeParts(referralId, parts(part), current);
        return to(referralId);
    }

    @POST
    @Path("/{id}/ask")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@RestPath String id, @RestForm("acknowledge_unsafe") String acknowledged) {
        long referralId = ReferralService.parseId(id, "referral");
        referrals.askConsent(referralId, current, "yes".equals(acknowledged));
        return to(referralId);
    }

    @POST
    @Path("/{id}/guardian")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response guardian(@RestPath String id, @RestForm String reason) {
        long referralId = ReferralService.parseId(id, "referral");
        referrals.guardianConsent(referralId, reason, current);
        return to(referralId);
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@RestPath String id, @RestForm String status, @RestForm("acknowledge_unsafe") String acknowledged) {
        long referralId = ReferralService.parseId(id, "referral");
        referrals.changeStatus(referralId, status, current, "yes".equals(acknowledged));
        return to(referralId);
    }

    /**
     * The referral request letter (surat permohonan rujukan), A4, only the consented parts. Audited. In the provider's
     * language ({@link ReferralLetter#language()}) unless the print page chose another ({@code ?lang=id|en}).
     */
    @GET
    @Path("/{id}/letter")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance letter(@RestPath String id, @RestQuery String lang) {
        ReferralLetter letter = referrals.letter(ReferralService.parseId(id, "referral"), current);
        return locale.applyDocument(Templates.letter(letter, Instant.now(clock)), lang, letter.language());
    }

    /** Open referrals by provider and by age, for coordinators. */
    @GET
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

    static Response to(long id) {
        return Response.seeOther(URI.create("/inbox/referrals/" + id)).build();
    }
}
