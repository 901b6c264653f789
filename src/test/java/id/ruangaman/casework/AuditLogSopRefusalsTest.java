package id.ruangaman.casework;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 11, finding 5: the audit log names every refusal of a stage change the SOP guards give (closing during
 * recovery among them) and the saving of the verification findings form, in both languages; never "(tidak dikenal)".
 */
@QuarkusTest
class AuditLogSopRefusalsTest {

    /** Every code a refused stage change is audited with (SopStepGuards, StepBlocks, CaseService). */
    static final String[] STEP_CODES = { "assessment_missing", "evidence_examined_missing", "meeting_missing",
            "victim_did_not_choose_examination", "assignment_letter_missing", "minutes_missing", "conclusion_missing",
            "recommendation_missing", "decision_missing", "resolved_needs_decision", "sanction_not_completed",
            "certificate_missing", "recovery_plan_missing", "recovery_checkin_missing", "recovery_not_ended",
            "recovery_period_running", "checklist_incomplete", "case_closed", "illegal_step" };

    @Inject
    InboxFixtures fixtures;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    @Test
    void shouldNameEveryStageRefusalAndTheFindingsForm() {
        fixtures.account("sop-refusals-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("sop-refusals-coordinator");
        String ref = fixtures.submittedCase(true);
        long intake = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from intake where reference_code = ?1").setParameter(1, ref).getSingleResult()).longValue());
        QuarkusTransaction.requiringNew().run(() -> {
            for (String code : STEP_CODES) {
                audit.recordRefusal("sop-refusals-coordinator", AuditAction.STATUS_REFUSED, intake, "decided->closed refused:" + code);
            }
            audit.record("sop-refusals-coordinator", AuditAction.CHECK, intake, "component:identification component:evidence");
        });

        String id = InboxFixtures.getAs(session).cookie("ruangaman-lang", "id").when().get("/inbox/audit?ref=" + ref).then()
                .statusCode(200).extract().asString();
        String en = InboxFixtures.getAs(session).cookie("ruangaman-lang", "en").when().get("/inbox/audit?ref=" + ref).then()
                .statusCode(200).extract().asString();
        assertFalse(id.contains("tidak dikenal"), id);
        assertFalse(en.contains("(unknown)"), en);
        assertTrue(id.contains("masa pemulihan masih berjalan"), id);
        assertTrue(en.contains("recovery period still running"), en);
    }
}
