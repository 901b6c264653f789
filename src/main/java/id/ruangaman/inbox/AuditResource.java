package id.ruangaman.inbox;

import id.ruangaman.audit.AuditAction;

import id.ruangaman.audit.AuditEvent;

import id.ruangaman.audit.AuditLog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.inbox.InboxConfig;
import id.ruangaman.web.FormText;
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
                java.util.Map<String, String> names);
    }

    private final AuditLog audit;
    private final CaseFileRepository cases;
    private final InboxLocale locale;
    private final ZoneId zone;
    private final CaseAccess access;
    private final CurrentAccount current;
    private final AuditRowNames rowNames;

    AuditResource(AuditLog audit, CaseFileRepository cases, InboxLocale locale, InboxConfig config, CaseAccess access,
            CurrentAccount current, AuditRowNames rowNames) {
        this.rowNames = rowNames;
        this.access = access;
        this.current = current;
        this.audit = audit;
        this.cases = cases;
        this.locale = locale;
        this.zone = config.zone();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String actor, @RestQuery String action, @RestQuery String ref, @RestQuery String from,
            @RestQuery String to, @RestQuery Integer page) {
        List<String> actions = Arrays.stream(AuditAction.values()).map(AuditAction::code).toList();
        actor = blank(actor);
        action = blank(action);
        ref = blank(ref);
        if (action != null && !actions.contains(action)) {
            throw new BadRequestException("unknown action");
        }
        FormText.limited(actor, 64); // the filter's maxlength; the refusal says the length and the limit
        Long intakeId = null;
        if (ref != null) {
            intakeId = cases.findByReference(ref.toUpperCase(Locale.ROOT)).map(c -> c.id).orElse(-1L);
        }
        int p = page == null ? 0 : page;
        if (p < 0 || p > 100_000) {
            throw new BadRequestException("invalid page");
        }
        List<AuditEvent> events = audit.search(actor, action, intakeId, day(from, 0), day(to, 1), p * PAGE_SIZE, PAGE_SIZE + 1);
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
        // Accounts, messages, files, providers and referrals by name and time, not "#2"; instants in the inbox's zone.
        return locale.apply(Templates.list(shown, actions, actor, action, ref, blank(from), blank(to), p, hasNext, references,
                rowNames.of(shown)));
    }

    private java.time.Instant day(String value, int plusDays) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("invalid date");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
