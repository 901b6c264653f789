package id.ruangaman.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
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
        static native TemplateInstance report(LeadershipReport.Report report, List<Integer> years);

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

    @GET
    @Path("/leadership")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance report(@RestQuery String period, @RestQuery Integer year, @RestQuery Integer part) {
        LeadershipReport.Period p = period(period, year, part);
        audit.record(current.getUsername(), AuditAction.REPORT_VIEW, null, "period:" + p.kind() + ":" + p.year() + ":" + p.part());
        int thisYear = today().getYear();
        return locale.apply(Templates.report(reports.of(p), List.of(thisYear, thisYear - 1, thisYear - 2, thisYear - 3)));
    }

    @GET
    @Path("/leadership.csv")
    @Produces("text/csv")
    public Response csv(@RestQuery String period, @RestQuery Integer year, @RestQuery Integer part) {
        LeadershipReport.Period p = period(period, year, part);
        audit.record(current.getUsername(), AuditAction.REPORT_VIEW, null, "csv period:" + p.kind() + ":" + p.year() + ":" + p.part());
        String body = locale.apply(Templates.csv(reports.of(p))).render();
        return Response.ok(body, "text/csv; charset=utf-8").header("Content-Disposition",
                "attachment; filename=\"laporan-" + p.kind() + "-" + p.year() + (p.part() > 0 ? "-" + p.part() : "") + ".csv\"").build();
    }

    private LeadershipReport.Period period(String kind, Integer year, Integer part) {
        LocalDate today = today();
        String k = kind == null || kind.isBlank() ? "month" : kind;
        int y = year == null ? today.getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new BadRequestException("invalid year");
        }
        return switch (k) {
            case "month" -> {
                int m = part == null ? today.getMonthValue() : part;
                if (m < 1 || m > 12) {
                    throw new BadRequestException("invalid month");
                }
                yield LeadershipReport.Period.of("month", y, m);
            }
            case "semester" -> {
                int s = part == null ? (today.getMonthValue() <= 6 ? 1 : 2) : part;
                if (s < 1 || s > 2) {
                    throw new BadRequestException("invalid semester");
                }
                yield LeadershipReport.Period.of("semester", y, s);
            }
            case "year" -> LeadershipReport.Period.of("year", y, 0);
            default -> throw new BadRequestException("period: month, semester or year");
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }
}
