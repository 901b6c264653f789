package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A summons names the examination's day, time and place: once the examination is rescheduled, the summons already
 * numbered no longer says what is true. The next print is a new letter with the next number of the series, and the old
 * one stays on the SOP page as replaced, never deleted. An examination with its minutes is not rescheduled. Synthetic
 * case only.
 */
@QuarkusTest
class SummonsRescheduleTest {

    private static final Pattern NUMBER = Pattern.compile("<p class=\"center\" id=\"summons-number\">Nomor: ([^<]*)</p>");
    private static final Pattern WHEN = Pattern.compile("(?s)<table class=\"form\"><tbody>\\s*<tr><th>[^<]*</th><td>([^<]*)</td>");

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldGiveARescheduledExaminationANewSummonsAndKeepTheOldOneAsReplaced() {
        Account counsellor = fixtures.account("summons-reschedule-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("summons-reschedule-counsellor");
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(counsellor.id);
        assertEquals(303, steps.party("witness", "Sari Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        LocalDate today = LocalDate.parse(CaseworkSteps.today());
        assertEquals(303, steps.schedule(party, today.plusDays(1) + "T10:00"));
        long interview = QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).get(0).id);
        String path = "/inbox/cases/" + ref + "/sop/print/pemanggilan/" + party;
        String first = print(session, path);
        String firstNumber = group(NUMBER, first);

        assertEquals(303, reschedule(steps, interview, today.plusDays(2) + "T14:00", "Ruang konseling sintetis"));
        String second = print(session, path);
        String secondNumber = group(NUMBER, second);
        assertNotEquals(firstNumber, secondNumber, "a new letter for the new date");
        assertEquals(Integer.parseInt(firstNumber.substring(0, 3)) + 1, Integer.parseInt(secondNumber.substring(0, 3)),
                "the next number of the series: " + secondNumber);
        assertNotEquals(group(WHEN, first), group(WHEN, second), "the new letter says the new day and time");
        assertTrue(second.contains("Ruang konseling sintetis"), "and the new place");
        assertEquals(secondNumber, group(NUMBER, print(session, path)), "printed again: the same new number");

        String page = getAs(session).cookie("ruangaman-lang", "id").when().get(steps.base()).then().statusCode(200).extract().asString();
        int at = page.indexOf("id=\"summonses-" + interview + "\"");
        assertTrue(at > 0, "the examination lists its summonses");
        String list = page.substring(at, page.indexOf("</ul>", at));
        assertTrue(list.contains(firstNumber) && list.contains("diganti karena jadwal diubah"), "the old one, replaced: " + list);
        assertTrue(list.indexOf(secondNumber) > list.indexOf(firstNumber) && list.contains("berlaku"), "the new one in force: " + list);
        assertTrue(page.contains("Pemeriksaan dijadwalkan ulang"), "the timeline says it was rescheduled");

        // the same schedule again changes nothing; an examination with minutes keeps its date
        String unchanged = steps.post().formParam("held_at", today.plusDays(2) + "T14:00").formParam("channel", "in_person")
                .formParam("place", "Ruang konseling sintetis").when().post(steps.base() + "/interviews/" + interview + "/reschedule").then()
                .statusCode(400).extract().asString();
        assertTrue(unchanged.contains("tidak ada yang diubah"), "the reason is said");
        assertEquals(303, steps.interview(party, "Berita acara sintetis"));
        long held = QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).stream().filter(i -> i.summary != null)
                .findFirst().orElseThrow().id);
        assertEquals(409, reschedule(steps, held, today.plusDays(3) + "T09:00", "Ruang sintetis"));
    }

    private static int reschedule(CaseworkSteps steps, long interview, String heldAt, String place) {
        return steps.post().formParam("held_at", heldAt).formParam("channel", "in_person").formParam("place", place).when()
                .post(steps.base() + "/interviews/" + interview + "/reschedule").then().extract().statusCode();
    }

    private static String print(String session, String path) {
        return getAs(session).cookie("ruangaman-lang", "id").queryParam("lang", "id").when().get(path).then().statusCode(200).extract()
                .asString();
    }

    private static String group(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertTrue(m.find(), p + ": " + html);
        return m.group(1);
    }
}
