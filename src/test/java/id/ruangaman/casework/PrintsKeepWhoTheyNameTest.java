package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A print names the staff who did something as they were named when they did it: renaming an account afterwards does not
 * rewrite the berita acara (who recorded the consent to record), the formulir penanganan awal (the meeting's attendees,
 * who recorded the assessment) or the verified report (who ticked each part, who recorded its finding). The kept names
 * are stored encrypted. Synthetic names only.
 */
@QuarkusTest
class PrintsKeepWhoTheyNameTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;
    @Inject
    EntityManager em;

    @Test
    void shouldPrintEachPersonAsNamedWhenTheyActedAfterTheirAccountIsRenamed() {
        Account coordinatorAccount = fixtures.account("prints-kept-coordinator", Role.COORDINATOR);
        Account counsellor = fixtures.account("prints-kept-counsellor", Role.COUNSELLOR);
        String coordinator = InboxFixtures.login("prints-kept-coordinator");
        fixtures.account("prints-kept-reader", Role.COORDINATOR);
        String reader = InboxFixtures.login("prints-kept-reader"); // prints, so that no print names a renamed person as its printer
        name(coordinator, coordinatorAccount.id, "Rina Sintetis");
        name(coordinator, counsellor.id, "Dewi Sintetis");

        String ref = fixtures.submittedCase(true);
        long caseId = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(coordinator, ref);
        steps.toExamination(counsellor.id); // the coordinator ticks, records the finding and the assessment; the counsellor attends
        assertEquals(303, steps.party("witness", "Saksi Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(caseId).get(0).id);
        assertEquals(303, steps.post().formParam("party", String.valueOf(party)).formParam("held_at", CaseworkSteps.thisMinute())
                .formParam("channel", "in_person").formParam("place", "Ruang rapat sintetis")
                .formParam("interview_attendees", "Konselor sintetis").formParam("summary", "Berita acara sintetis")
                .formParam("recording_consent", "yes").when().post(steps.base() + "/interviews").then().extract().statusCode());
        long interview = QuarkusTransaction.requiringNew().call(() -> repo.interviews(caseId).get(0).id);

        byte[] kept = QuarkusTransaction.requiringNew().call(() -> (byte[]) em
                .createNativeQuery("select consent_recorded_name from case_interview where id = :id").setParameter("id", interview)
                .getSingleResult());
        assertFalse(new String(kept, StandardCharsets.ISO_8859_1).contains("Rina"), "the kept name is stored encrypted");

        name(coordinator, coordinatorAccount.id, "Rina Lestari Baru");
        name(coordinator, counsellor.id, "Dewi Ayu Baru");

        String minutes = page(reader, steps.base() + "/print/bap/" + interview);
        assertTrue(minutes.contains("<td>Ya · Rina Sintetis · "), "who recorded the consent, as then: " + row(minutes, "Izin rekaman"));

        String handling = page(reader, steps.base() + "/print/penanganan-awal");
        assertTrue(handling.contains(">Dewi Sintetis (Konselor)</td>"), "the meeting's attendee, as then");
        assertTrue(handling.contains("<td>Rina Sintetis · "), "who recorded the assessment, as then");

        String report = page(reader, "/inbox/cases/" + ref + "/print/verified-report");
        assertTrue(report.contains("\u2714 Diperiksa oleh Rina Sintetis · "), "who ticked the part, as then");
        assertTrue(report.contains("<dd>Rina Sintetis · "), "who recorded the finding, as then");
        for (String print : new String[] { minutes, handling, report }) {
            assertFalse(print.contains("Lestari Baru") || print.contains("Ayu Baru"), "no print takes the later name");
        }
    }

    private static void name(String session, long accountId, String name) {
        assertEquals(303, as(session).formParam("full_name", name).when().post("/inbox/accounts/" + accountId + "/name").then().extract()
                .statusCode());
    }

    private static String page(String session, String path) {
        return getAs(session).cookie("ruangaman-lang", "id").queryParam("lang", "id").when().get(path).then().statusCode(200).extract()
                .asString();
    }

    /** The table row whose heading starts with {@code heading}, for a failure's message. */
    private static String row(String html, String heading) {
        Matcher m = Pattern.compile("(?s)<tr><th>" + Pattern.quote(heading) + ".*?</tr>").matcher(html);
        return m.find() ? m.group() : html;
    }
}
