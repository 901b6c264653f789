package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.login;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditLog;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CaseWorkflowTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    ChatMessageRepository messages;
    @Inject
    AuditLog audit;
    @Inject
    DataSource dataSource;

    private String session;

    @BeforeEach
    void login() {
        fixtures.account("workflow-counsellor", Role.COUNSELLOR);
        session = InboxFixtures.login("workflow-counsellor");
    }

    private CaseFile file(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow());
    }

    private long auditCount(String action, long intakeId) {
        return QuarkusTransaction.requiringNew().call(() -> audit.count("action = ?1 and intakeId = ?2", action, intakeId));
    }

    @Test
    void shouldWalkTheStatusWorkflowAndRefuseIllegalSteps() {
        String ref = fixtures.submittedCase(true);
        String base = "/inbox/cases/" + ref;
        as(session).formParam("status", "verified").when().post(base + "/status").then().statusCode(409);
        as(session).formParam("status", "in_verification").when().post(base + "/status").then().statusCode(303);
        CaseFile inVerification = file(ref);
        assertEquals("in_verification", inVerification.status);
        assertNotNull(inVerification.examinationDueOn);
        DayOfWeek due = inVerification.examinationDueOn.getDayOfWeek();
        assertTrue(due != DayOfWeek.SATURDAY && due != DayOfWeek.SUNDAY, "the examination deadline is a working day");

        as(session).formParam("status", "verified").when().post(base + "/status").then().statusCode(409); // checklist incomplete
        as(session).formParam("evidence_examined", "Tangkapan layar sintetis").when().post(base + "/sop/findings").then().statusCode(303);
        for (String component : VerificationComponent.ALL) {
            as(session).formParam("component", component).formParam("checked", "true").when().post(base + "/checks").then().statusCode(303);
        }
        as(session).formParam("component", "bogus").when().post(base + "/checks").then().statusCode(400);
        getAs(session).when().get(base).then().statusCode(200).body(containsString("workflow-counsellor ·"));
        // The verified report includes the initial assessment (issue 15; the full SOP path is in casework's tests).
        as(session).formParam("status", "verified").when().post(base + "/status").then().statusCode(409);
        as(session).formParam("condition", "stable").formParam("risk_level", "low").formParam("risks", "Risiko sintetis")
                .formParam("mitigation", "Mitigasi sintetis").when().post(base + "/sop/assessment").then().statusCode(303);
        as(session).formParam("status", "verified").when().post(base + "/status").then().statusCode(303);
        as(session).formParam("status", "referred").when().post(base + "/status").then().statusCode(409); // referrals run alongside now
        as(session).formParam("status", "closed").when().post(base + "/status").then().statusCode(400); // no reason
        as(session).formParam("status", "closed").formParam("reason", "whatever").when().post(base + "/status").then().statusCode(400);
        as(session).formParam("status", "closed").formParam("reason", "resolved").when().post(base + "/status").then().statusCode(303);
        CaseFile closed = file(ref);
        assertEquals("closed", closed.status);
        assertEquals("resolved", closed.closedReason);
        as(session).formParam("status", "new").when().post(base + "/status").then().statusCode(409);
        assertEquals(3, auditCount("status_change", closed.id), "new→in_verification→verified→closed");
        assertEquals(5, auditCount("status_refused", closed.id), "each refused step audited");
        assertEquals(7, auditCount("check", closed.id), "the documents examined for part 3, then six ticks");
    }

    @Test
    void shouldQueueAReplyThroughTheOutboxAndStopThe72HourClock() {
        String ref = fixtures.submittedCase(true);
        assertNull(file(ref).firstResponseAt);
        // The canned replies of conversations/_canned_replies.yaml, in file order, in the case's language.
        String page = getAs(session).when().get("/inbox/cases/" + ref).then().statusCode(200).extract().asString();
        int first = page.indexOf("<option value=\"first_contact\"");
        int second = page.indexOf("<option value=\"safety_check\" data-text=\"Apakah kamu dalam keadaan aman saat ini? Jika kamu"
                + " dalam bahaya, hubungi 112 atau layanan darurat terdekat.\">Cek keamanan</option>");
        assertTrue(first >= 0 && first < second, "canned replies listed in order");
        as(session).formParam("text", "Balasan konselor sintetis").when().post("/inbox/cases/" + ref + "/reply").then().statusCode(303);
        CaseFile replied = file(ref);
        assertNotNull(replied.firstResponseAt);
        ChatMessage last = QuarkusTransaction.requiringNew()
                .call(() -> messages.find("contactId = ?1 order by id desc", replied.contactId).firstResult());
        assertEquals(ChatMessage.Direction.OUT, last.direction);
        assertEquals(ChatMessage.Status.SENT, last.status, "DEV-channel replies count as sent at once");
        assertTrue(last.body.contains("Balasan konselor sintetis"));
        assertTrue(last.body.contains("Konselor Satgas:"), "the counsellor_prefix notice of _notices.yaml comes first");
        getAs(session).when().get("/inbox/cases/" + ref + "/transcript").then().statusCode(200)
                .body(containsString("Balasan konselor sintetis"));
        assertEquals(1, auditCount("reply", replied.id));
        String detail = QuarkusTransaction.requiringNew()
                .call(() -> audit.find("action = 'reply' and intakeId = ?1", replied.id).firstResult().detail);
        assertFalse(detail.contains("Balasan"), "no message content in audit rows");
    }

    @Test
    void shouldRequireConfirmationWhenTheChatIsNotSafe() {
        String ref = fixtures.submittedCase(false);
        getAs(session).when().get("/inbox/cases/" + ref).then().statusCode(200).body(containsString("unsafe-warning"));
        as(session).formParam("text", "Halo").when().post("/inbox/cases/" + ref + "/reply").then().statusCode(409);
        assertNull(file(ref).firstResponseAt);
        as(session).formParam("text", "Halo").formParam("acknowledge_unsafe", "yes").when().post("/inbox/cases/" + ref + "/reply")
                .then().statusCode(303);
        assertNotNull(file(ref).firstResponseAt);
    }

    @Test
    void shouldMaskContactsAndRevealOnlyWithAReasonAudited() {
        String ref = fixtures.submittedCase(true);
        CaseFile file = file(ref);
        String page = getAs(session).when().get("/inbox/cases/" + ref).then().statusCode(200).extract().asString();
        assertTrue(page.contains("masked-contact"));
        as(session).formParam("field", "contact_id").when().post("/inbox/cases/" + ref + "/reveal").then().statusCode(400);
        String revealed = as(session).formParam("field", "contact_id").formParam("reason", "safety_concern").when()
                .post("/inbox/cases/" + ref + "/reveal").then().statusCode(200).extract().asString();
        String externalId = revealed.replaceAll("(?s).*<dd id=\"revealed\">([^<]*)</dd>.*", "$1");
        assertEquals(36, externalId.length(), "the DEV contact id (a UUID) is shown in full");
        assertFalse(page.contains(externalId), "the case page itself never shows it");
        assertEquals(1, auditCount("reveal", file.id));
        assertEquals(1, auditCount("case_view", file.id));
    }

    @Test
    void shouldEncryptNotesAndAuditPrints() throws Exception {
        String ref = fixtures.submittedCase(true);
        as(session).formParam("text", "CATATAN-RAHASIA-91").when().post("/inbox/cases/" + ref + "/notes").then().statusCode(303);
        getAs(session).when().get("/inbox/cases/" + ref).then().body(containsString("CATATAN-RAHASIA-91"));
        long id = file(ref).id;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select body from case_note where intake_id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertFalse(new String(r.getBytes(1), StandardCharsets.ISO_8859_1).contains("CATATAN-RAHASIA-91"));
            }
        }
        getAs(session).when().get("/inbox/cases/" + ref + "/print/intake-form").then().statusCode(200)
                .body(containsString("Formulir Penerimaan Laporan")).body(containsString("Kronologi sintetis"));
        // The verified report exists only once the case is verified; before, it is refused and not audited as a print.
        getAs(session).when().get("/inbox/cases/" + ref + "/print/verified-report").then().statusCode(409);
        as(session).formParam("status", "in_verification").when().post("/inbox/cases/" + ref + "/status").then().statusCode(303);
        as(session).formParam("evidence_examined", "Tangkapan layar sintetis").when().post("/inbox/cases/" + ref + "/sop/findings").then()
                .statusCode(303);
        for (String component : VerificationComponent.ALL) {
            as(session).formParam("component", component).when().post("/inbox/cases/" + ref + "/checks").then().statusCode(303);
        }
        as(session).formParam("condition", "stable").formParam("risk_level", "low").formParam("risks", "Risiko sintetis")
                .formParam("mitigation", "Mitigasi sintetis").when().post("/inbox/cases/" + ref + "/sop/assessment").then().statusCode(303);
        as(session).formParam("status", "verified").when().post("/inbox/cases/" + ref + "/status").then().statusCode(303);
        getAs(session).when().get("/inbox/cases/" + ref + "/print/verified-report").then().statusCode(200)
                .body(containsString("Laporan Hasil Verifikasi"));
        assertEquals(2, auditCount("print", id));
    }

    @Test
    void shouldListTheNewCaseWithoutNarrativeText() {
        String ref = fixtures.submittedCase(true);
        getAs(session).when().get("/inbox?ref=" + ref).then().statusCode(200).body(containsString(ref))
                .body(not(containsString("Kronologi sintetis")));
        // Each filter together with the case's reference, so the other tests' cases (the suite's shared database holds
        // hundreds, more than one page of a filter) cannot push this one off the page the filter shows. The search box
        // shows the reference typed, so a listed case is told by its row's link.
        String row = "href=\"/inbox/cases/" + ref + "\"";
        getAs(session).when().get("/inbox?service=legal&role=victim&channel=dev&ref=" + ref).then().statusCode(200)
                .body(containsString(row));
        getAs(session).when().get("/inbox?service=medical&ref=" + ref).then().statusCode(200).body(not(containsString(row)));
        getAs(session).when().get("/inbox?view=overdue&ref=" + ref).then().statusCode(200).body(not(containsString(row)));
    }
}
