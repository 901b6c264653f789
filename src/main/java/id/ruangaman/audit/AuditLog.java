package id.ruangaman.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Appends audit rows and reads them back for coordinators. There is deliberately no method that
 * changes or deletes a row; the database refuses it too.
 */
@ApplicationScoped
public class AuditLog implements PanacheRepository<AuditEvent> {

    private static final int DETAIL_MAX = 200;
    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Joins the caller's transaction, or starts one. {@code detail} must be codes, never content. */
    @Transactional
    public void record(String actor, AuditAction action, Long intakeId, String detail) {
        AuditEvent event = new AuditEvent();
        event.at = Instant.now(clock);
        event.actor = actor == null || actor.isBlank() ? "anonymous" : truncate(actor, 64);
        event.actorAccountId = accountNamed(event.actor);
        event.action = action.code();
        event.intakeId = intakeId;
        event.detail = detail == null ? null : truncate(detail, DETAIL_MAX);
        persist(event);
    }

    /**
     * Records, unless {@code actor} already has a row of one of the {@code covering} actions on the same case at or
     * after {@code since}: for a read that an open page repeats by itself (the live transcript refresh), so the trail
     * shows each person reading each case, not each refresh.
     */
    @Transactional
    public void recordUnlessCovered(String actor, AuditAction action, Long intakeId, Instant since, List<AuditAction> covering) {
        long recent = count("actor = ?1 and intakeId = ?2 and at >= ?3 and action in ?4", actor, intakeId, since,
                covering.stream().map(AuditAction::code).toList());
        if (recent == 0) {
            record(actor, action, intakeId, null);
        }
    }

    /**
     * Newest first, filtered by the given criteria (any may be null). {@code actor} matches the username as written in
     * the row, or any of {@code actorAccounts} (account ids: the person, whatever username the row holds); an empty list
     * matches by username only.
     */
    public List<AuditEvent> search(String actor, List<Long> actorAccounts, String action, Long intakeId, Instant from, Instant to,
            int offset, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (actor != null && (actorAccounts == null || actorAccounts.isEmpty())) {
            where.add("actor = :actor");
            params.put("actor", actor);
        } else if (actor != null) {
            where.add("(actor = :actor or actorAccount in :accounts)");
            params.put("actor", actor);
            params.put("accounts", actorAccounts);
        }
        if (action != null) {
            where.add("action = :action");
            params.put("action", action);
        }
        if (intakeId != null) {
            where.add("intakeId = :intakeId");
            params.put("intakeId", intakeId);
        }
        if (from != null) {
            where.add("at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("at < :to");
            params.put("to", to);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        return find(query, params).range(offset, offset + limit - 1).list();
    }

    /**
     * Records in a transaction of its own, committed even when the caller's transaction rolls back:
     * for refusals, which are recorded right before an exception is thrown.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusal(String actor, AuditAction action, Long intakeId, String detail) {
        record(actor, action, intakeId, detail);
    }

    /**
     * The account a row's actor is, read when the row is written: the logged-in account's username is then certainly
     * that account's. Null for a system actor ({@link AuditDetail#SYSTEM_ACTORS}, "anonymous") or a username that names
     * no account (a login attempt with a typed name). Flushes only pending changes to accounts.
     */
    private Long accountNamed(String actor) {
        if (AuditDetail.SYSTEM_ACTORS.contains(actor) || "anonymous".equals(actor)) {
            return null;
        }
        List<?> ids = getEntityManager().createNativeQuery("select id from account where username = ?1").setParameter(1, actor)
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("account").getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
