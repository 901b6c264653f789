package id.ruangaman.casework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditLog;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.CsrfForms;
import id.ruangaman.intake.ReporterErasure;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A recording or photo of an interview is kept only once the interviewee's consent is recorded; encrypted; audited. */
@QuarkusTest
class InterviewAttachmentTest {

    private static final byte[] PNG = "\u0089PNG synthetic recording-SENTINEL-7f3".getBytes(StandardCharsets.ISO_8859_1);

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    ReporterErasure erasure;
    @Inject
    ContactRepository contacts;

    private Response upload(String session, String ref, long interviewId) {
        return upload(session, ref, interviewId, "photo.png", PNG, "image/png");
    }

    private Response upload(String session, String ref, long interviewId, String name, byte[] content, String type) {
        // The token the rendered upload form carries, as the browser sends it.
        String csrf = CsrfForms.tokenIn(given().cookie("ruangaman-session", session).when().get("/inbox/cases/" + ref + "/sop")
                .then().statusCode(200).extract().asString());
        return given().redirects().follow(false).cookie("ruangaman-session", session)
                .multiPart("csrf-token", csrf).multiPart("attachment", name, content, type).when()
                .post("/inbox/cases/" + ref + "/sop/interviews/" + interviewId + "/attachment");
    }

    /**
     * A file renamed to look like a photo (an HTML page or a program saved as {@code .png}, so the browser declares
     * {@code image/png}) is refused with the reason beside the form and nothing is kept; the real photo, recording or
     * PDF of each accepted type is kept.
     */
    @Test
    void shouldRefuseAFileWhoseContentIsNotTheTypeItClaims() {
        Account counsellor = fixtures.account("attach-lying-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("attach-lying-counsellor");
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);
        steps.party("witness", "Saksi Sintetis");
        long partyId = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        assertEquals(303, steps.interview(partyId, null));
        long interviewId = QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).get(0).id);
        steps.post().formParam("summary", "Berita acara sintetis").formParam("recording_consent", "yes").when()
                .post(steps.base() + "/interviews/" + interviewId).then().statusCode(303);

        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] program = "MZ\u0090\u0000 synthetic program".getBytes(StandardCharsets.ISO_8859_1);
        for (String[] lie : new String[][] { { "foto.png", "image/png" }, { "foto.jpg", "image/jpeg" },
                { "rekaman.mp3", "audio/mpeg" }, { "video.mp4", "video/mp4" }, { "surat.pdf", "application/pdf" } }) {
            for (byte[] content : new byte[][] { page, program }) {
                upload(session, ref, interviewId, lie[0], content, lie[1]).then().statusCode(400)
                        .body(containsString("Isi berkas ini tidak cocok dengan jenisnya"));
            }
        }
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select attachment_type from case_interview where id = ?1").setParameter(1, interviewId).getSingleResult()),
                "nothing kept");

        byte[] pdf = "%PDF-1.4 synthetic minutes".getBytes(StandardCharsets.US_ASCII);
        byte[] ogg = "OggS synthetic voice".getBytes(StandardCharsets.US_ASCII);
        byte[] mp4 = "\u0000\u0000\u0000\u0018ftypisom synthetic".getBytes(StandardCharsets.ISO_8859_1);
        byte[] jpeg = "\u00ff\u00d8\u00ff\u00e0 synthetic".getBytes(StandardCharsets.ISO_8859_1);
        upload(session, ref, interviewId, "surat.pdf", pdf, "application/pdf").then().statusCode(303);
        upload(session, ref, interviewId, "suara.ogg", ogg, "audio/ogg").then().statusCode(303);
        upload(session, ref, interviewId, "video.mp4", mp4, "video/mp4").then().statusCode(303);
        upload(session, ref, interviewId, "foto.jpg", jpeg, "image/jpeg").then().statusCode(303);
        assertEquals("image/jpeg", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select attachment_type from case_interview where id = ?1").setParameter(1, interviewId).getSingleResult()));
    }

    @Test
    void shouldKeepARecordingOnlyWithRecordedConsent() {
        Account counsellor = fixtures.account("attach-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("attach-counsellor");
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);
        steps.party("victim", "Rani Sintetis");
        long partyId = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        assertEquals(303, steps.interview(partyId, null));
        long interviewId = QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).get(0).id);

        upload(session, ref, interviewId).then().statusCode(409).body(containsString("Rekaman atau foto hanya boleh disimpan"));
        assertEquals(1, QuarkusTransaction.requiringNew()
                .call(() -> audit.count("action = 'interview' and intakeId = ?1 and detail like 'attachment refused:no_consent%'", id)));

        steps.post().formParam("summary", "Berita acara sintetis").formParam("recording_consent", "yes").when()
                .post(steps.base() + "/interviews/" + interviewId).then().statusCode(303);
        upload(session, ref, interviewId).then().statusCode(303);
        byte[] back = InboxFixtures.getAs(session).when().get(steps.base() + "/interviews/" + interviewId + "/attachment").then()
                .statusCode(200).header("Content-Disposition", "attachment; filename=\"interview-" + interviewId + ".png\"")
                .extract().asByteArray();
        assertArrayEquals(PNG, back);
        assertEquals(1, QuarkusTransaction.requiringNew()
                .call(() -> audit.count("action = 'attachment_view' and intakeId = ?1", id)));
        byte[] stored = QuarkusTransaction.requiringNew().call(() -> (byte[]) em
                .createNativeQuery("select attachment from case_interview where id = ?1").setParameter(1, interviewId).getSingleResult());
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("SENTINEL-7f3"), "encrypted at rest");
        byte[] summary = QuarkusTransaction.requiringNew().call(() -> (byte[]) em
                .createNativeQuery("select summary from case_interview where id = ?1").setParameter(1, interviewId).getSingleResult());
        assertFalse(new String(summary, StandardCharsets.UTF_8).contains("Berita acara sintetis"), "minutes encrypted at rest");

        // /hapus: the casework keeps its skeleton (the interview row, its date and consent) and loses every text,
        // the attachment included.
        long contactId = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().contactId);
        QuarkusTransaction.requiringNew().run(() -> erasure.erase(contacts.findById(contactId)));
        for (var table : CaseworkRepository.ERASED_COLUMNS.entrySet()) {
            String anyLeft = String.join(" or ", table.getValue().stream().map(c -> c + " is not null").toList());
            long left = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from " + table.getKey()
                    + " where intake_id = ?1 and (" + anyLeft + ")").setParameter(1, id).getSingleResult()).longValue());
            assertEquals(0, left, table.getKey() + " text erased");
        }
        Object[] kept = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select recording_consent, attachment_type from case_interview where id = ?1").setParameter(1, interviewId).getSingleResult());
        assertEquals(true, kept[0], "the interview row is kept with its consent");
        assertEquals(null, kept[1]);
    }
}
