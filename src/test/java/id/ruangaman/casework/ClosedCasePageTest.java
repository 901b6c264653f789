package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.inbox.VerificationComponent;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The case page of a closed case (walkthrough: its verification checklist could still be unticked and ticked again,
 * audited, while the SOP page of the same case was read-only): the checklist is shown without its forms, and a tick or
 * a stage change posted anyway is refused with the SOP page's words 'Kasus sudah ditutup' (a browser gets the case
 * page again with the reason, any other client 409) and nothing is saved. Notes and replies stay open: talking to the
 * survivor goes on after closing.
 */
@QuarkusTest
class ClosedCasePageTest {

    private static final Pattern CHECK_FORM = Pattern.compile("action=\"/inbox/cases/[^\"]+/checks\"");
    private static final Pattern STATUS_FORM = Pattern.compile("action=\"/inbox/cases/[^\"]+/status\"");

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    EntityManager em;

    private String session;

    @BeforeEach
    void login() {
        fixtures.account("closedpage-counsellor", Role.COUNSELLOR);
        session = InboxFixtures.login("closedpage-counsellor");
    }

    private long count(String sql, long intakeId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, intakeId)
                .getSingleResult()).longValue());
    }

    private long checks(long id) {
        return count("select count(*) from case_check where intake_id = ?1", id);
    }

    private long checkAudits(long id) {
        return count("select count(*) from audit_event where intake_id = ?1 and action = 'check'", id);
    }

    @Test
    void shouldShowAClosedCasesChecklistWithoutFormsAndRefuseTicksWithTheReason() {
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        String casePage = "/inbox/cases/" + ref;
        String open = getAs(session).get(casePage).then().statusCode(200).extract().asString();
        assertEquals(VerificationComponent.ALL.size(), CHECK_FORM.matcher(open).results().count(), "an open case's checklist is a form");

        assertEquals(303, steps.status("in_verification"));
        as(session).formParam("component", "identification").formParam("checked", "true").post(casePage + "/checks").then().statusCode(303);
        assertEquals(303, steps.close("withdrawn_by_reporter"));
        long ticks = checks(id);
        long audits = checkAudits(id);
        assertEquals(1, ticks);

        String page = getAs(session).get(casePage).then().statusCode(200).extract().asString();
        assertEquals(0, CHECK_FORM.matcher(page).results().count(), "a closed case's checklist offers no tick");
        assertEquals(0, STATUS_FORM.matcher(page).results().count(), "nor a stage button");
        assertTrue(page.contains("id=\"check-identification\""), "the ticks are still shown");
        assertTrue(page.contains("closedpage-counsellor"), "with who ticked");
        assertFalse(page.contains("id=\"record-findings\""), "no link to findings the SOP page no longer takes");
        assertTrue(page.contains("action=\"/inbox/cases/" + ref + "/notes\""), "notes stay open");
        assertTrue(page.contains("action=\"/inbox/cases/" + ref + "/reply\""), "and so does the reply box");

        for (List<String> tick : List.of(List.of("identification", "false"), List.of("chronology", "true"))) {
            String to = as(session).accept("text/html").formParam("component", tick.get(0)).formParam("checked", tick.get(1))
                    .post(casePage + "/checks").then().statusCode(303).extract().header("Location");
            assertTrue(to.endsWith(casePage + "?refused=step_case_closed"), to);
            String shown = getAs(session).get(to).then().statusCode(200).extract().asString();
            assertTrue(shown.contains("Kasus sudah ditutup: catatannya hanya bisa dibaca"), "the browser is told why");
            as(session).formParam("component", tick.get(0)).formParam("checked", tick.get(1)).post(casePage + "/checks").then()
                    .statusCode(409);
        }
        String stage = as(session).accept("text/html").formParam("status", "in_verification").post(casePage + "/status").then()
                .statusCode(303).extract().header("Location");
        assertTrue(stage.endsWith(casePage + "?refused=step_case_closed"), stage);
        as(session).formParam("status", "in_verification").post(casePage + "/status").then().statusCode(409);

        assertEquals(ticks, checks(id), "no tick removed or added");
        assertEquals(audits, checkAudits(id), "no checklist change audited");
        assertEquals("closed", QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().status));
        as(session).formParam("text", "Catatan sintetis setelah ditutup").post(casePage + "/notes").then().statusCode(303);
    }

    @Test
    void shouldShowNoRunningExaminationDeadlineOnAClosedCase() {
        // Walkthrough 11, finding 6: a case closed after verification still read "Tenggat pemeriksaan ... (30 hari kerja
        // tersisa)" on its case page and its SOP page, as if the examination were still due.
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        String casePage = "/inbox/cases/" + ref;
        assertEquals(303, steps.status("in_verification"));
        assertTrue(getAs(session).get(casePage).then().statusCode(200).extract().asString().contains("hari kerja tersisa"),
                "a case in verification counts its examination deadline down");
        assertTrue(getAs(session).get(steps.base()).then().statusCode(200).extract().asString().contains("hari kerja tersisa"));

        assertEquals(303, steps.close("withdrawn_by_reporter"));
        String page = getAs(session).get(casePage).then().statusCode(200).extract().asString();
        assertFalse(page.contains("hari kerja tersisa") || page.contains("Tenggat pemeriksaan"), "the case page of a closed case");
        String sop = getAs(session).get(steps.base()).then().statusCode(200).extract().asString();
        assertFalse(sop.contains("hari kerja tersisa"), "the SOP page of a closed case");
    }
}
