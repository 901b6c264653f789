package id.ruangaman.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import id.ruangaman.inbox.InboxEventFeed;
import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.CaseStatus;
import id.ruangaman.inbox.CaseView;
import id.ruangaman.inbox.CaseViews;
import id.ruangaman.inbox.VerificationComponent;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import id.ruangaman.web.InboxLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The verified report (laporan terverifikasi, SOP Pemeriksaan/Verifikasi) as an A4 page, at the case's
 * {@code /print/verified-report} (the address the case page links to). It holds the SOP's six components, each
 * labelled, with who ticked it on the checklist; the safety facts a reader must know first (chat not safe on the
 * survivor's phone, in danger, MEDIS MENDESAK with its reason); and the initial assessment under component 6 (risks
 * and their mitigation). Served by casework, which holds the assessment (the inbox does not depend on casework).
 * Same roles and case access as the case page; audited as a print ({@code verified_report}); 409 before verification.
 */
@Path("/inbox/cases/{ref}/print/verified-report")
@RolesAllowed({ Role.COUNSELLOR, Role.COORDINATOR })
public class VerifiedReportResource {

    /** What the report is made of: the case, and its assessment (null when none was recorded). */
    record Source(CaseFile file, Assessment assessment) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verifiedReport(CaseView c, Assessment assessment, Instant now, List<String> components);
    }

    private final CaseworkService work;
    private final CaseViews views;
    private final CaseworkViews sopViews;
    private final CurrentAccount current;
    private final InboxLocale locale;
    private final Clock clock;
    private final InboxEventFeed feed;

    VerifiedReportResource(CaseworkService work, CaseViews views, CaseworkViews sopViews, CurrentAccount current, InboxLocale locale,
            Clock clock, InboxEventFeed feed) {
        this.feed = feed;
        this.sopViews = sopViews;
        this.work = work;
        this.views = views;
        this.current = current;
        this.locale = locale;
        this.clock = clock;
    }

    /**
     * The report in its reader's language: {@code lang} ({@code id}, {@code en}) when chosen on the print page, else
     * Bahasa Indonesia, as the other documents. A case whose reporter erased their data prints nothing (409, the SOP
     * page with the reason): what the report would say of safety and urgency was erased with the person.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response verifiedReport(@RestPath String ref, @RestQuery String lang) {
        Source source;
        try {
            source = work.verifiedReport(ref, current);
        } catch (FormRefused e) {
            InboxEventFeed.Cursor after = feed.mark(); // before the case is read again: the page follows it live from here
            CaseworkView c = sopViews.of(work.open(ref, current), Map.of(), e.code(), "print");
            return Response.status(409).type(MediaType.TEXT_HTML_TYPE)
                    .entity(locale.apply(CaseworkResource.Templates.page(c, Instant.now(clock), CaseStatus.CLOSE_REASONS,
                            after.toString()))).build();
        }
        locale.printIn(lang, "id");
        CaseView c = views.of(source.file(), false, locale.get());
        return Response.ok(locale.apply(Templates.verifiedReport(c, source.assessment(), Instant.now(clock), VerificationComponent.ALL)),
                MediaType.TEXT_HTML_TYPE).build();
    }
}
