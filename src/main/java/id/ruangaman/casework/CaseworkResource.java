package id.ruangaman.casework;

import java.net.URI;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
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
import org.jboss.resteasy.reactive.multipart.FileUpload;

import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.CaseService;
import id.ruangaman.inbox.InboxEventFeed;
import id.ruangaman.inbox.CaseStatus;
import id.ruangaman.web.DownloadName;
import id.ruangaman.web.InboxLocale;
import id.ruangaman.web.TextTooLong;
import id.ruangaman.inbox.StepRefused;
import id.ruangaman.web.Refusals;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The SOP's stages after the report, on one page per case ({@code /inbox/cases/{ref}/sop}): workflow and timeline,
 * assessment awal, rapat terbatas, surat tugas, parties, interviews, conclusion, recommendation, sanction execution,
 * recovery and conflicts of interest. Forms post, then redirect back; a refused form shows the page again (400/409)
 * with the reason and what was typed. Every action is a form post answered with HTML unless it says otherwise.
 */
@Path("/inbox/cases/{ref}/sop")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Role.COUNSELLOR, Role.COORDINATOR })
public class CaseworkResource {

    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,32}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(CaseworkView c, Instant now, List<String> closeReasons, String afterEvent);
    }

    private final CaseworkService work;
    private final CaseworkViews views;
    private final CaseService cases;
    private final CurrentAccount current;
    private final InboxLocale locale;
    private final Clock clock;

    private final InboxEventFeed feed;

    CaseworkResource(CaseworkService work, CaseworkViews views, CaseService cases, CurrentAccount current, InboxLocale locale,
            Clock clock, InboxEventFeed feed) {
        this.feed = feed;
        this.clock = clock;
        this.work = work;
        this.views = views;
        this.cases = cases;
        this.current = current;
        this.locale = locale;
    }

    @GET
    @Consumes(MediaType.WILDCARD)
    public TemplateInstance page(@RestPath String ref) {
        InboxEventFeed.Cursor after = feed.mark(); // before the case is read: the page follows its case live from here
        return render(work.open(ref, current), Map.of(), null, null, after);
    }

    /**
     * A form's address opened with GET: from history, in a new tab, or reloaded after a refused post was shown there (a
     * refused form is answered at its own POST address). Answered with the SOP page at that form (303), never an error
     * page; nothing is acted on, and the page itself checks who may open the case.
     */
    @GET
    @Path("/{form: assessment|findings|meetings|letter|parties|interviews|conclusion|recommendation|execution|certificate|recovery|checkins|recovery-end|conflicts|status}")
    @Consumes(MediaType.WILDCARD)
    public Response formAddress(@RestPath String ref, @RestPath String form) {
        String section = switch (form) {
            case "meetings" -> "meeting";
            case "parties" -> "party";
            case "interviews" -> "interview";
            case "checkins" -> "checkin";
            case "conflicts" -> "conflict";
            default -> form;
        };
        return toPage(ref, section);
    }

    /** As {@link #formAddress}, for an examination's minutes: the SOP page at that examination. */
    @GET
    @Path("/interviews/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response minutesAddress(@RestPath String ref, @RestPath long id) {
        return toPage(ref, "interview-" + id);
    }

    /** As {@link #formAddress}, for the recovery end's removal. */
    @GET
    @Path("/recovery-end/clear")
    @Consumes(MediaType.WILDCARD)
    public Response clearAddress(@RestPath String ref) {
        return toPage(ref, "recovery-end");
    }

    private static Response toPage(String ref, String section) {
        if (ref == null || !REFERENCE.matcher(ref).matches()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return Response.seeOther(URI.create("/inbox/cases/" + ref + "/sop#" + section)).build();
    }

    @POST
    @Path("/status")
    public Response status(@RestPath String ref, @RestForm String status, @RestForm String reason) {
        try {
            if (CaseStatus.CLOSED.equals(status) && (reason == null || !CaseStatus.CLOSE_REASONS.contains(reason))) {
                throw FormRefused.invalid("close_reason");
            }
            if (status == null || !CaseStatus.ALL.contains(status)) {
                throw FormRefused.invalid("illegal_step");
            }
            work.requireOpen(ref, current); // a closed case has no next step: its page says so, as every other form's
            cases.changeStatus(ref, status, reason == null || reason.isBlank() ? null : reason, current);
        } catch (FormRefused e) {
            return refused(ref, "status", form("reason", reason), e.code(), e.status());
        } catch (StepRefused e) {
            // post/redirect/get, as the case page: the SOP page shows the refusal, its fix link and what each step still needs
            // the reasons once, next to the form that asked for the step (walkthrough 12, finding 3)
            return Response.seeOther(URI.create("/inbox/cases/" + ref + "/sop"
                    + Refusals.query(e.codes().stream().map(code -> "step_" + code).toList()) + e.asked(status, reason).query() + "#status"))
                    .build();
        }
        return Response.seeOther(URI.create("/inbox/cases/" + ref + "/sop#status")).build();
    }

    @POST
    @Path("/assessment")
    public Response assessment(@RestPath String ref, @RestForm String condition, @RestForm("emergency") List<String> emergency,
            @RestForm("risk_level") String riskLevel, @RestForm("condition_notes") String notes, @RestForm String risks,
            @RestForm String mitigation, @RestForm(FormVersions.FIELD) String seen) {
        return act(ref, "assessment", seen, form("condition", condition, "emergency", join(emergency), "risk_level", riskLevel,
                "condition_notes", notes, "risks", risks, "mitigation", mitigation),
                () -> work.saveAssessment(ref, condition, emergency, riskLevel, notes, risks, mitigation, current));
    }

    /** The verification's findings per part: fields {@code finding_<component>} and {@code evidence_examined}. */
    @POST
    @Path("/findings")
    public Response findings(@RestPath String ref, @RestForm("finding_identification") String identification,
            @RestForm("finding_chronology") String chronology, @RestForm("finding_evidence") String evidence,
            @RestForm("evidence_examined") String examined, @RestForm("finding_witnesses") String witnesses,
            @RestForm("finding_needs") String needs, @RestForm("finding_rights_information") String rights,
            @RestForm(FormVersions.FIELD) String seen) {
        Map<String, String> notes = form("identification", identification, "chronology", chronology, "evidence", evidence, "witnesses",
                witnesses, "needs", needs, "rights_information", rights);
        Map<String, String> typed = new HashMap<>();
        notes.forEach((component, text) -> typed.put("finding_" + component, text));
        if (examined != null) {
            typed.put("evidence_examined", examined);
        }
        return act(ref, "findings", seen, typed, () -> work.saveFindings(ref, notes, examined, current));
    }

    /**
     * Records a rapat terbatas ({@link CaseworkService#recordMeeting}): fields {@code held_on}, {@code attendees} (account
     * ids), {@code present_parties}, {@code options_explained} (the alternatives), {@code procedure_consequences},
     * {@code accompaniment_agreed}, {@code victim_choice}, {@code meeting_consent} and {@code choice_notes}.
     */
    @POST
    @Path("/meetings")
    public Response meeting(@RestPath String ref, @RestForm("held_on") String heldOn, @RestForm("attendees") List<String> attendees,
            @RestForm("present_parties") List<String> present, @RestForm("options_explained") String options,
            @RestForm("procedure_consequences") String procedure, @RestForm("accompaniment_agreed") List<String> accompaniment,
            @RestForm("victim_choice") String choice, @RestForm("meeting_consent") String consent, @RestForm("choice_notes") String notes) {
        return act(ref, "meeting", form("held_on", heldOn, "attendees", join(attendees), "present_parties", join(present),
                "options_explained", options, "procedure_consequences", procedure, "accompaniment_agreed", join(accompaniment),
                "victim_choice", choice, "meeting_consent", consent, "choice_notes", notes),
                () -> work.recordMeeting(ref, new CaseworkService.MeetingForm(heldOn, attendees, present, options, procedure, accompaniment,
                        choice, consent, notes), current));
    }

    @POST
    @Path("/letter")
    public Response letter(@RestPath String ref, @RestForm("letter_number") String number, @RestForm("issued_on") String issuedOn,
            @RestForm("signatory_name") String name, @RestForm("signatory_title") String title, @RestForm("team") List<String> team) {
        return act(ref, "letter", form("letter_number", number, "issued_on", issuedOn, "signatory_name", name, "signatory_title", title,
                "team", join(team)), () -> work.saveAssignmentLetter(ref, number, issuedOn, name, title, team, current));
    }

    @POST
    @Path("/parties")
    public Response party(@RestPath String ref, @RestForm("party_role") String role, @RestForm("party_name") String name,
            @RestForm("campus_status") String campusStatus, @RestForm("party_account") String account) {
        return act(ref, "party", form("party_role", role, "party_name", name, "campus_status", campusStatus, "party_account", account),
                () -> work.addParty(ref, role, name, campusStatus, account, current));
    }

    /**
     * Corrects a party ({@link CaseworkService#editParty}): fields {@code party_role}, {@code party_name},
     * {@code campus_status}. A refusal is said in that party's row, with what was typed.
     */
    @POST
    @Path("/parties/{id}")
    public Response editParty(@RestPath String ref, @RestPath long id, @RestForm("party_role") String role,
            @RestForm("party_name") String name, @RestForm("campus_status") String campusStatus) {
        return act(ref, "party-" + id, form("party_role_" + id, role, "party_name_" + id, name, "campus_status_" + id, campusStatus),
                () -> work.editParty(ref, id, role, name, campusStatus, current));
    }

    /** Removes a party nothing depends on ({@link CaseworkService#removeParty}); a refusal names what depends on it. */
    @POST
    @Path("/parties/{id}/remove")
    public Response removeParty(@RestPath String ref, @RestPath long id) {
        Response answer = act(ref, "party-" + id, Map.of(), () -> work.removeParty(ref, id, current));
        return answer.getStatus() == 303 ? Response.seeOther(URI.create("/inbox/cases/" + ref + "/sop#party")).build() : answer;
    }

    @POST
    @Path("/interviews")
    public Response interview(@RestPath String ref, @RestForm String party, @RestForm("held_at") String heldAt, @RestForm String channel,
            @RestForm String place, @RestForm("interview_attendees") String attendees, @RestForm String summary,
            @RestForm("recording_consent") String consent) {
        return act(ref, "interview", form("party", party, "held_at", heldAt, "channel", channel, "place", place, "interview_attendees",
                attendees, "summary", summary), () -> work.addInterview(ref, party, heldAt, channel, place, attendees, summary,
                        "yes".equals(consent), current));
    }

    @POST
    @Path("/interviews/{id}")
    public Response minutes(@RestPath String ref, @RestPath long id, @RestForm String summary,
            @RestForm("recording_consent") String consent) {
        return act(ref, "minutes-" + id, form("summary_" + id, summary),
                () -> work.recordInterview(ref, id, summary, "yes".equals(consent), current));
    }

    /**
     * Reschedules an examination not held yet ({@link CaseworkService#rescheduleInterview}): fields {@code held_at},
     * {@code channel}, {@code place}. A refusal is said beside that examination, with what was typed.
     */
    @POST
    @Path("/interviews/{id}/reschedule")
    public Response reschedule(@RestPath String ref, @RestPath long id, @RestForm("held_at") String heldAt, @RestForm String channel,
            @RestForm String place) {
        return act(ref, "reschedule-" + id, form("held_at_" + id, heldAt, "channel_" + id, channel, "place_" + id, place),
                () -> work.rescheduleInterview(ref, id, heldAt, channel, place, current));
    }

    /** As {@link #formAddress}, for an examination's rescheduling: the SOP page at that examination. */
    @GET
    @Path("/interviews/{id}/reschedule")
    @Consumes(MediaType.WILDCARD)
    public Response rescheduleAddress(@RestPath String ref, @RestPath long id) {
        return toPage(ref, "interview-" + id);
    }

    @POST
    @Path("/interviews/{id}/attachment")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@RestPath String ref, @RestPath long id, @RestForm("attachment") FileUpload file) {
        return act(ref, "attachment-" + id, Map.of(), () -> {
            byte[] content;
            try {
                content = file == null ? null : Files.readAllBytes(file.uploadedFile());
            } catch (IOException e) {
                throw FormRefused.invalid("attachment");
            }
            work.attach(ref, id, content, file == null ? null : file.contentType(), current);
        });
    }

    /** A kept recording or photo: downloaded (named after its type, {@code interview-3.ogg}), never shown inline; audited. */
    @GET
    @Path("/interviews/{id}/attachment")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.WILDCARD)
    public Response attachment(@RestPath String ref, @RestPath long id) {
        Interview i = work.attachment(ref, id, current);
        return Response.ok(i.attachment, "application/octet-stream")
                .header("Content-Disposition", DownloadName.header("attachment", "interview", i.id, i.attachmentType))
                .header("Content-Security-Policy", "default-src 'none'; sandbox").build();
    }

    @POST
    @Path("/conclusion")
    public Response conclusion(@RestPath String ref, @RestForm String outcome, @RestForm("party_identity") String identity,
            @RestForm("violence_form") String violence, @RestForm String accompaniment, @RestForm String protection,
            @RestForm("examination_summary") String summary, @RestForm("not_proven_statement") String statement,
            @RestForm(FormVersions.FIELD) String seen) {
        return act(ref, "conclusion", seen, form("outcome", outcome, "party_identity", identity, "violence_form", violence, "accompaniment",
                accompaniment, "protection", protection, "examination_summary", summary, "not_proven_statement", statement),
                () -> work.saveConclusion(ref, outcome, identity, violence, accompaniment, protection, summary, statement, current));
    }

    @POST
    @Path("/recommendation")
    public Response recommendation(@RestPath String ref, @RestForm String recovery, @RestForm("sanction_measure") String measure,
            @RestForm("sanction_details") String details, @RestForm String prevention, @RestForm("good_name") String goodName,
            @RestForm("aggravating") List<String> aggravating, @RestForm(FormVersions.FIELD) String seen) {
        return act(ref, "recommendation", seen, form("recovery", recovery, "sanction_measure", measure, "sanction_details", details,
                "prevention", prevention, "good_name", goodName, "aggravating", join(aggravating)),
                () -> work.saveRecommendation(ref, recovery, measure, details, prevention, goodName, aggravating, current));
    }

    @POST
    @Path("/execution")
    public Response execution(@RestPath String ref, @RestForm String programme, @RestForm String institution, @RestForm String state,
            @RestForm("completion_report_on") String reportOn, @RestForm("execution_notes") String notes,
            @RestForm(FormVersions.FIELD) String seen) {
        return act(ref, "execution", seen, form("programme", programme, "institution", institution, "state", state, "completion_report_on",
                reportOn, "execution_notes", notes), () -> work.saveExecution(ref, programme, institution, state, reportOn, notes, current));
    }

    @POST
    @Path("/certificate")
    public Response certificate(@RestPath String ref, @RestForm("certificate_number") String number,
            @RestForm("certificate_on") String issuedOn, @RestForm("certificate_issuer") String issuer,
            @RestForm(FormVersions.FIELD) String seen) {
        return act(ref, "certificate", seen, form("certificate_number", number, "certificate_on", issuedOn, "certificate_issuer", issuer),
                () -> work.saveCertificate(ref, number, issuedOn, issuer, current));
    }

    @POST
    @Path("/recovery")
    public Response recovery(@RestPath String ref, @RestForm("consent_by") String consentBy, @RestForm("consent_on") String consentOn,
            @RestForm("victim_status") String victimStatus, @RestForm String plan, @RestForm("providers") List<String> providers,
            @RestForm(FormVersions.FIELD) String seen) {
        return act(ref, "recovery", seen, form("consent_by", consentBy, "consent_on", consentOn, "victim_status", victimStatus, "plan", plan,
                "providers", join(providers)),
                () -> work.saveRecoveryPlan(ref, consentBy, consentOn, victimStatus, plan, providers, current));
    }

    @POST
    @Path("/checkins")
    public Response checkin(@RestPath String ref, @RestForm("checked_on") String checkedOn, @RestForm("with_whom") String withWhom,
            @RestForm("checkin_provider") String provider, @RestForm("checkin_note") String note) {
        return act(ref, "checkin", form("checked_on", checkedOn, "with_whom", withWhom, "checkin_provider", provider, "checkin_note", note),
                () -> work.addCheckin(ref, checkedOn, withWhom, provider, note, current));
    }

    /** The end of the victim's recovery: {@code ended_on} (yyyy-MM-dd), {@code recovery_end_reason}, {@code recovery_end_note}. */
    @POST
    @Path("/recovery-end")
    public Response recoveryEnd(@RestPath String ref, @RestForm("ended_on") String endedOn,
            @RestForm("recovery_end_reason") String reason, @RestForm("recovery_end_note") String note) {
        return act(ref, "recovery-end", form("ended_on", endedOn, "recovery_end_reason", reason, "recovery_end_note", note),
                () -> work.endRecovery(ref, endedOn, reason, note, current));
    }

    /** Removes the recovery's recorded end (recorded by mistake); the close form is guarded by the running recovery again. */
    @POST
    @Path("/recovery-end/clear")
    public Response clearRecoveryEnd(@RestPath String ref) {
        return act(ref, "recovery-end", Map.of(), () -> work.clearRecoveryEnd(ref, current));
    }

    @POST
    @Path("/conflicts")
    public Response conflict(@RestPath String ref, @RestForm("conflict_account") String account) {
        return act(ref, "conflict", Map.of(), () -> work.markConflict(ref, account, current));
    }

    private Response act(String ref, String formName, Map<String, String> submitted, Runnable action) {
        return act(ref, formName, null, submitted, action);
    }

    /**
     * {@code action}, when the one-record form {@code formName} is still the version {@code seen} the page showed
     * ({@link FormVersions}); else the page again with what was typed and the reason ({@code changed_since_opened}).
     */
    private Response act(String ref, String formName, String seen, Map<String, String> submitted, Runnable action) {
        try {
            work.saveUnchanged(ref, formName, seen, current, action);
        } catch (FormRefused e) {
            return refused(ref, formName, submitted, e.code(), e.status());
        } catch (TextTooLong e) {
            locale.refusedText(e);
            return refused(ref, formName, submitted, "too_long", e.status());
        } catch (StepRefused e) {
            return refused(ref, formName, submitted, e.code(), 409);
        }
        return Response.seeOther(URI.create("/inbox/cases/" + ref + "/sop#" + formName)).build();
    }

    private Response refused(String ref, String formName, Map<String, String> submitted, String code, int status) {
        InboxEventFeed.Cursor after = feed.mark();
        CaseFile file = cases.peek(ref, current);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(render(file, submitted, code, formName, after)).build();
    }

    /** The SOP page, live from {@code after} (read before {@code file} was: its {@code data-after}, see InboxEventFeed#mark). */
    private TemplateInstance render(CaseFile file, Map<String, String> submitted, String refusal, String formName,
            InboxEventFeed.Cursor after) {
        return locale.apply(Templates.page(views.of(file, submitted, refusal, formName), Instant.now(clock), CaseStatus.CLOSE_REASONS,
                after.toString()));
    }

    private static String join(List<String> values) {
        return values == null ? null : String.join(",", values);
    }

    static Map<String, String> form(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }
}
