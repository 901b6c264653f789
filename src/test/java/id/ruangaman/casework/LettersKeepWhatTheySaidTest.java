package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * A printed letter is a record: printed again, it says what was true when it was issued. The surat tugas keeps its
 * team's names and roles (a member made pimpinan later still prints as the counsellor they were); the berita acara
 * keeps the party as the minutes recorded it; a summons numbered under a party's old name is replaced by a new letter
 * once the name is corrected, as after a rescheduling. Synthetic case only.
 */
@QuarkusTest
class LettersKeepWhatTheySaidTest {

    private static final Pattern NUMBER = Pattern.compile("<p class=\"center\" id=\"summons-number\">Nomor: ([^<]*)</p>");

    @Inject
    InboxFixtures fixtures;
    @Inject
    CaseFileRepository cases;
    @Inject
    CaseworkRepository repo;

    @Test
    void shouldReprintWhatEachLetterSaidWhenItWasIssued() {
        fixtures.account("letters-kept-counsellor", Role.COUNSELLOR);
        Account member = fixtures.account("letters-kept-member", Role.COUNSELLOR);
        fixtures.account("letters-kept-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("letters-kept-counsellor");
        String coordinator = InboxFixtures.login("letters-kept-coordinator");
        String ref = fixtures.submittedCase(true);
        long id = QuarkusTransaction.requiringNew().call(() -> cases.findByReference(ref).orElseThrow().id);
        // a letter names people by the name written for their account (never a login name)
        assertEquals(303, as(coordinator).formParam("full_name", "Anggota Sintetis").when().post("/inbox/accounts/" + member.id + "/name")
                .then().extract().statusCode());
        CaseworkSteps steps = new CaseworkSteps(session, ref);
        steps.toExamination(member.id); // the member in the meeting and on the surat tugas's team
        String print = "/inbox/cases/" + ref + "/sop/print/";

        String team = team(page(session, print + "surat-tugas"));
        assertTrue(team.contains("Anggota Sintetis · Konselor"), team);
        assertEquals(303, as(coordinator).formParam("role", Role.PIMPINAN).when().post("/inbox/accounts/" + member.id + "/role").then()
                .extract().statusCode());
        String again = team(page(session, print + "surat-tugas"));
        assertTrue(again.contains("Anggota Sintetis · Konselor"), "as issued: " + again);
        assertFalse(again.contains("Pimpinan"), "not the role given later: " + again);

        // the berita acara keeps the party as minuted; a summons under the old name is replaced
        assertEquals(303, steps.party("witness", "Sari Sintetis"));
        long party = QuarkusTransaction.requiringNew().call(() -> repo.parties(id).get(0).id);
        assertEquals(303, steps.interview(party, "Berita acara sintetis"));
        long minuted = QuarkusTransaction.requiringNew().call(() -> repo.interviews(id).get(0).id);
        assertEquals(303, steps.schedule(party, LocalDate.parse(CaseworkSteps.today()).plusDays(1) + "T10:00"));
        String summons = print + "pemanggilan/" + party;
        String before = page(session, summons);
        assertTrue(before.contains("Sari Sintetis"), "the name as recorded");
        String firstNumber = number(before);

        assertEquals(303, steps.post().formParam("party_role", "witness").formParam("party_name", "Sari Sintetis Wulandari")
                .formParam("campus_status", "staff").when().post(steps.base() + "/parties/" + party).then().extract().statusCode());

        String minutes = page(session, print + "bap/" + minuted);
        Matcher row = Pattern.compile("(?s)<td id=\"minutes-party\">(.*?)</td>").matcher(minutes);
        assertTrue(row.find(), minutes);
        String minutedParty = row.group(1).replaceAll("\\s+", " ");
        assertTrue(minutedParty.contains("Sari Sintetis (Mahasiswa)"), "the party as the minutes recorded it: " + minutedParty);
        assertFalse(minutes.contains("Wulandari"), "not the later correction");

        String after = page(session, summons);
        assertTrue(after.contains("Sari Sintetis Wulandari"), "the summons in force names the party as now recorded");
        assertNotEquals(firstNumber, number(after), "a new letter, not the old number with another name");
    }

    private static String page(String session, String path) {
        return getAs(session).cookie("ruangaman-lang", "id").queryParam("lang", "id").when().get(path).then().statusCode(200).extract()
                .asString();
    }

    private static String team(String html) {
        int at = html.indexOf("id=\"assignment-team\"");
        assertTrue(at > 0, html);
        return html.substring(at, html.indexOf("</table>", at));
    }

    private static String number(String html) {
        Matcher m = NUMBER.matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }
}
