package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.RenderedForm;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 12, finding 4: the recovery's end (V140), once recorded, could not be removed. A counsellor who recorded it
 * by mistake removes it with the SOP page's button (the rendered form, submitted as the browser does); the audit log
 * says so in words, the timeline too, and closing as resolved is guarded by the running recovery again. Synthetic case.
 */
@QuarkusTest
class RecoveryEndClearedTest {

    private static final String RUNNING = "Masa pemulihan yang ditetapkan pimpinan masih berjalan";

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldLetACounsellorRemoveAMistakenRecoveryEndAndGuardClosingAgain() {
        Account counsellor = fixtures.account("clear-end-counsellor", Role.COUNSELLOR);
        fixtures.account("clear-end-pimpinan", Role.PIMPINAN);
        fixtures.account("clear-end-coordinator", Role.COORDINATOR);
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        String session = InboxFixtures.login("clear-end-counsellor");
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toConcluded(counsellor.id, "written_warning", () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        as(InboxFixtures.login("clear-end-pimpinan")).formParam("decision_number", "KEP-CLEAR/1")
                .formParam("decided_on", CaseworkSteps.today()).formParam("sanction_measure", "written_warning")
                .formParam("recovery_until", LocalDate.parse(CaseworkSteps.today()).plusDays(90).toString())
                .formParam("decision_text", "Keputusan sintetis").post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);
        steps.post().formParam("programme", "Konseling sintetis").formParam("institution", "Lembaga sintetis").formParam("state", "completed")
                .formParam("completion_report_on", CaseworkSteps.today()).post(steps.base() + "/execution").then().statusCode(303);
        steps.post().formParam("certificate_number", "SK-CLEAR/1").formParam("certificate_on", CaseworkSteps.today())
                .formParam("certificate_issuer", "Rektor sintetis").post(steps.base() + "/certificate").then().statusCode(303);
        steps.post().formParam("consent_by", "victim").formParam("consent_on", CaseworkSteps.today()).formParam("victim_status", "student")
                .formParam("plan", "Konseling mingguan sintetis").post(steps.base() + "/recovery").then().statusCode(303);
        steps.post().formParam("checked_on", CaseworkSteps.today()).formParam("with_whom", "victim")
                .formParam("checkin_note", "Perkembangan sintetis").post(steps.base() + "/checkins").then().statusCode(303);
        // recorded by mistake: the recovery has not ended
        steps.post().formParam("ended_on", CaseworkSteps.today()).formParam("recovery_end_reason", "completed")
                .post(steps.base() + "/recovery-end").then().statusCode(303);
        String page = getAs(session).get(steps.base()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"recovery-ended\"") && !page.contains("id=\"sop-why-closed-resolved\""), "the end is recorded");

        RenderedForm.holding(page, "clear-recovery-end").submit(session).then().statusCode(303);

        page = getAs(session).get(steps.base()).then().statusCode(200).extract().asString();
        assertFalse(page.contains("id=\"recovery-ended\""), "the end is gone");
        assertFalse(page.contains("id=\"clear-recovery-end\""), "nothing left to remove");
        assertTrue(page.contains("Akhir pemulihan dihapus"), "the timeline says it was removed");
        assertTrue(page.contains("id=\"sop-why-closed-resolved\"") && page.contains(RUNNING), "the close form is guarded again");
        String refused = steps.post().formParam("status", "closed").formParam("reason", "resolved").post(steps.base() + "/status").then()
                .statusCode(303).extract().header("Location");
        assertTrue(refused.contains("refused=step_recovery_period_running"), refused);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> repo.one(RecoveryEnd.class, id).isEmpty()), "the row is gone");
        assertFalse("closed".equals(QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().status)),
                "the case was closed");

        String log = getAs(InboxFixtures.login("clear-end-coordinator")).cookie("ruangaman-lang", "id").get("/inbox/audit").then()
                .statusCode(200).extract().asString();
        assertTrue(log.contains("Akhir pemulihan dihapus"), "the audit log says it in words");
        assertFalse(log.contains("recovery_end_cleared"), "no codes in the audit log");
    }
}
