package id.ruangaman.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.inbox.InboxConfig;
import id.ruangaman.web.InboxLocale;
import id.ruangaman.web.QueryCheck;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The leadership report ({@code /inbox/reports/leadership}), printable, and as CSV ({@code .../leadership.csv}) with the
 * same labels and the same suppressed cells. Query: {@code period} = month | semester | year, {@code year}, and
 * {@code part} (the month 1-12 or the semester 1-2). Audited as {@code report_view}.
 */
@Path("/inbox/reports")
@RolesAllowed({ Role.PIMPINAN, Role.COORDINATOR })
public class LeadershipReportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(LeadershipReport.Report report, List<Integer> years, QueryCheck check);

        static native TemplateInstance csv(LeadershipReport.Report report);
    }

    private final LeadershipReport reports;
    private final AuditLog audit;
    private final CurrentAccount current;
    private final InboxLocale locale;
    private final InboxConfig config;
    private final Clock clock;

    LeadershipReportResource(LeadershipReport reports, AuditLog audit, CurrentAccount current, InboxLocale locale, InboxConfig config,
            Clock clock) {
        this.reports = reports;
        this.audit = audit;
        this.current = current;
        this.locale = locale;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The report of one period. A query value it cannot use (an unknown period, a year outside 2000-2100, a month 13) is
     * left out (this month, this semester or this year instead) and said next to the period form, answered 400
     * ({@link QueryCheck}).
     */
    @GET
    @Path("/leadership")
    @Produces(MediaType.TEXT_HTML)
    public Response report(@RestQuery String period, @RestQuery String year, @RestQuery String part) {
        QueryCheck check = new QueryCheck(locale.get());
        LeadershipReport.Period p = period(check, period, year, part);
        audit.record(current.getUsername(), AuditAction.REPORT_VIEW, null, "period:" + p.kind() + ":" + p.year() + ":" + p.part());
        return check.answer(page(p, check));
    }

    /**
     * The report as CSV. With a query value it cannot use, no file: the report page with the reason next to its period
     * form, answered 400, so the person sees what to change.
     */
    @GET
    @Path("/leadership.csv")
    @Produces({ "text/csv", MediaType.TEXT_HTML })
    public Response csv(@RestQuery String period, @RestQuery String year, @RestQuery String part) {
        QueryCheck check = new QueryCheck(locale.get());
        LeadershipReport.Period p = period(check, period, year, part);
        if (check.status() != 200) {
            return check.answer(page(p, check));
        }
        audit.record(current.getUsername(), AuditAction.REPORT_VIEW, null, "csv period:" + p.kind() + ":" + p.year() + ":" + p.part());
        String body = locale.apply(Templates.csv(reports.of(p))).render();
        return Response.ok(body, "text/csv; charset=utf-8").header("Content-Disposition",
                "attachment; filename=\"laporan-" + p.kind() + "-" + p.year() + (p.part() > 0 ? "-" + p.part() : "") + ".csv\"").build();
    }

    private TemplateInstance page(LeadershipReport.Period p, QueryCheck check) {
        int thisYear = today().getYear();
        return locale.apply(Templates.report(reports.of(p), List.of(thisYear, thisYear - 1, thisYear - 2, thisYear - 3), check));
    }

    private LeadershipReport.Period period(QueryCheck check, String kind, String year, String part) {
        LocalDate today = today();
        String k = check.oneOf("period", kind, List.of("month", "semester", "year"));
        k = k == null ? "month" : k;
        Integer y = check.number("year", year, 2000, 2100);
        int yr = y == null ? today.getYear() : y;
        return switch (k) {
            case "semester" -> {
                Integer s = check.number("part", part, 1, 2);
                yield LeadershipReport.Period.of("semester", yr, s != null ? s : (today.getMonthValue() <= 6 ? 1 : 2));
            }
            case "year" -> LeadershipReport.Period.of("year", yr, 0);
            default -> {
                Integer m = check.number("part", part, 1, 12);
                yield LeadershipReport.Period.of("month", yr, m != null ? m : today.getMonthValue());
            }
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }
}
