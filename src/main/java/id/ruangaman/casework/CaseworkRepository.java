package id.ruangaman.casework;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import id.ruangaman.inbox.VerificationFinding;

/** Reads and writes the casework rows of a case. */
@ApplicationScoped
class CaseworkRepository {

    private final EntityManager em;

    CaseworkRepository(EntityManager em) {
        this.em = em;
    }

    public <T> Optional<T> one(Class<T> type, long intakeId) {
        return Optional.ofNullable(em.find(type, intakeId));
    }

    /**
     * Locks the case's row ({@code intake}, {@code FOR NO KEY UPDATE}) until this transaction ends: a second form save of
     * the same case waits here, then reads what the first one committed. Rows that only refer to the case (messages,
     * audit) are not held up.
     */
    public void lockCase(long intakeId) {
        em.createNativeQuery("select id from intake where id = ?1 for no key update").setParameter(1, intakeId).getResultList();
    }

    public <T> T find(Class<T> type, long id) {
        return em.find(type, id);
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    /** The verification finding of one part of a case's verified report, or null. */
    public VerificationFinding finding(long intakeId, String component) {
        id.ruangaman.inbox.CaseCheck.Key key = new id.ruangaman.inbox.CaseCheck.Key();
        key.intakeId = intakeId;
        key.component = component;
        return em.find(VerificationFinding.class, key);
    }

    /** Whether the checklist's part {@code component} is ticked. */
    public boolean isTicked(long intakeId, String component) {
        id.ruangaman.inbox.CaseCheck.Key key = new id.ruangaman.inbox.CaseCheck.Key();
        key.intakeId = intakeId;
        key.component = component;
        return em.find(id.ruangaman.inbox.CaseCheck.class, key) != null;
    }

    public List<VerificationFinding> findings(long intakeId) {
        return em.createQuery("from VerificationFinding where intakeId = :id", VerificationFinding.class).setParameter("id", intakeId)
                .getResultList();
    }

    public List<Party> parties(long intakeId) {
        return em.createQuery("from Party where intakeId = :id order by id", Party.class).setParameter("id", intakeId).getResultList();
    }

    /** The campus statuses of the case's terlapor, each once, in the order recorded; empty while none is recorded. */
    public List<String> terlaporStatuses(long intakeId) {
        return parties(intakeId).stream().filter(p -> "terlapor".equals(p.role)).map(p -> p.campusStatus).distinct().toList();
    }

    public List<Interview> interviews(long intakeId) {
        return em.createQuery("from Interview where intakeId = :id order by heldAt, id", Interview.class).setParameter("id", intakeId)
                .getResultList();
    }

    public List<LimitedMeeting> meetings(long intakeId) {
        return em.createQuery("from LimitedMeeting where intakeId = :id order by heldOn, id", LimitedMeeting.class)
                .setParameter("id", intakeId).getResultList();
    }

    public List<RecoveryCheckin> checkins(long intakeId) {
        return em.createQuery("from RecoveryCheckin where intakeId = :id order by checkedOn, id", RecoveryCheckin.class)
                .setParameter("id", intakeId).getResultList();
    }

    public boolean isConflicted(long intakeId, long accountId) {
        return !em.createNativeQuery("select 1 from case_conflict where intake_id = ?1 and account_id = ?2")
                .setParameter(1, intakeId).setParameter(2, accountId).getResultList().isEmpty();
    }

    /** Marks the account conflicted for the case, marked by the account {@code byAccountId} (V205); false when it already was. */
    public boolean markConflict(long intakeId, long accountId, String source, long byAccountId, Instant at) {
        return em.createNativeQuery("insert into case_conflict (intake_id, account_id, source, marked_by_account_id, marked_at) "
                + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing").setParameter(1, intakeId).setParameter(2, accountId)
                .setParameter(3, source).setParameter(4, byAccountId).setParameter(5, at).executeUpdate() == 1;
    }

    /**
     * Removes the conflict mark a party's account brought ({@code source party}) from the case; a coordinator's mark stays.
     * False when there was none.
     */
    public boolean unmarkPartyConflict(long intakeId, long accountId) {
        return em.createNativeQuery("delete from case_conflict where intake_id = ?1 and account_id = ?2 and source = 'party'")
                .setParameter(1, intakeId).setParameter(2, accountId).executeUpdate() == 1;
    }

    /** Account ids conflicted for the case. */
    public List<Long> conflictedAccounts(long intakeId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select account_id from case_conflict where intake_id = ?1 order by account_id")
                .setParameter(1, intakeId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * What a reporter's erasure leaves of the case's casework: every SOP row stays with its codes, dates, numbers, consent
     * flags and who recorded it (the institution's acts: a decided sanction and its decree number must not vanish),
     * and loses every column that holds free text or identifies a person, encrypted ones included; a party keeps
     * its role and campus status, not its name or linked account. Counsellors' notes ({@code case_note}) are free
     * text that may name the reporter, so they are deleted. Per table, the columns emptied (docs/erasure.md
     * keeps" lists what stays):
     */
    static final Map<String, List<String>> ERASED_COLUMNS = erasedColumns();

    private static Map<String, List<String>> erasedColumns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("case_assessment", List.of("condition_notes", "risks", "mitigation", "recorded_name"));
        m.put("case_verification_finding", List.of("note", "examined", "recorded_name"));
        m.put("case_check", List.of("checked_name"));
        m.put("case_meeting", List.of("options_explained", "procedure_consequences", "choice_notes", "attendee_names"));
        m.put("case_assignment_letter", List.of("signatory_name", "signatory_title", "team_as_issued"));
        m.put("case_party", List.of("name", "account_id"));
        m.put("case_interview", List.of("place", "attendees", "summary", "attachment", "attachment_type", "minutes_party_name",
                "consent_recorded_name"));
        m.put("case_conclusion", List.of("party_identity", "violence_form", "accompaniment", "protection", "examination_summary",
                "not_proven_statement"));
        m.put("case_recommendation", List.of("recovery", "sanction_details", "prevention", "good_name"));
        m.put("case_decision", List.of("text", "heavier_reason"));
        m.put("case_decision_correction", List.of("text", "heavier_reason", "reason"));
        m.put("case_sanction_execution", List.of("programme", "institution", "notes", "certificate_issuer"));
        m.put("case_recovery_plan", List.of("plan"));
        m.put("case_recovery_checkin", List.of("note"));
        m.put("case_recovery_end", List.of("note"));
        return Collections.unmodifiableMap(m);
    }

    /** Empties {@link #ERASED_COLUMNS} of the case's rows and deletes its notes; returns how many rows were touched. */
    public int eraseContent(long intakeId) {
        int n = 0;
        for (Map.Entry<String, List<String>> table : ERASED_COLUMNS.entrySet()) {
            String set = String.join(", ", table.getValue().stream().map(c -> c + " = null").toList());
            n += em.createNativeQuery("update " + table.getKey() + " set " + set + " where intake_id = ?1").setParameter(1, intakeId)
                    .executeUpdate();
        }
        n += em.createNativeQuery("delete from case_note where intake_id = ?1").setParameter(1, intakeId).executeUpdate();
        return n;
    }
}
