package id.ruangaman.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
import id.ruangaman.inbox.InboxConfig;
import id.ruangaman.web.InboxLocale;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The SOP's documents of the examination stage as A4 pages in the inbox's print style (SOP Pemeriksaan/Verifikasi
 * 11): surat tugas, formulir penanganan awal, surat pemanggilan, berita acara pemeriksaan, and the notice of the
 * victim's rights during recovery (SOP Investigasi dan Pendampingan 2.b). Every print is audited ({@code print},
 * detail the document's code). The summons and the notice carry no case details: no answers, no form or indication of
 * violence, no word saying who is victim or suspected perpetrator.
 */
@Path("/inbox/cases/{ref}/sop/print")
@RolesAllowed({ Role.COUNSELLOR, Role.COORDINATOR })
public class CaseworkPrintResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance assignmentLetter(CaseworkView c, Instant now);

        static native TemplateInstance initialHandling(CaseworkView c, Instant now, List<String> services);

        static native TemplateInstance summons(CaseworkView c, Party party, Interview interview, LocalDate today, String number);

        static native TemplateInstance minutes(CaseworkView c, Interview interview, Party party, Instant now);

        static native TemplateInstance accommodations(CaseworkView c, Party victim, LocalDate today);

        static native TemplateInstance conclusionReport(CaseworkView c, LocalDate today, Instant now);
    }

    private final CaseworkService work;
    private final CaseworkViews views;
    private final CurrentAccount current;
    private final InboxLocale locale;
    private final Clock clock;
    private final InboxConfig config;

    @jakarta.inject.Inject
    SummonsNumbers summonsNumbers;

    @jakarta.inject.Inject
    SopPrints prints;
    private final InboxEventFeed feed;

    CaseworkPrintResource(CaseworkService work, CaseworkViews views, CurrentAccount current, InboxLocale locale, Clock clock,
            InboxConfig config, InboxEventFeed feed) {
        this.feed = feed;
        this.config = config;
        this.work = work;
        this.views = views;
        this.current = current;
        this.locale = locale;
        this.clock = clock;
    }

    @GET
    @Path("/surat-tugas")
    @Produces(MediaType.TEXT_HTML)
    public Response assignmentLetter(@RestPath String ref, @RestQuery String lang) {
        return ofCase(ref, c -> {
            String document = "assignment_letter";
            String refusal = prints.refusal(c, "surat-tugas");
            if (refusal != null) {
                return refused(ref, refusal);
            }
            return printed(ref, document, lang, Templates.assignmentLetter(c, now()));
        });
    }

    @GET
    @Path("/penanganan-awal")
    @Produces(MediaType.TEXT_HTML)
    public Response initialHandling(@RestPath String ref, @RestQuery String lang) {
        return ofCase(ref, c -> {
            String document = "initial_handling_form";
            String refusal = prints.refusal(c, "penanganan-awal");
            if (refusal != null) {
                return refused(ref, refusal);
            }
            CaseFile file = c.file();
            List<String> services = file.services == null || file.services.isBlank() ? List.of() : List.of(file.services.split(","));
            return printed(ref, document, lang, Templates.initialHandling(c, now(), services));
        });
    }

    /** The summons to one party, for their next (or latest) scheduled examination. */
    @GET
    @Path("/pemanggilan/{partyId}")
    @Produces(MediaType.TEXT_HTML)
    public Response summons(@RestPath String ref, @RestPath long partyId, @RestQuery String lang) {
        return ofCase(ref, c -> {
            String document = "summons";
            String refusal = prints.summonsRefusal(c, partyId);
            if (refusal != null) {
                return refused(ref, refusal);
            }
            Party party = c.party(partyId);
            Interview interview = prints.summoned(c, party);
            String number = summonsNumbers.of(interview.id, interview.heldAt, today(), now());
            return printed(ref, document, lang, Templates.summons(c, party, interview, today(), number));
        });
    }

    @GET
    @Path("/bap/{interviewId}")
    @Produces(MediaType.TEXT_HTML)
    public Response minutes(@RestPath String ref, @RestPath long interviewId, @RestQuery String lang) {
        return ofCase(ref, c -> {
            String document = "examination_minutes";
            String refusal = prints.minutesRefusal(c, interviewId);
            if (refusal != null) {
                return refused(ref, refusal);
            }
            Interview interview = c.interviews().stream().filter(i -> i.id == interviewId).findFirst().orElseThrow();
            return printed(ref, document, lang, Templates.minutes(c, interview, c.party(interview.partyId), now()));
        });
    }

    /**
     * The written report of the conclusion and recommendation, which the task force gives the head of the institution
     * (SOP Penyusunan Kesimpulan dan Rekomendasi: "Rencana dan tindak lanjut dituangkan dalam bentuk laporan
     * tertulis"). Refused with its reason (409, the SOP page) until both are recorded.
     */
    @GET
    @Path("/kesimpulan")
    @Produces(MediaType.TEXT_HTML)
    public Response conclusionReport(@RestPath String ref, @RestQuery String lang) {
        return ofCase(ref, c -> {
            String refusal = prints.refusal(c, "kesimpulan");
            if (refusal != null) {
                return refused(ref, refusal);
            }
            return printed(ref, "conclusion_report", lang, Templates.conclusionReport(c, today(), now()));
        });
    }

    @GET
    @Path("/akomodasi")
    @Produces(MediaType.TEXT_HTML)
    public Response accommodations(@RestPath String ref, @RestQuery String lang) {
        return ofCase(ref, c -> {
            String document = "recovery_accommodations";
            String refusal = prints.refusal(c, "akomodasi");
            if (refusal != null) {
                return refused(ref, refusal);
            }
            Party victim = c.parties().stream().filter(p -> "victim".equals(p.role)).findFirst().orElse(null);
            return printed(ref, document, lang, Templates.accommodations(c, victim, today()));
        });
    }

    /**
     * The document {@code print} makes of the case the account may open (404/403 otherwise, {@link CaseworkService#open}).
     * A case whose reporter erased their data prints nothing (its documents would address or describe the person): the
     * SOP page answers with the reason ({@code case_deleted}, 409) and the kept skeleton, before any document's own check.
     */
    private Response ofCase(String ref, Function<CaseworkView, Response> print) {
        CaseworkView c = views.of(work.open(ref, current), Map.of(), null, null);
        if (c.file().isDeleted()) {
            return refused(ref, "case_deleted");
        }
        return print.apply(c);
    }

    /**
     * Audits the print once the document could be made, and renders it in its reader's language: {@code lang} when
     * chosen on the print page, else Bahasa Indonesia (the task force's letters go to Indonesian institutions and people).
     */
    private Response printed(String ref, String document, String lang, TemplateInstance page) {
        try {
            work.print(ref, document, current);
        } catch (FormRefused e) {
            return refused(ref, e.code());
        }
        return Response.ok(locale.applyDocument(page, lang, "id"), MediaType.TEXT_HTML_TYPE).build();
    }

    private Response refused(String ref, String code) {
        InboxEventFeed.Cursor after = feed.mark(); // before the case is read again: the page follows it live from here
        CaseworkView c = views.of(work.open(ref, current), Map.of(), code, "print");
        return Response.status(409).type(MediaType.TEXT_HTML_TYPE)
                .entity(locale.apply(CaseworkResource.Templates.page(c, now(), CaseStatus.CLOSE_REASONS, after.toString()))).build();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
