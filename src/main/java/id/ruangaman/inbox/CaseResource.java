package id.ruangaman.inbox;

import id.ruangaman.web.DownloadName;
import id.ruangaman.web.InboxLocale;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

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

import id.ruangaman.transcript.Media;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One case: view, work on it (POST → redirect → GET), print the intake form, evidence. Every lookup checks access.
 * The verified report ({@code /print/verified-report}) is casework's {@code VerifiedReportResource}: it holds the
 * initial assessment.
 */
@Path("/inbox/cases/{ref}")
@RolesAllowed({ Role.COUNSELLOR, Role.COORDINATOR })
public class CaseResource {

    private static final java.util.regex.Pattern INLINE_TYPE = java.util.regex.Pattern.compile("image/(png|jpeg|gif|webp)|video/(mp4|webm|ogg|quicktime)|audio/(ogg|mpeg|mp4|aac|webm|opus)");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance view(CaseView c, Instant now, List<String> components, List<String> closeReasons,
                List<String> revealFields, List<String> revealReasons);

        static native TemplateInstance transcript(List<TranscriptLine> lines, String ref, java.util.Map<Long, Integer> evidence);

        /** The case's danger flag ({@code CaseResource/danger}) and its transcript, for the live refresh of an open case page. */
        static native TemplateInstance live(CaseFile file, List<TranscriptLine> lines, java.util.Map<Long, Integer> evidence);

        static native TemplateInstance standing(CaseFile file);

        /** The report's answers with the pelapor's corrections ({@code #intake}), for the live refresh of an open case page. */
        static native TemplateInstance answers(CaseView c);

        static native TemplateInstance reveal(CaseFile file, String field, String reason, String value);

        static native TemplateInstance intakeForm(CaseView c, Instant now);
    }

    private final CaseService cases;
    private final CaseViews views;
    private final CurrentAccount current;
    private final InboxLocale locale;
    private final Clock clock;

    CaseResource(CaseService cases, CaseViews views, CurrentAccount current, InboxLocale locale, Clock clock) {
        this.cases = cases;
        this.views = views;
        this.current = current;
        this.locale = locale;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance view(@RestPath String ref) {
        InboxEventFeed.Cursor after = views.eventMark(); // before the case is read: see CaseViews.eventMark
        CaseFile file = cases.view(ref, current);
        return locale.apply(Templates.view(views.of(file, current.isCoordinator(), locale.get(), current.account(), after), Instant.now(clock), VerificationComponent.ALL,
                CaseStatus.CLOSE_REASONS, CaseService.REVEAL_FIELDS, CaseService.REVEAL_REASONS));
    }

    /**
     * The transcript ({@code #transcript-lines}) and the danger flag ({@code #case-danger}: "BAHAYA", why the report
     * flagged it ({@link CaseFile#intakeDangerReason}) and when danger was last written in the chat), for the live
     * refresh of an open case page: the survivor's line that says danger and the flag it raises reach the page in the
     * same refresh, so a counsellor looking at the case sees both without reloading.
     */
    @GET
    @Path("/transcript")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance transcript(@RestPath String ref) {
        CaseFile file = cases.readTranscript(ref, current);
        return locale.apply(Templates.live(file, views.transcript(file, locale.get()), views.evidenceNumbers(file)));
    }

    /**
     * The report's answers ({@code #intake}) with the pelapor's corrections ({@link AnswerCorrections}), for the live
     * refresh of an open case page when the survivor wrote (inbox.js): a correction of an answer reaches the page as the
     * edit's line does, without reloading. Audited as the transcript's refresh is ({@link CaseService#readTranscript}:
     * not again within the window of the same person's view of the case).
     */
    @GET
    @Path("/answers")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance answers(@RestPath String ref) {
        CaseFile file = cases.readTranscript(ref, current);
        return locale.apply(Templates.answers(views.of(file, current.isCoordinator(), locale.get(), current.account())));
    }

    /**
     * Where the case stands ({@code #case-standing}: open, closed, or deleted by the person), and nothing else, for the
     * live refresh of the other pages that show the case (its SOP page, its referrals): on an event of the case they ask
     * this and, when the person erased it, show only what is left (inbox.js, pageGone). No content, so no audit row; a
     * case shut to the account answers 403 (audited by {@link CaseAccess}), an unknown one 404.
     */
    @GET
    @Path("/standing")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance standing(@RestPath String ref) {
        return Templates.standing(cases.standing(ref, current));
    }

    @POST
    @Path("/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@RestPath String ref, @RestForm String assignee) {
        Long id;
        if (assignee == null || assignee.isBlank() || "none".equals(assignee)) {
            id = null;
        } else if ("me".equals(assignee)) {
            id = current.id();
        } else {
            id = parseId(assignee);
        }
        cases.assign(ref, id, current);
        return back(ref);
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@RestPath String ref, @RestForm String status, @RestForm String reason) {
        try {
            cases.changeStatus(ref, status, reason == null || reason.isBlank() ? null : reason, current);
        } catch (StepRefused e) {
            throw e.asked(status, reason); // the page shows the reasons once, next to the step's form
        }
        return back(ref);
    }

    @POST
    @Path("/checks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@RestPath String ref, @RestForm String component, @RestForm String checked) {
        cases.tick(ref, component, !"false".equals(checked), current);
        return back(ref, "checklist");
    }

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@RestPath String ref, @RestForm String text) {
        cases.addNote(ref, text, current);
        return back(ref, "notes");
    }

    @POST
    @Path("/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@RestPath String ref, @RestForm String text, @RestForm("acknowledge_unsafe") String acknowledged) {
        CaseFile file = cases.peek(ref, current);
        boolean unsafe = IntakeSections.of(file.answers).chatUnsafe();
        // Back to the new reply itself (the transcript's last line), not the top of a long transcript.
        return back(ref, "msg-" + cases.reply(ref, text, "yes".equals(acknowledged), unsafe, current).id);
    }

    /** Shows an unmasked id once, after a reason was given. Not redirected: the value is never in a URL. */
    @POST
    @Path("/reveal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance reveal(@RestPath String ref, @RestForm String field, @RestForm String reason) {
        String value = cases.reveal(ref, field, reason, current);
        CaseFile file = cases.peek(ref, current);
        return locale.apply(Templates.reveal(file, field, reason, value));
    }

    @GET
    @Path("/print/intake-form")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance printIntakeForm(@RestPath String ref, @org.jboss.resteasy.reactive.RestQuery String lang) {
        CaseFile file = cases.print(ref, "intake_form", current);
        locale.printIn(lang, "id"); // the institution's form: Bahasa Indonesia unless the print page chose English
        return locale.apply(Templates.intakeForm(views.of(file, false, locale.get()), Instant.now(clock)));
    }

    /**
     * Evidence, only through this authorised and audited endpoint. Images, videos and audio of common types are
     * served inline (the case page blurs images and videos until clicked and never autoplays); anything else downloads.
     * Either way the file is named after its type ({@link DownloadName}: {@code evidence-12.pdf}), so it opens. 404 for
     * anything that is not evidence of this case, an id that is no number too (the reason names the evidence,
     * web.Refusals#notFoundKey).
     */
    @GET
    @Path("/media/{mediaId}")
    public Response media(@RestPath String ref, @RestPath long mediaId) {
        Media item = cases.evidence(ref, mediaId, current);
        String type = item.mimeType == null || item.mimeType.isBlank() ? "application/octet-stream" : item.mimeType;
        boolean inline = INLINE_TYPE.matcher(type).matches();
        return Response.ok(item.content, inline ? type : "application/octet-stream")
                .header("Content-Disposition", DownloadName.header(inline ? "inline" : "attachment", "evidence", item.id, type))
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .build();
    }

    /**
     * The phone numbers on a contact card the survivor shared ({@code messageId}: its transcript line), one a line, as
     * plain text; only on a deliberate click (inbox.js puts them in place of the link), audited, never cached. 404 for
     * anything that is not a contact card of this case, an id that is no number too (the reason names the contact card,
     * web.Refusals#notFoundKey).
     */
    @GET
    @Path("/cards/{messageId}")
    public Response contactCard(@RestPath String ref, @RestPath long messageId) {
        List<String> numbers = cases.contactCardNumbers(ref, messageId, current);
        return Response.ok(String.join("\n", numbers), "text/plain;charset=UTF-8").header("Cache-Control", "no-store").build();
    }

    /** A form's account id; 400 for anything that is not a number. */
    private static long parseId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException("invalid id");
        }
    }

    private static Response back(String ref) {
        return back(ref, null);
    }

    private static Response back(String ref, String anchor) {
        return Response.seeOther(URI.create("/inbox/cases/" + ref + (anchor == null ? "" : "#" + anchor))).build();
    }
}
