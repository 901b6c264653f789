package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.CsrfForms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A closed case's SOP page (walkthrough: after closing, the SOP forms were still offered as if the case were open):
 * the records are shown read-only under one line that says the case is closed, when and why, and that a closed case is
 * not reopened (a new report is started with /mulai); every SOP form posted anyway, the stage buttons' form and
 * leadership's decision included, is refused with that reason on the page (409) and saves nothing.
 */
@QuarkusTest
class ClosedCaseReadOnlyTest {

    private static final Pattern SOP_FORM = Pattern.compile("<form[^>]*action=\"(/inbox/cases/[^\"]+/sop/[^\"]*)\"");

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    EntityManager em;

    private String session;
    private String leader;
    private Account counsellor;

    @BeforeEach
    void login() {
        counsellor = fixtures.account("closed-counsellor", Role.COUNSELLOR);
        fixtures.account("closed-pimpinan", Role.PIMPINAN);
        session = InboxFixtures.login("closed-counsellor");
        leader = InboxFixtures.login("closed-pimpinan");
    }

    private long id(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
    }

    /** Rows of the case in every table a form of the SOP page writes, and its audit rows of changes. */
    private Map<String, Long> rows(long intakeId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : List.of("case_assessment", "case_verification_finding", "case_meeting", "case_assignment_letter",
                    "case_party", "case_interview", "case_conclusion", "case_recommendation", "case_decision", "case_sanction_execution",
                    "case_recovery_plan", "case_recovery_checkin", "case_recovery_end")) {
                counts.put(table, ((Number) em.createNativeQuery("select count(*) from " + table + " where intake_id = ?1")
                        .setParameter(1, intakeId).getSingleResult()).longValue());
            }
            counts.put("audit_event", ((Number) em.createNativeQuery("select count(*) from audit_event where intake_id = ?1 and action "
                    + "not in ('access_denied', 'case_view', 'decision_view', 'status_refused')").setParameter(1, intakeId).getSingleResult())
                    .longValue());
            return counts;
        });
    }

    @Test
    void shouldShowAClosedCaseReadOnlyWithOneLineOnHowItStandsAndOfferNoForm() {
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        String open = getAs(session).get(steps.base()).then().statusCode(200).extract().asString();
        assertTrue(SOP_FORM.matcher(open).results().count() > 5, "an open case offers its SOP forms");
        assertFalse(open.contains("id=\"case-closed\""), "no closed line on an open case");

        assertEquals(303, steps.status("in_verification"));
        assertEquals(303, steps.assessment());
        assertEquals(303, steps.close("withdrawn_by_reporter"));

        String page = getAs(session).get(steps.base()).then().statusCode(200).extract().asString();
        Matcher closed = Pattern.compile("<p class=\"alert\" id=\"case-closed\">([^<]*)</p>").matcher(page);
        assertTrue(closed.find(), "one line says the case is closed");
        assertTrue(closed.group(1).contains("Kasus ini ditutup pada") && closed.group(1).contains("(Dicabut pelapor)")
                && closed.group(1).contains("tidak bisa dibuka kembali") && closed.group(1).contains("/mulai"), closed.group(1));
        List<String> forms = SOP_FORM.matcher(page).results().map(m -> m.group(1)).toList();
        assertEquals(List.of(), forms, "a counsellor is offered no SOP form on a closed case");
        assertTrue(page.contains("Mitigasi sintetis: jadwal kelas dipisah"), "what was recorded is still shown");
        assertTrue(page.contains("id=\"print-penanganan-awal\""), "and can still be printed");
        // who may not open the file is kept up to date after closing: the same section as on an open case, with its hint
        assertTrue(page.contains("id=\"conflict\"") && page.contains("Akun yang ditandai tidak bisa membuka kasus ini"),
                "the conflict-of-interest section as on an open case");
        getAs(session).get(steps.base() + "/print/penanganan-awal").then().statusCode(200);

        String en = getAs(session).cookie("ruangaman-lang", "en").get(steps.base()).then().statusCode(200).extract().asString();
        assertTrue(en.contains("This case was closed on") && en.contains("cannot be reopened"), "the English line");
    }

    @Test
    void shouldRefuseEverySopFormOfAClosedCaseWithTheReasonAndSaveNothing() {
        String ref = fixtures.submittedCase(true);
        long id = id(ref);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toConcluded(counsellor.id, "written_warning", () -> QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id));
        long interview = QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).get(0).id);
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        // closed before leadership decided: a withdrawal may close at any stage
        assertEquals(303, steps.close("withdrawn_by_reporter"));
        Map<String, Long> before = rows(id);

        String today = CaseworkSteps.today();
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        forms.put("status", form("status", "closed", "reason", "resolved"));
        forms.put("assessment", form("condition", "stable", "risk_level", "low", "risks", "R sintetis", "mitigation", "M sintetis"));
        forms.put("findings", form("finding_identification", "Temuan sintetis", "evidence_examined", "Bukti sintetis"));
        forms.put("meetings", form("held_on", today, "attendees", String.valueOf(counsellor.id), "options_explained", "O sintetis",
                "procedure_consequences", "P sintetis", "victim_choice", "examination", "meeting_consent", "victim"));
        forms.put("letter", form("letter_number", "ST-X", "issued_on", today, "signatory_name", "S sintetis", "signatory_title", "R",
                "team", String.valueOf(counsellor.id)));
        forms.put("parties", form("party_role", "witness", "party_name", "Saksi sintetis", "campus_status", "student"));
        forms.put("interviews", form("party", String.valueOf(party), "held_at", CaseworkSteps.thisMinute(), "channel", "in_person", "place",
                "Ruang sintetis", "interview_attendees", "Konselor sintetis"));
        forms.put("interviews/" + interview, form("summary", "Berita acara baru sintetis"));
        forms.put("conclusion", form("outcome", "not_proven", "party_identity", "I sintetis", "violence_form", "V sintetis",
                "examination_summary", "Ringkasan sintetis", "not_proven_statement", "Tidak terbukti sintetis"));
        forms.put("recommendation", form("good_name", "Nama baik sintetis"));
        forms.put("execution", form("programme", "P sintetis", "institution", "L sintetis", "state", "completed", "completion_report_on",
                today));
        forms.put("certificate", form("certificate_number", "SK-X", "certificate_on", today, "certificate_issuer", "Penerbit sintetis"));
        forms.put("recovery", form("consent_by", "victim", "consent_on", today, "victim_status", "student", "plan", "Rencana sintetis"));
        forms.put("checkins", form("checked_on", today, "with_whom", "victim", "checkin_note", "Pemantauan sintetis"));
        forms.put("recovery-end", form("ended_on", today, "recovery_end_reason", "consent_not_given"));
        for (Map.Entry<String, Map<String, String>> f : forms.entrySet()) {
            for (String accept : List.of("text/html", "*/*")) {
                RequestSpecification post = as(session).accept(accept);
                for (Map.Entry<String, String> field : f.getValue().entrySet()) {
                    post = post.formParam(field.getKey(), field.getValue());
                }
                String html = post.post(steps.base() + "/" + f.getKey()).then().statusCode(409).extract().asString();
                assertTrue(html.contains("Kasus sudah ditutup: catatannya hanya bisa dibaca") && html.contains("id=\"case-closed\""),
                        f.getKey() + " (" + accept + ") is refused on the closed case's page");
            }
        }
        String csrf = CsrfForms.tokenIn(getAs(session).get("/inbox").then().extract().asString());
        String attachment = given().redirects().follow(false).cookie("ruangaman-session", session).multiPart("csrf-token", csrf)
                .multiPart("attachment", "bukti.png", new byte[] { 1, 2, 3 }, "image/png")
                .post(steps.base() + "/interviews/" + interview + "/attachment").then().statusCode(409).extract().asString();
        assertTrue(attachment.contains("Kasus sudah ditutup"), "an attachment to the closed case's examination");

        // leadership's decision on a case closed before one was made: the reason, not "not concluded yet"
        String decision = as(leader).accept("text/html").formParam("decision_number", "KEP-X").formParam("decided_on", today)
                .formParam("sanction_measure", "written_warning").formParam("decision_text", "Keputusan sintetis").post("/inbox/pimpinan/"
                        + ref + "/decision").then().statusCode(409).extract().asString();
        assertTrue(decision.contains("Kasus sudah ditutup"), "the decision form's refusal names the closing");
        assertEquals(before, rows(id), "nothing is saved on the closed case");
        assertEquals("closed", QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().status));
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
