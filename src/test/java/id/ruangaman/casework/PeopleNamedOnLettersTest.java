package id.ruangaman.casework;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An official letter names people, not accounts: a coordinator gives an account the name of the person who uses it
 * (accounts page), and the assignment letter (surat tugas) lists the team by that name with the role as a label; the
 * initial handling form names the limited meeting's attendees the same way. An account without a name is shown by its
 * username on the pages; the letter leaves a line to write the name by hand instead, never a login name. The name is stored encrypted. Synthetic names only.
 */
@QuarkusTest
class PeopleNamedOnLettersTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    EntityManager em;

    @Test
    void shouldNameTheTeamOnTheAssignmentLetterByTheirNamesAndRoles() {
        fixtures.account("names-coordinator", Role.COORDINATOR);
        Account counsellor = fixtures.account("names-konselor-2", Role.COUNSELLOR);
        Account unnamed = fixtures.account("names-konselor-3", Role.COUNSELLOR);
        String coordinator = InboxFixtures.login("names-coordinator");

        assertEquals(303, as(coordinator).formParam("full_name", "  Sri Wahyuni Sintetis ").when()
                .post("/inbox/accounts/" + counsellor.id + "/name").then().extract().statusCode());
        String accounts = getAs(coordinator).when().get("/inbox/accounts").then().statusCode(200).extract().asString();
        assertTrue(accounts.contains("value=\"Sri Wahyuni Sintetis\""), "the accounts page shows the name, ready to edit");

        byte[] stored = QuarkusTransaction.requiringNew().call(() -> (byte[]) em
                .createNativeQuery("select full_name from account where id = :id").setParameter("id", counsellor.id).getSingleResult());
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("Wahyuni"), "the name is stored encrypted");

        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(coordinator, ref);
        assertEquals(303, steps.status("in_verification"));
        steps.tickChecklist();
        assertEquals(303, steps.assessment());
        assertEquals(303, steps.status("verified"));
        assertEquals(303, steps.meeting(counsellor.id, "examination"));
        assertEquals(303, steps.post().formParam("letter_number", "ST-SINTETIS/002").formParam("issued_on", CaseworkSteps.today())
                .formParam("signatory_name", "Pimpinan Sintetis").formParam("signatory_title", "Rektor")
                .formParam("team", String.valueOf(counsellor.id)).formParam("team", String.valueOf(unnamed.id)).when()
                .post(steps.base() + "/letter").then().extract().statusCode());

        String letter = getAs(coordinator).when().get(steps.base() + "/print/surat-tugas").then().statusCode(200).extract().asString();
        String team = letter.substring(letter.indexOf("id=\"assignment-team\""));
        team = team.substring(0, team.indexOf("</table>"));
        assertTrue(team.contains("Sri Wahyuni Sintetis"), "the member's name");
        assertTrue(team.contains("Konselor"), "the member's role, as a label");
        assertFalse(team.contains("names-konselor-2"), "not the account's username where its name is known");
        // a letter never prints a login name: an account without a name gets a line to write it by hand, and on the
        // screen only, how to fill it in
        assertFalse(team.contains("names-konselor-3"), "no username on the letter for an account without a name");
        assertTrue(team.contains("class=\"fill-in letter-name-missing\" data-account=\"" + unnamed.id + "\""), "a line to write the name by hand: " + team);
        assertTrue(team.contains("isi namanya di halaman Akun"), "how to fill it in");
        assertFalse(team.contains(">counsellor<"), "no role code");

        String handling = getAs(coordinator).when().get(steps.base() + "/print/penanganan-awal").then().statusCode(200).extract().asString();
        assertTrue(handling.contains("Sri Wahyuni Sintetis"), "the meeting's attendees by name");
        assertFalse(handling.contains("names-konselor-2"));

        String page = getAs(coordinator).when().get(steps.base()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Sri Wahyuni Sintetis"), "the SOP page names the team and the attendees");
        assertFalse(page.contains(">names-konselor-2<"), "no username as a label of a team or attendee checkbox");
        assertFalse(page.contains("> names-konselor-2<"), "no username as a label of a team or attendee checkbox");
    }

    @Test
    void shouldKeepNamingThePersonAfterTheirAccountIsRenamed() {
        // The letter and the meeting refer to the account, not to its username: a username corrected later (by an
        // operator; a code, as every username is) never shows. The surat tugas is an issued letter: it keeps the name and
        // role its team had when it was recorded (a reprint says what it said); so does the initial handling form's meeting.
        fixtures.account("renamed-coordinator", Role.COORDINATOR);
        Account counsellor = fixtures.account("renamed-konselor", Role.COUNSELLOR);
        String coordinator = InboxFixtures.login("renamed-coordinator");
        assertEquals(303, as(coordinator).formParam("full_name", "Dewi Sintetis").when()
                .post("/inbox/accounts/" + counsellor.id + "/name").then().extract().statusCode());
        String ref = fixtures.submittedCase(true);
        CaseworkSteps steps = new CaseworkSteps(coordinator, ref);
        assertEquals(303, steps.status("in_verification"));
        steps.tickChecklist();
        assertEquals(303, steps.assessment());
        assertEquals(303, steps.status("verified"));
        assertEquals(303, steps.meeting(counsellor.id, "examination"));
        assertEquals(303, steps.letter(counsellor.id));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update account set username = 'renamed-konselor-b' where id = :id")
                .setParameter("id", counsellor.id).executeUpdate());
        assertEquals(303, as(coordinator).formParam("full_name", "Dewi Lestari Sintetis").when()
                .post("/inbox/accounts/" + counsellor.id + "/name").then().extract().statusCode());

        String letter = getAs(coordinator).when().get(steps.base() + "/print/surat-tugas").then().statusCode(200).extract().asString();
        String team = letter.substring(letter.indexOf("id=\"assignment-team\""));
        team = team.substring(0, team.indexOf("</table>"));
        assertTrue(team.contains("Dewi Sintetis \u00b7 Konselor"), "the person by the name they had when it was issued, and the role: " + team);
        assertFalse(team.contains("Dewi Lestari"), "a reprint says what the issued letter said: " + team);
        assertFalse(team.contains("renamed-konselor"), "no username, old or new");
        String handling = getAs(coordinator).when().get(steps.base() + "/print/penanganan-awal").then().statusCode(200).extract().asString();
        assertTrue(handling.contains("Dewi Sintetis"), "the meeting's attendee as named when the meeting was recorded");
        assertFalse(handling.contains("Dewi Lestari"), "a reprint says what the form said");
        assertFalse(handling.contains("renamed-konselor"));
        String page = getAs(coordinator).when().get(steps.base()).then().statusCode(200).extract().asString();
        assertFalse(page.contains(">renamed-konselor<"), "the SOP page names the team and the attendees by name");
        assertTrue(page.contains("name=\"team\" value=\"" + counsellor.id + "\" checked"), "the letter's form still has the member ticked");
    }

    @Test
    void shouldRefuseATooLongNameNextToItsFormAndKeepWhatWasTyped() {
        fixtures.account("names-coordinator-b", Role.COORDINATOR);
        Account counsellor = fixtures.account("names-konselor-4", Role.COUNSELLOR);
        String coordinator = InboxFixtures.login("names-coordinator-b");
        String typed = "Nama Sintetis ".repeat(20);
        String page = as(coordinator).formParam("full_name", typed).when().post("/inbox/accounts/" + counsellor.id + "/name").then()
                .statusCode(400).extract().asString();
        assertTrue(page.contains("id=\"name-refused-" + counsellor.id + "\""), "the reason next to that account's name form");
        assertTrue(page.contains(typed.strip()), "what was typed is kept");

        assertEquals(303, as(coordinator).formParam("full_name", "Nama Sintetis").when().post("/inbox/accounts/" + counsellor.id + "/name")
                .then().extract().statusCode());
        assertEquals(303, as(coordinator).formParam("full_name", "  ").when().post("/inbox/accounts/" + counsellor.id + "/name")
                .then().extract().statusCode(), "a blank name clears it");
        String accounts = getAs(coordinator).when().get("/inbox/accounts").then().statusCode(200).extract().asString();
        assertFalse(accounts.contains("Nama Sintetis"));
        assertEquals(404, as(coordinator).formParam("full_name", "Nama").when().post("/inbox/accounts/999999999/name").then().extract()
                .statusCode());
    }

    @Test
    void shouldTakeANameOfOnlyInvisibleCharactersAsNoName() {
        // A name of non-breaking or other invisible spaces (pasted from a document) left the person blank on the surat tugas
        // ("3.    · Konselor") and in the assignee list; such a name clears the name, as a blank one does.
        fixtures.account("names-coordinator-c", Role.COORDINATOR);
        Account counsellor = fixtures.account("names-konselor-6", Role.COUNSELLOR);
        String coordinator = InboxFixtures.login("names-coordinator-c");
        for (String invisible : java.util.List.of("\u00a0\u00a0", "\u2007\u202f", "\u3000", "\u200b\u200b", "\ufeff \u00a0")) {
            assertEquals(303, as(coordinator).formParam("full_name", "Nama Sintetis").when()
                    .post("/inbox/accounts/" + counsellor.id + "/name").then().extract().statusCode());
            // as a browser posts the page's form: UTF-8 (REST Assured's default for forms is ISO-8859-1)
            assertEquals(303, as(coordinator).contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("full_name", invisible)
                    .when().post("/inbox/accounts/" + counsellor.id + "/name")
                    .then().extract().statusCode());
            String stored = QuarkusTransaction.requiringNew().call(() -> em.find(Account.class, counsellor.id).fullName);
            assertEquals(null, stored, "no visible name: " + invisible.codePoints().mapToObj(Integer::toHexString).toList());
        }
        assertEquals(303, as(coordinator).formParam("full_name", "Sri\u00a0Wahyuni\u00a0\u00a0Sintetis").when()
                .post("/inbox/accounts/" + counsellor.id + "/name").then().extract().statusCode());
        assertEquals("Sri Wahyuni Sintetis", QuarkusTransaction.requiringNew().call(() -> em.find(Account.class, counsellor.id).fullName),
                "a non-breaking space between words is kept as one space");
    }

    @Test
    void shouldLetOnlyCoordinatorsNameAccounts() {
        Account counsellor = fixtures.account("names-konselor-5", Role.COUNSELLOR);
        String session = InboxFixtures.login("names-konselor-5");
        assertEquals(403, as(session).formParam("full_name", "Nama Sintetis").when().post("/inbox/accounts/" + counsellor.id + "/name")
                .then().extract().statusCode());
    }
}
