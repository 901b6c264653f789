package id.ruangaman.casework;

import static id.ruangaman.casework.ConflictOfInterestListsTest.loginThroughTheForm;
import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditDetail;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.RenderedForm;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 8, findings 5 and 9: leadership accounts are not offered as casework staff (and a forged choice is
 * refused with the reason, the form kept), and the referral history and audit log show labels where they showed
 * ids and codes (the provider's name, the survivor in the chat, a count of cases).
 */
@QuarkusTest
class CaseworkStaffTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;
    @Inject
    AuditLog audit;
    @Inject
    CaseFileRepository cases;

    @Test
    void shouldOfferOnlyAccountsThatWorkCases() {
        Account leader = fixtures.account("staff-pimpinan", Role.PIMPINAN);
        Account counsellor = fixtures.account("staff-counsellor", Role.COUNSELLOR);
        fixtures.account("staff-coordinator", Role.COORDINATOR);
        String session = loginThroughTheForm("staff-coordinator");
        String ref = fixtures.submittedCase(true);

        String casePage = getAs(session).accept(HTML).when().get("/inbox/cases/" + ref).then().statusCode(200).extract().asString();
        String assignees = between(casePage, "<select name=\"assignee\"", "</select>");
        assertTrue(assignees.contains(">staff-counsellor<") && !assignees.contains("staff-pimpinan"), assignees);
        // A forged choice of a leadership account: the case page again, saying why.
        String location = RenderedForm.holding(casePage, "assign").with("assignee", String.valueOf(leader.id)).submit(session).then()
                .statusCode(303).header("Location", endsWith("/inbox/cases/" + ref + "?refused=caseworkers_only")).extract()
                .header("Location");
        getAs(session).accept(HTML).when().get(location.replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .body(containsString("Akun pimpinan tidak menangani kasus: pilih konselor atau koordinator."));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().assigneeId));

        CaseworkSteps steps = new CaseworkSteps(session, ref);
        assertEquals(303, steps.status("in_verification"));
        steps.tickChecklist();
        assertEquals(303, steps.assessment());
        assertEquals(303, steps.status("verified"));
        String sop = getAs(session).accept(HTML).when().get(steps.base()).then().statusCode(200).extract().asString();
        for (String field : new String[] { "attendees", "team" }) {
            String offered = between(sop, "name=\"" + field + "\"", "</fieldset>");
            assertFalse(sop.contains("name=\"" + field + "\" value=\"" + leader.id + "\""), field + ": " + offered);
            assertTrue(sop.contains("name=\"" + field + "\" value=\"" + counsellor.id + "\""), field);
        }
        // A forged attendee: refused with the reason, and what was typed stays in the form.
        RenderedForm.holding(sop, "save-meeting").with("held_on", CaseworkSteps.today()).with("attendees", String.valueOf(leader.id))
                .with("options_explained", "Pilihan sintetis yang diketik").with("procedure_consequences", "Prosedur sintetis")
                .with("victim_choice", "examination").with("meeting_consent", "victim").submit(session).then()
                .statusCode(400).body(containsString("Akun pimpinan tidak menangani kasus"))
                .body(containsString("Pilihan sintetis yang diketik"));
    }

    @Test
    void shouldNameTheProviderAndTheChatAndCountTheCasesInHistories() {
        fixtures.account("history-coordinator", Role.COORDINATOR);
        String session = loginThroughTheForm("history-coordinator");
        String ref = fixtures.submittedCase(true);
        long intakeId = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        String created = as(session).formParam("provider", String.valueOf(data.provider("contoh-lbh"))).formParam("service", "legal")
                .formParam("part", "needs").when().post("/inbox/cases/" + ref + "/referrals").then().statusCode(303).extract().header("Location");
        long referral = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        QuarkusTransaction.requiringNew().run(() -> {
            audit.record(AuditDetail.CHAT_ACTOR, AuditAction.REFERRAL_CHANGE, intakeId, "referral:" + referral + " draft->awaiting_consent");
            audit.record("history-coordinator", AuditAction.ERASE, intakeId, "reason:request_by_phone cases:1");
        });
        String id = getAs(session).accept(HTML).when().get("/inbox/referrals/" + referral).then().statusCode(200).extract().asString();
        String history = id.substring(id.lastIndexOf("<ul>"));
        assertFalse(history.contains("Penyedia #"), history);
        assertTrue(Pattern.compile("Penyedia [^#<]+").matcher(history).find(), history);
        assertTrue(history.contains("Pelapor (lewat chat)") && !history.contains("survivor-chat"), history);
        String en = getAs(session).accept(HTML).cookie("ruangaman-lang", "en").when().get("/inbox/referrals/" + referral).then()
                .extract().asString();
        assertTrue(en.contains("Reporter (via chat)") && !en.contains("Provider #"), en);

        String log = getAs(session).accept(HTML).when().get("/inbox/audit?ref=" + ref).then().statusCode(200).extract().asString();
        assertTrue(log.contains("Pelapor (lewat chat)") && !log.contains(">survivor-chat<"), log);
        assertTrue(log.contains("1 kasus") && !log.contains("Kasus: #1"), log);
        getAs(session).accept(HTML).cookie("ruangaman-lang", "en").when().get("/inbox/audit?ref=" + ref).then()
                .body(containsString("1 case")).body(not(containsString("Cases: #1")));
    }

    private static String between(String html, String from, String to) {
        Matcher m = Pattern.compile(Pattern.quote(from) + "(.*?)" + Pattern.quote(to), Pattern.DOTALL).matcher(html);
        return m.find() ? m.group(1) : "";
    }
}
