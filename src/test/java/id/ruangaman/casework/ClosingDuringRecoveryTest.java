package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditLog;
import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Closing a case as resolved while the victim's recovery is still running (walkthrough: a case closed mid-recovery).
 * SOP Investigasi dan Pendampingan 2.1 (recovery runs for the period leadership's decision sets), 2.3 (it is
 * monitored) and 3 (only with consent): a case whose decision set a recovery period, or that has a recovery plan,
 * closes as resolved only once there is a plan (or the statement that consent was not given), a monitoring check-in,
 * and the period is over or the recovery's end is recorded with its reason. Each refusal names everything missing and
 * links to its form; the hint beside the close form names the same, before anyone tries (one rule for both).
 */
@QuarkusTest
class ClosingDuringRecoveryTest {

    private static final Pattern HINT = Pattern.compile("(?s)<span class=\"hint step-needs\" id=\"sop-why-closed-resolved\">(.*?)</span>");
    private static final Pattern CASE_HINT = Pattern.compile("(?s)<span class=\"hint step-needs\" id=\"why-closed-resolved\">(.*?)</span>");
    private static final Pattern FIX = Pattern.compile("id=\"(?:sop-)?fix-close-([a-z_]+)\"");

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    AuditLog audit;

    private String session;
    private String leader;
    private Account counsellor;

    @BeforeEach
    void login() {
        counsellor = fixtures.account("recovery-close-counsellor", Role.COUNSELLOR);
        fixtures.account("recovery-close-pimpinan", Role.PIMPINAN);
        session = InboxFixtures.login("recovery-close-counsellor");
        leader = InboxFixtures.login("recovery-close-pimpinan");
    }

    /** A case decided (proven, a written warning carried out with its statement); {@code recoveryUntil} may be null. */
    private CaseworkSteps decided(LocalDate recoveryUntil) {
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toConcluded(counsellor.id, "written_warning", () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        var decide = as(leader).formParam("decision_number", "KEP-PULIH/1").formParam("decided_on", CaseworkSteps.today())
                .formParam("sanction_measure", "written_warning").formParam("decision_text", "Keputusan sintetis");
        if (recoveryUntil != null) {
            decide = decide.formParam("recovery_until", recoveryUntil.toString());
        }
        decide.post("/inbox/pimpinan/" + ref + "/decision").then().statusCode(303);
        steps.post().formParam("programme", "Konseling sintetis").formParam("institution", "Lembaga sintetis").formParam("state", "completed")
                .formParam("completion_report_on", CaseworkSteps.today()).post(steps.base() + "/execution").then().statusCode(303);
        steps.post().formParam("certificate_number", "SK-PULIH/1").formParam("certificate_on", CaseworkSteps.today())
                .formParam("certificate_issuer", "Rektor sintetis").post(steps.base() + "/certificate").then().statusCode(303);
        return steps;
    }

    /** Tries to close as resolved: the refusal's codes (303 back to the page), or an empty list when it closed. */
    private static List<String> close(CaseworkSteps steps) {
        String location = steps.post().formParam("status", "closed").formParam("reason", "resolved").post(steps.base() + "/status").then()
                .statusCode(303).extract().header("Location");
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("refused=step_([a-z_]+)").matcher(location);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /** The codes the close form's hint names on the SOP page and on the case page (they must be the same). */
    private List<String> hint(CaseworkSteps steps) {
        List<String> sop = codes(HINT, getAs(session).get(steps.base()).then().statusCode(200).extract().asString());
        List<String> casePage = codes(CASE_HINT, getAs(session).get(steps.base().replaceFirst("/sop$", "")).then().statusCode(200)
                .extract().asString());
        assertEquals(sop, casePage, "the case page's hint");
        return sop;
    }

    private static List<String> codes(Pattern hint, String html) {
        Matcher m = hint.matcher(html);
        if (!m.find()) {
            return List.of();
        }
        return FIX.matcher(m.group(1)).results().map(r -> r.group(1)).toList();
    }

    private static void plan(CaseworkSteps steps) {
        steps.post().formParam("consent_by", "victim").formParam("consent_on", CaseworkSteps.today()).formParam("victim_status", "student")
                .formParam("plan", "Konseling mingguan sintetis").post(steps.base() + "/recovery").then().statusCode(303);
    }

    private static void checkin(CaseworkSteps steps) {
        steps.post().formParam("checked_on", CaseworkSteps.today()).formParam("with_whom", "victim")
                .formParam("checkin_note", "Perkembangan sintetis").post(steps.base() + "/checkins").then().statusCode(303);
    }

    private static int end(CaseworkSteps steps, String reason, String note) {
        var post = steps.post().formParam("ended_on", CaseworkSteps.today()).formParam("recovery_end_reason", reason);
        if (note != null) {
            post = post.formParam("recovery_end_note", note);
        }
        return post.post(steps.base() + "/recovery-end").then().extract().statusCode();
    }

    @Test
    void shouldNotCloseAsResolvedWhileTheRecoveryPeriodRunsAndSayWhatIsMissingBeforehand() {
        CaseworkSteps steps = decided(LocalDate.parse(CaseworkSteps.today()).plusDays(60));
        String ref = steps.base().split("/")[3];

        List<String> missing = List.of("recovery_plan_missing");
        assertEquals(missing, hint(steps), "before trying, the close form says what closing as resolved needs");
        assertEquals(missing, close(steps), "the refusal names the same");
        String page = getAs(session).get(steps.base() + "?refused=step_recovery_plan_missing").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Keputusan pimpinan menetapkan masa pemulihan, tetapi rencana pemulihan belum dicatat"), "the reason");
        assertTrue(page.contains("href=\"/inbox/cases/" + ref + "/sop#recovery\""), "links to the recovery plan's form");

        plan(steps);
        missing = List.of("recovery_checkin_missing", "recovery_period_running");
        assertEquals(missing, hint(steps));
        assertEquals(missing, close(steps));
        page = getAs(session).get(steps.base()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("href=\"/inbox/cases/" + ref + "/sop#checkin\"") && page.contains("href=\"/inbox/cases/" + ref
                + "/sop#recovery-end\""), "each reason links to its form");
        assertTrue(page.contains("Menutup sebagai “Selesai” perlu dulu:") && page.contains("Masa pemulihan yang ditetapkan pimpinan masih berjalan"),
                "the hint beside the close form, in words");

        checkin(steps);
        missing = List.of("recovery_period_running");
        assertEquals(missing, hint(steps));
        assertEquals(missing, close(steps));
        // other reasons close at any time (SopStepGuards): no hint for them
        assertFalse(getAs(session).get(steps.base()).then().extract().asString().contains("sop-why-closed-withdrawn_by_reporter"));

        // the recovery finished before the period's end: recorded with its reason, then the case closes as resolved
        assertEquals(303, end(steps, "completed", "Korban dan psikolog sepakat pemulihan tercapai, sintetis"));
        String recorded = getAs(session).get(steps.base()).then().statusCode(200).extract().asString();
        assertTrue(recorded.contains("id=\"recovery-ended\"") && recorded.contains("Pemulihan selesai"), "the end is shown with its label");
        assertTrue(recorded.contains("Akhir pemulihan dicatat"), "and on the timeline");
        // the plan and the check-in each have their own line on the timeline, not one 'recovery recorded' for both
        String timeline = recorded.substring(recorded.indexOf("id=\"timeline\""));
        assertTrue(timeline.contains("Rencana pemulihan dicatat") && timeline.contains("Pemantauan pemulihan dicatat")
                && !timeline.contains("Pemulihan dicatat"), "the plan and the check-in named on the timeline");
        assertEquals(List.of(), hint(steps), "no hint once nothing is missing");
        assertEquals(List.of(), close(steps));
        assertEquals("closed", QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().status));
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        assertEquals(3, QuarkusTransaction.requiringNew().call(() -> audit.count("action = 'status_refused' and intakeId = ?1 and detail like "
                + "'decided->closed refused:recovery_%'", id)), "each refusal audited with its first reason");
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> audit.count("action = 'recovery' and intakeId = ?1 and detail = "
                + "'recovery_end reason:completed'", id)));
    }

    @Test
    void shouldCloseWithoutAPlanOnlyOnceItIsRecordedThatConsentWasNotGiven() {
        CaseworkSteps steps = decided(LocalDate.parse(CaseworkSteps.today()).plusDays(30));
        assertEquals(List.of("recovery_plan_missing"), close(steps));
        // "finished" or "consent withdrawn" need a plan; "other" needs the reason written; a future day is refused; each
        // refusal shows the form again with what was typed
        String refused = steps.post().formParam("ended_on", CaseworkSteps.today()).formParam("recovery_end_reason", "completed")
                .formParam("recovery_end_note", "Catatan diketik sintetis").post(steps.base() + "/recovery-end").then().statusCode(400)
                .extract().asString();
        assertTrue(refused.contains("Belum ada rencana pemulihan") && refused.contains(">Catatan diketik sintetis</textarea>"), "kept");
        assertEquals(400, end(steps, "consent_withdrawn", null));
        assertEquals(400, end(steps, "other", null));
        assertEquals(400, end(steps, "no_such_reason", "x"));
        steps.post().formParam("ended_on", LocalDate.parse(CaseworkSteps.today()).plusDays(1).toString())
                .formParam("recovery_end_reason", "consent_not_given").post(steps.base() + "/recovery-end").then().statusCode(400);
        assertEquals(List.of("recovery_plan_missing"), close(steps), "nothing was recorded");

        assertEquals(303, end(steps, "consent_not_given", null));
        assertEquals(List.of(), close(steps), "SOP 3: no recovery without consent, and that is stated");
    }

    @Test
    void shouldAskForTheEndOfARecoveryWhoseDecisionSetNoPeriodAndLetConsentBeWithdrawn() {
        CaseworkSteps steps = decided(null);
        plan(steps);
        assertEquals(List.of("recovery_checkin_missing", "recovery_not_ended"), close(steps));
        assertEquals(400, end(steps, "consent_not_given", null), "a plan was made with consent");
        // consent withdrawn before any check-in: the recovery ends there, and no monitoring is asked of it
        assertEquals(303, end(steps, "consent_withdrawn", null));
        assertEquals(List.of(), hint(steps));
        assertEquals(List.of(), close(steps));
    }
}
