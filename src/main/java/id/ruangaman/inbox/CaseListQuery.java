package id.ruangaman.inbox;

import id.ruangaman.database.DbTimes;
import id.ruangaman.transcript.ChatMessage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The case list in one SQL statement over plain columns (nothing is decrypted): open cases in
 * urgency order (immediate danger; then awaiting a first reply, earliest deadline first, so overdue
 * cases lead; then answered cases), one page at a time. The ORDER BY matches
 * {@code intake_open_urgency_idx} and, when one status is chosen, {@code intake_status_urgency_idx}, and the open child cases {@code intake_victim_child_idx}; a reference
 * search uses {@code intake_reference_prefix_idx}. Unread counts are computed for the page's rows only.
 */
@ApplicationScoped
public class CaseListQuery {

    private static final String ORDER = "in_danger desc, (first_response_at is null) desc, first_response_due_at, id";

    private final EntityManager em;
    private final CaseAccess access;

    CaseListQuery(EntityManager em, CaseAccess access) {
        this.em = em;
        this.access = access;
    }

    /**
     * The native SQL of one page and its named parameters; {@link #page} runs exactly this with the case-access
     * rules' condition (benchmarks EXPLAIN it, with or without that condition).
     */
    public record Statement(String sql, Map<String, Object> params) {
    }

    /** Up to {@code size + 1} rows, so the caller knows whether a next page exists. */
    public List<CaseRow> page(CaseFilter filter, Long viewerId, boolean seesAll, Instant now, int size) {
        // A case an access rule refuses the viewer (a conflict of interest) is not in its list, search, filters or pages.
        Statement statement = statement(filter, viewerId, seesAll, now, size, access.visibleTo("i.id", ":viewer"));
        Query query = em.createNativeQuery(statement.sql());
        statement.params().forEach(query::setParameter);
        List<CaseRow> rows = new ArrayList<>();
        for (Object raw : query.getResultList()) {
            Object[] r = (Object[]) raw;
            rows.add(new CaseRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    DbTimes.instant(r[5]), DbTimes.instant(r[6]), DbTimes.instant(r[7]), (String) r[8], (String) r[9], Boolean.TRUE.equals(r[10]),
                    ((Number) r[11]).longValue(), r[12] != null, (String) r[13], Boolean.TRUE.equals(r[14]),
                    Boolean.TRUE.equals(r[15]), (String) r[16], Boolean.TRUE.equals(r[17]), Boolean.TRUE.equals(r[18])));
        }
        return rows;
    }

    public static Statement statement(CaseFilter filter, Long viewerId, boolean seesAll, Instant now, int size) {
        return statement(filter, viewerId, seesAll, now, size, null);
    }

    /** @param visible an SQL condition over {@code i.id} and {@code :viewer}, or null for none */
    public static Statement statement(CaseFilter filter, Long viewerId, boolean seesAll, Instant now, int size, String visible) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (visible != null) {
            where.add("(" + visible + ")");
            params.put("viewer", viewerId);
        }
        if (filter.status() == null) {
            where.add("i.status <> 'closed'");
        } else {
            where.add("i.status = :status");
            params.put("status", filter.status());
        }
        if (!seesAll) {
            where.add("(i.assignee_id is null or i.assignee_id = :viewer)");
            params.put("viewer", viewerId);
        }
        if ("mine".equals(filter.view())) {
            where.add("i.assignee_id = :me");
            params.put("me", viewerId);
        } else if ("unassigned".equals(filter.view())) {
            where.add("i.assignee_id is null");
        } else if ("returned".equals(filter.view())) {
            where.add("i.assignee_id is null and i.returned_from is not null");
        } else if ("overdue".equals(filter.view())) {
            where.add("i.first_response_at is null and i.first_response_due_at < :now");
            params.put("now", Timestamp.from(now));
        }
        if (filter.channel() != null) {
            where.add("i.channel = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.role() != null) {
            where.add("i.reporter_role = :role");
            params.put("role", filter.role());
        }
        if (filter.service() != null) {
            where.add("(',' || i.services || ',') like :service");
            params.put("service", "%," + filter.service() + ",%");
        }
        if (filter.violence() != null) {
            where.add("(',' || i.violence_types || ',') like :violence");
            params.put("violence", "%," + filter.violence() + ",%");
        }
        if (filter.urgentMedical()) {
            where.add("i.urgent_medical");
        }
        if (filter.child()) {
            where.add("i.victim_child");
        }
        if (filter.danger()) {
            // in_danger leads the urgency order and its indexes (intake_open_urgency_idx, intake_status_urgency_idx): the
            // cases in danger are the first range of the index the list already reads, no index of their own needed
            where.add("i.in_danger");
        }
        if (filter.reference() != null) {
            where.add("i.reference_code like :reference");
            params.put("reference", filter.reference() + "%");
        }
        String sql = "select p.id, p.reference_code, p.channel, p.reporter_role, p.services, p.received_at, "
                + "p.first_response_due_at, p.first_response_at, a.username, p.status, p.in_danger, "
                + "(select count(*) from chat_message m where m.intake_id = p.id and m.direction = 'IN' "
                + "and m.kind <> '" + ChatMessage.KIND_STALE_BUTTON + "' and m.created_at > coalesce(p.last_read_at, p.received_at)) as unread, p.deleted_by_reporter_at, "
                + "p.violence_types, p.urgent_medical, p.victim_child, "
                + "(select m.status from chat_message m where m.intake_id = p.id and m.direction = 'OUT' and m.author_account_id is not null "
                + "order by m.id desc limit 1) as last_reply_status, "
                // danger written in the chat since the case was last opened (CaseRow#dangerUnread)
                + "(p.danger_said_at is not null and p.danger_said_at > coalesce(p.last_read_at, p.received_at)) as danger_unread, "
                + "(p.assignee_id is null and p.returned_from is not null) as returned "
                + "from (select i.id, i.reference_code, i.channel, i.reporter_role, i.services, i.received_at, "
                + "i.first_response_due_at, i.first_response_at, i.assignee_id, i.status, i.in_danger, i.contact_id, "
                + "i.last_read_at, i.deleted_by_reporter_at, i.violence_types, i.urgent_medical, i.victim_child, i.danger_said_at, i.returned_from from intake i where " + String.join(" and ", where)
                + " order by " + prefixed("i.") + " limit :limit offset :offset) p "
                + "left join account a on a.id = p.assignee_id order by " + prefixed("p.");
        params.put("limit", size + 1);
        params.put("offset", (long) filter.page() * size);
        return new Statement(sql, Collections.unmodifiableMap(params));
    }

    private static String prefixed(String alias) {
        return ORDER.replace("in_danger", alias + "in_danger").replace("(first_response_at", "(" + alias + "first_response_at")
                .replace(", first_response_due_at", ", " + alias + "first_response_due_at").replace(", id", ", " + alias + "id");
    }
}
