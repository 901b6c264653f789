package id.ruangaman.privacy;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditEvent;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.transcript.Contact;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.security.Role;
import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.testing.DatabaseScan;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A coordinator erases a reporter from the case page (a request made by phone): the rendered form is submitted,
 * the reason is required and audited, counsellors are refused, the erased case's contact reveals as "dihapus",
 * and a decrypted scan of the whole database no longer finds the chat id. Transcript reads are audited.
 */
@QuarkusTest
class CoordinatorErasureTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    InboxFixtures fixtures;
    @Inject
    IntakeRepository intakes;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    /** Where the database stood when the test began: the scans read only what was written after it (DatabaseScan.mark). */
    private DatabaseScan.Since since;

    @BeforeEach
    void markTheDatabase() throws java.sql.SQLException {
        try (Connection db = dataSource.getConnection()) {
            since = DatabaseScan.mark(db);
        }
    }

    @Inject
    FieldCipher cipher;

    @Test
    void shouldEraseTheReporterWithAnAuditedReasonFromTheCasePage() throws Exception {
        fixtures.account("erase-coordinator", Role.COORDINATOR);
        fixtures.account("erase-counsellor", Role.COUNSELLOR);
        long chat = 8_800_000_000L + TelegramFixtures.newChatId() % 100_000_000L;
        String ref = fixtures.submittedTelegramCase(chat);
        String coordinator = login("erase-coordinator");
        String counsellor = login("erase-counsellor");

        getAs(coordinator).get("/inbox/cases/" + ref + "/transcript").then().statusCode(200);
        assertTrue(auditOf(ref).stream().anyMatch(e -> "transcript_view".equals(e.action)), "transcript read not audited");

        String casePage = getAs(coordinator).get("/inbox/cases/" + ref).then().statusCode(200).extract().asString();
        assertTrue(casePage.contains("/inbox/cases/" + ref + "/erase"), "no erase link for a coordinator");
        assertFalse(getAs(counsellor).get("/inbox/cases/" + ref).asString().contains("/erase\""), "erase link shown to a counsellor");
        getAs(counsellor).get("/inbox/cases/" + ref + "/erase").then().statusCode(403);

        Response page = getAs(coordinator).get("/inbox/cases/" + ref + "/erase");
        page.then().statusCode(200);
        String html = page.asString();
        assertTrue(html.contains("Permintaan pelapor lewat telepon"), "reasons are labels");
        String csrf = token(html);

        Response noReason = form(coordinator, page, csrf).formParam("reason", "").post("/inbox/cases/" + ref + "/erase");
        assertEquals(400, noReason.statusCode());
        assertTrue(noReason.asString().contains("tidak ada yang dihapus"), noReason.asString());
        assertNotNull(intake(ref).answers, "nothing may be erased without a reason");

        try (Connection db = dataSource.getConnection()) {
            assertTrue(DatabaseScan.find(db, cipher, true, List.of(String.valueOf(chat)), since).contains("contact.external_id: " + chat));
        }
        InboxFixtures.as(counsellor).formParam("reason", "request_by_phone")
                .post("/inbox/cases/" + ref + "/erase").then().statusCode(403);
        assertNotNull(intake(ref).answers);

        java.util.Map<String, Object> before;
        try (Connection db = dataSource.getConnection()) {
            before = ErasedShell.row(db, intake(ref).id);
        }
        assertNotNull(before.get("reporter_role"), "the walk gave a reporter role, so its erasure is checked");
        keepCorrection(ref, "Koreksi sintetis pelapor " + chat);
        try (Connection db = dataSource.getConnection()) {
            assertTrue(DatabaseScan.find(db, cipher, true, List.of(String.valueOf(chat))).contains("answer_correction.body: " + chat),
                    "the correction is scanned");
        }
        form(coordinator, page, csrf).formParam("reason", "request_by_phone").post("/inbox/cases/" + ref + "/erase")
                .then().statusCode(303);
        Intake shell = intake(ref);
        try (Connection db = dataSource.getConnection()) {
            ErasedShell.assertEveryColumn(db, shell.id, before);
        }
        Contact contact = QuarkusTransaction.requiringNew().call(() -> em.find(Contact.class, shell.contactId));
        assertNull(contact.externalId);
        AuditEvent erased = auditOf(ref).stream().filter(e -> "erase".equals(e.action)).findFirst().orElseThrow();
        assertEquals("erase-coordinator", erased.actor);
        assertTrue(erased.detail.startsWith("reason:request_by_phone"), erased.detail);

        try (Connection db = dataSource.getConnection()) {
            assertEquals(List.of(), DatabaseScan.find(db, cipher, true, List.of(String.valueOf(chat)), since));
        }
        String revealed = InboxFixtures.as(coordinator).formParam("field", "contact_id").formParam("reason", "verification")
                .post("/inbox/cases/" + ref + "/reveal").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("id=\"revealed\">([^<]*)<").matcher(revealed);
        assertTrue(value.find(), revealed);
        assertEquals("(dihapus)", value.group(1));
        assertFalse(getAs(coordinator).get("/inbox/cases/" + ref).asString().contains(ref + "/erase\""), "erase offered twice");
        assertErasedCaseTellsTheTruth(coordinator, ref);
    }

    @Inject
    id.ruangaman.intake.AnswerCorrectionRepository corrections;

    /**
     * A correction of the case's chronology as the person's edit of their story line after the report keeps it
     * (EditLineShowsWhatItChangesTest makes them through the webhooks; this case's lines came without platform ids):
     * {@code words}, filed under the person's first line.
     */
    private void keepCorrection(String ref, String words) {
        QuarkusTransaction.requiringNew().run(() -> {
            Intake intake = intakes.findByReferenceCode(ref).orElseThrow();
            long line = ((Number) em.createNativeQuery("select min(id) from chat_message where contact_id = ?1 and direction = 'IN'")
                    .setParameter(1, intake.contactId).getSingleResult()).longValue();
            corrections.persist(id.ruangaman.testing.AnswerCorrections.ofStory(intake.id, line, words));
        });
    }

    /**
     * Status note 9, noticed: the erased case's page showed only "Diterima" and "Ditutup", its timeline had no closing
     * line and case_stage.closed_at stayed empty. Now the page says when it was erased and what stays (both languages),
     * the SOP page's timeline has the erasure line, and the stage row is closed.
     */
    private void assertErasedCaseTellsTheTruth(String session, String ref) {
        String page = getAs(session).get("/inbox/cases/" + ref).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Dihapus atas permintaan pelapor") && page.contains("id=\"erased-at\">") && !page.contains("id=\"erased-at\"></dd>"), page);
        assertTrue(page.contains("kerangka catatan SOP tanpa isi pribadi") && page.contains("/inbox/cases/" + ref + "/sop\""), page);
        String english = getAs(session).cookie("ruangaman-lang", "en").get("/inbox/cases/" + ref).asString();
        assertTrue(english.contains("Erased at the reporter&#39;s request") || english.contains("Erased at the reporter's request"), english);
        String sop = getAs(session).get("/inbox/cases/" + ref + "/sop").then().statusCode(200).extract().asString();
        assertTrue(sop.contains("Data pelapor dihapus atas permintaannya; kasus ditutup"), "no closing line on the timeline");
        Object closedAt = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select closed_at from case_stage where intake_id = ?1").setParameter(1, intake(ref).id).getResultList()
                .stream().findFirst().orElse(null));
        assertNotNull(closedAt, "case_stage.closed_at empty after erasure");
    }

    /**
     * Walkthrough 8, finding 1: a case taken through every SOP stage (a decided sanction, its execution, a recovery
     * plan, a counsellor's note), a sentinel in every free-text field; the coordinator erases the reporter through the
     * rendered confirmation page, which says in plain words what stays. Afterwards no column of any table, decrypted,
     * holds the sentinel; every SOP table keeps its skeleton; one audit row records the erasure with codes only; the
     * SOP page, leadership's list and page and every print render the kept skeleton.
     */
    @Test
    void shouldKeepTheCaseworkSkeletonAndEraseItsTextOnACoordinatorsErasure() throws Exception {
        var coordinatorAccount = fixtures.account("erase-sop-coordinator", Role.COORDINATOR);
        fixtures.account("erase-sop-leader", Role.PIMPINAN);
        long chat = 8_900_000_000L + TelegramFixtures.newChatId() % 100_000_000L;
        String ref = fixtures.submittedTelegramCase(chat);
        String sentinel = "SOPSENTINEL-" + chat;
        String coordinator = login("erase-sop-coordinator");
        String leader = login("erase-sop-leader");
        SopCaseFile file = new SopCaseFile(coordinator, leader, ref, sentinel).recordedBy("erase-sop-coordinator");
        file.walk(coordinatorAccount.id);
        try (Connection db = dataSource.getConnection()) {
            List<String> before = DatabaseScan.find(db, cipher, true, List.of(sentinel), since);
            for (String column : List.of("case_decision.text", "case_party.name", "case_interview.summary", "case_note.body",
                    "case_recovery_plan.plan", "case_assignment_letter.signatory_name")) {
                assertTrue(before.contains(column + ": " + sentinel), column + " not in " + before);
            }
        }

        Response page = getAs(coordinator).get("/inbox/cases/" + ref + "/erase");
        String html = page.then().statusCode(200).extract().asString();
        assertTrue(html.contains("dari catatan SOP hanya kerangkanya") && html.contains("catatan konselor ikut dihapus"), html);
        String english = getAs(coordinator).cookie("ruangaman-lang", "en").get("/inbox/cases/" + ref + "/erase").asString();
        assertTrue(english.contains("of the SOP record only its outline"), english);
        long id = intake(ref).id;
        java.util.Map<String, Object> before;
        try (Connection db = dataSource.getConnection()) {
            before = ErasedShell.row(db, id);
        }
        assertNotNull(before.get("verification_started_at"), "the walk verified the case, so the shell's keeping it is checked");
        form(coordinator, page, token(html)).formParam("reason", "request_in_writing").post("/inbox/cases/" + ref + "/erase")
                .then().statusCode(303);

        try (Connection db = dataSource.getConnection()) {
            assertEquals(List.of(), DatabaseScan.find(db, cipher, true, List.of(sentinel, String.valueOf(chat)), since),
                    "after erasure, decrypting every column still finds the sentinel");
            file.assertSkeletonKept(db, id);
            ErasedShell.assertEveryColumn(db, id, before);
        }
        List<AuditEvent> erasures = auditOf(ref).stream().filter(e -> "erase".equals(e.action)).toList();
        assertEquals(1, erasures.size(), "one audit row per erasure");
        assertEquals("reason:request_in_writing cases:1", erasures.get(0).detail);
    }

    /**
     * Status note 9, noticed: a coordinator's erasure was audited on the case it was made from only. A person with
     * two reports is erased from the second one's page (the rendered form): both cases get an audit row with the
     * reason and the count, and both SOP timelines show the erasure.
     */
    @Test
    void shouldAuditACoordinatorsErasureOnEveryCaseOfThePerson() {
        fixtures.account("erase-two-coordinator", Role.COORDINATOR);
        String first = fixtures.submittedTelegramCase(8_700_000_000L + TelegramFixtures.newChatId() % 100_000_000L);
        String second = fixtures.anotherReport(first);
        String coordinator = login("erase-two-coordinator");
        Response page = getAs(coordinator).get("/inbox/cases/" + second + "/erase");
        String html = page.then().statusCode(200).extract().asString();
        form(coordinator, page, token(html)).formParam("reason", "request_by_phone").post("/inbox/cases/" + second + "/erase")
                .then().statusCode(303);
        for (String ref : List.of(first, second)) {
            List<AuditEvent> rows = auditOf(ref).stream().filter(e -> "erase".equals(e.action)).toList();
            assertEquals(1, rows.size(), "one erasure row for " + ref);
            assertEquals("reason:request_by_phone cases:2", rows.get(0).detail);
            assertEquals("erase-two-coordinator", rows.get(0).actor);
            String sop = getAs(coordinator).get("/inbox/cases/" + ref + "/sop").then().statusCode(200).extract().asString();
            assertTrue(sop.contains("Data pelapor dihapus atas permintaannya; kasus ditutup"), "no erasure line on " + ref + "'s SOP timeline");
        }
    }

    private static io.restassured.specification.RequestSpecification form(String session, Response page, String csrf) {
        String cookie = page.getCookie("ruangaman-csrf");
        var request = getAs(session).contentType(io.restassured.http.ContentType.URLENC);
        if (cookie != null) {
            request = request.cookie("ruangaman-csrf", cookie);
        }
        return csrf == null ? request : request.formParam("csrf-token", csrf);
    }

    private static String token(String html) {
        Matcher match = CSRF.matcher(html);
        assertTrue(match.find(), "no CSRF field in the form");
        return match.group(1);
    }

    private Intake intake(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("referenceCode", ref).singleResult());
    }

    private List<AuditEvent> auditOf(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> audit.list("intakeId = ?1 order by id", intake(ref).id));
    }
}
