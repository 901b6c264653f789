package id.ruangaman.inbox;

import id.ruangaman.audit.AuditAction;

import id.ruangaman.audit.AuditEvent;

import id.ruangaman.audit.AuditLog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.inbox.InboxConfig;
import id.ruangaman.web.QueryCheck;
import id.ruangaman.web.InboxLocale;
import id.ruangaman.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Coordinators browse the audit log, newest first, filtered by actor, action, case and dates; rows of a case an
 * access rule refuses the coordinator are left out ({@link CaseAccess#hiddenFrom}).
 */
@Path("/inbox/audit")
@RolesAllowed(Role.COORDINATOR)
public class AuditResource {

    private static final int PAGE_SIZE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<AuditEvent> events, List<String> actions, String actor, String action, String ref,
                String from, String to, int page, boolean hasNext, java.util.Map<Long, String> references,
                java.util.Map<String, String> names, QueryCheck check, Used used);
    }

    private final AuditLog audit;
    private final CaseFileRepository cases;
    private final InboxLocale locale;
    private final ZoneId zone;
    private final CaseAccess access;
    private final CurrentAccount current;
    private final AuditRowNames rowNames;
    private final id.ruangaman.security.People people;

    AuditResource(AuditLog audit, CaseFileRepository cases, InboxLocale locale, InboxConfig config, CaseAccess access,
            CurrentAccount current, AuditRowNames rowNames, id.ruangaman.security.People people) {
        this.rowNames = rowNames;
        this.people = people;
        this.access = access;
        this.current = current;
        this.audit = audit;
        this.cases = cases;
        this.locale = locale;
        this.zone = config.zone();
    }

    /**
     * The log's page {@code page} (0 first, up to 100,000) filtered by {@code actor} (up to 64 characters: a username as
     * the rows wrote it, or a person by their current username or name, V206), {@code action}
     * (an {@link AuditAction} code), {@code ref} (a case's reference, up to 16) and the days {@code from}/{@code to}
     * (YYYY-MM-DD, both included, in the inbox's zone). A value it cannot use is left out and said next to the filter form,
     * answered 400, with what was typed still in its field ({@link QueryCheck}).
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@RestQuery String actor, @RestQuery String action, @RestQuery String ref, @RestQuery String from,
            @RestQuery String to, @RestQuery String page) {
        List<String> actions = Arrays.stream(AuditAction.values()).map(AuditAction::code).toList();
        QueryCheck check = new QueryCheck(locale.get());
        String actorShown = check.text("actor", actor, 64);
        String actionShown = check.oneOf("action", action, actions);
        String refShown = check.text("ref", ref, 16);
        LocalDate fromDay = check.date("from", from);
        LocalDate toDay = check.date("to", to);
        int p = check.page(page, 100_000);
        Long intakeId = null;
        if (refShown != null) {
            intakeId = CaseReference.read(refShown).flatMap(cases::findByReference).map(c -> c.id).orElse(-1L);
        }
        // By username as written in the row, or by the person (a username or a name someone has now): the rows of an
        // account whose username was corrected are found under either.
        List<AuditEvent> events = audit.search(actorShown, people.accountsCalled(actorShown), actionShown, intakeId, start(fromDay, 0), start(toDay, 1), p * PAGE_SIZE,
                PAGE_SIZE + 1);
        boolean hasNext = events.size() > PAGE_SIZE;
        List<AuditEvent> onPage = hasNext ? events.subList(0, PAGE_SIZE) : events;
        // Rows of a case the coordinator may not see (a conflict of interest) are left out, as in every list.
        java.util.Set<Long> hidden = access.hiddenFrom(onPage.stream().map(e -> e.intakeId).filter(java.util.Objects::nonNull)
                .distinct().toList(), current.id());
        List<AuditEvent> shown = onPage.stream().filter(e -> e.intakeId == null || !hidden.contains(e.intakeId)).toList();
        // Cases are shown by their reference code, as everywhere else in the inbox, not by the table's row id.
        java.util.Map<Long, String> references = new java.util.HashMap<>();
        shown.stream().map(e -> e.intakeId).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> references.put(id, cases.findByIdOptional(id).map(c -> c.referenceCode).orElse("")));
        // The form keeps what was typed, refused or not, so it can be corrected; the pages' links carry only what was used.
        // Accounts, messages, files, providers and referrals by name and time, not "#2"; instants in the inbox's zone.
        return check.answer(locale.apply(Templates.list(shown, actions, blank(actor), actionShown, blank(ref), blank(from), blank(to), p,
                hasNext, references, rowNames.of(shown), check, new Used(actorShown, actionShown, refShown,
                        fromDay == null ? null : fromDay.toString(), toDay == null ? null : toDay.toString()))));
    }

    /** The filter values the list used, for its page links. */
    public record Used(String actor, String action, String ref, String from, String to) {

        /**
         * The query of the list's page {@code page} with these filters, each value URL-encoded ({@code page=2&actor=a%26b}),
         * so an actor or a reference holding {@code &}, {@code #} or a space keeps its filter on the next page. A filter
         * not used is left out.
         */
        public String query(int page) {
            StringBuilder query = new StringBuilder("page=").append(page);
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            values.put("actor", actor);
            values.put("action", action);
            values.put("ref", ref);
            values.put("from", from);
            values.put("to", to);
            values.forEach((name, value) -> {
                if (value != null) {
                    query.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
                }
            });
            return query.toString();
        }
    }

    private java.time.Instant start(LocalDate day, int plusDays) {
        return day == null ? null : day.plusDays(plusDays).atStartOfDay(zone).toInstant();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
