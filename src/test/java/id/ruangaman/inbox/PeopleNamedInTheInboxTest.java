package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The case list and a case's conversation name the people who work it, as the case page and the letters do (V173): the
 * list's "Penanggung jawab" column and the author of a counsellor's reply in the transcript show the name a coordinator
 * wrote for the account, the username only while it has none. Before, both showed the username. Synthetic names only.
 */
@QuarkusTest
class PeopleNamedInTheInboxTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    DataSource dataSource;

    @Test
    void shouldNameTheAssigneeInTheCaseListAndTheReplyingCounsellorInTheTranscript() {
        Account coordinator = fixtures.account("inbox-names-coord", Role.COORDINATOR);
        Account counsellor = fixtures.account("inbox-names-konselor", Role.COUNSELLOR);
        String coord = InboxFixtures.login("inbox-names-coord");
        as(coord).formParam("full_name", "Dewi Ayu Sintetis").when().post("/inbox/accounts/" + coordinator.id + "/name").then()
                .statusCode(303);
        as(coord).formParam("full_name", "Rahmat Hidayat Sintetis").when().post("/inbox/accounts/" + counsellor.id + "/name").then()
                .statusCode(303);

        String ref = fixtures.submittedCase(true);
        as(coord).formParam("assignee", String.valueOf(counsellor.id)).when().post("/inbox/cases/" + ref + "/assign").then()
                .statusCode(303);
        as(coord).formParam("text", "Balasan sintetis dari koordinator").when().post("/inbox/cases/" + ref + "/reply").then()
                .statusCode(303);

        String list = getAs(coord).queryParam("ref", ref).when().get("/inbox").then().statusCode(200).extract().asString();
        String row = list.substring(list.indexOf("data-ref=\"" + ref + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("Rahmat Hidayat Sintetis"), "the list names the person the case is assigned to: " + row);
        assertFalse(row.contains("inbox-names-konselor"), "not the account's username: " + row);

        String transcript = getAs(coord).cookie("ruangaman-lang", "id").when().get("/inbox/cases/" + ref + "/transcript").then()
                .statusCode(200).extract().asString();
        assertTrue(transcript.contains("Konselor Dewi Ayu Sintetis"), "the reply's author by name");
        assertFalse(transcript.contains("Konselor inbox-names-coord"), "not by username");
    }

    /**
     * A name that cannot be decrypted (stored under a key this instance does not hold) shows the username: the case list
     * reads every account's name, and one unreadable name made the whole list a 500 (CI, a test profile with its own key).
     */
    @Test
    void shouldListTheCasesWhenAnAccountsNameCannotBeDecrypted() throws Exception {
        fixtures.account("inbox-names-coord-c", Role.COORDINATOR);
        Account counsellor = fixtures.account("inbox-names-konselor-c", Role.COUNSELLOR);
        String coord = InboxFixtures.login("inbox-names-coord-c");
        String ref = fixtures.submittedCase(true);
        as(coord).formParam("assignee", String.valueOf(counsellor.id)).when().post("/inbox/cases/" + ref + "/assign").then()
                .statusCode(303);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("update account set full_name = decode('01000000630102030405060708090a0b0c0d0e0f10111213', 'hex') "
                    + "where id = " + counsellor.id);
        }
        try {
            String list = getAs(coord).queryParam("ref", ref).when().get("/inbox").then().statusCode(200).extract().asString();
            String row = list.substring(list.indexOf("data-ref=\"" + ref + "\""));
            row = row.substring(0, row.indexOf("</tr>"));
            assertTrue(row.contains("inbox-names-konselor-c"), "the username in place of the unreadable name: " + row);
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.executeUpdate("update account set full_name = null where id = " + counsellor.id);
            }
        }
    }

    /**
     * Every page that names a person reads the name by the one rule ({@code People}): the case page (a reply's author,
     * the assignee and the choice of assignees), the SOP page (the team and the attendees to choose from, the
     * conflicted accounts), the accounts page and the own-account page answer 200 and show the username where a name
     * cannot be decrypted. Before, the transcript loaded the author's account as an entity, whose name was decrypted on
     * load: the whole case page was a 500. The person whose name it is can still sign in and work, and nothing writes
     * over the stored name.
     */
    @Test
    void shouldShowEveryPageWhenTheNameOfAReplysAuthorCannotBeDecrypted() throws Exception {
        fixtures.account("inbox-names-coord-d", Role.COORDINATOR);
        Account counsellor = fixtures.account("inbox-names-konselor-d", Role.COUNSELLOR);
        String coord = InboxFixtures.login("inbox-names-coord-d");
        String ref = fixtures.submittedCase(true);
        as(coord).formParam("assignee", String.valueOf(counsellor.id)).when().post("/inbox/cases/" + ref + "/assign").then()
                .statusCode(303);
        String own = InboxFixtures.login("inbox-names-konselor-d");
        as(own).formParam("text", "Balasan sintetis dari konselor").when().post("/inbox/cases/" + ref + "/reply").then().statusCode(303);
        String unreadable = "01000000630102030405060708090a0b0c0d0e0f10111213";
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("update account set full_name = decode('" + unreadable + "', 'hex') where id = " + counsellor.id);
        }
        try {
            String page = getAs(coord).cookie("ruangaman-lang", "id").when().get("/inbox/cases/" + ref).then().statusCode(200)
                    .extract().asString();
            assertTrue(page.contains("inbox-names-konselor-d"), "the username in place of the unreadable name");
            String transcript = getAs(coord).cookie("ruangaman-lang", "id").when().get("/inbox/cases/" + ref + "/transcript").then()
                    .statusCode(200).extract().asString();
            assertTrue(transcript.contains("Konselor inbox-names-konselor-d"), "the reply's author by username");
            String sop = getAs(coord).when().get("/inbox/cases/" + ref + "/sop").then().statusCode(200).extract().asString();
            assertTrue(sop.contains("inbox-names-konselor-d"), "the SOP page's choices name the account by username");
            getAs(coord).when().get("/inbox/accounts").then().statusCode(200);

            String signedIn = InboxFixtures.login("inbox-names-konselor-d");
            getAs(signedIn).when().get("/inbox/cases/" + ref).then().statusCode(200);
            getAs(signedIn).when().get("/inbox/account").then().statusCode(200);
            getAs(signedIn).when().get("/inbox/settings").then().statusCode(200);
            as(signedIn).formParam("show_media_unblurred", "yes").when().post("/inbox/settings").then().statusCode(303);
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                    java.sql.ResultSet stored = sql.executeQuery("select encode(full_name, 'hex') from account where id = " + counsellor.id)) {
                assertTrue(stored.next());
                assertEquals(unreadable, stored.getString(1), "signing in and saving a setting keep the stored name as it was");
            }
            as(coord).formParam("full_name", "Nama Baru Sintetis").when().post("/inbox/accounts/" + counsellor.id + "/name").then()
                    .statusCode(303);
            String renamed = getAs(coord).cookie("ruangaman-lang", "id").when().get("/inbox/cases/" + ref + "/transcript").then()
                    .statusCode(200).extract().asString();
            assertTrue(renamed.contains("Konselor Nama Baru Sintetis"), "a coordinator can write the name again, readable");
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.executeUpdate("update account set full_name = null where id = " + counsellor.id);
            }
        }
    }

    /**
     * The page header (every inbox page) and the own-account page name the signed-in person; the own-account page keeps
     * the username beside it, as what they sign in with. An account without a name shows its username. Before, both
     * showed the username only.
     */
    @Test
    void shouldNameTheSignedInPersonInTheHeaderAndOnTheirAccountPage() {
        Account coordinator = fixtures.account("inbox-names-coord-e", Role.COORDINATOR);
        fixtures.account("inbox-names-konselor-e", Role.COUNSELLOR);
        String coord = InboxFixtures.login("inbox-names-coord-e");
        as(coord).formParam("full_name", "Wulan Sari Sintetis").when().post("/inbox/accounts/" + coordinator.id + "/name").then()
                .statusCode(303);

        for (String page : List.of("/inbox", "/inbox/accounts", "/inbox/settings")) {
            String html = getAs(coord).cookie("ruangaman-lang", "id").when().get(page).then().statusCode(200).extract().asString();
            assertEquals("Wulan Sari Sintetis", who(html), "the header of " + page + " names the person");
        }
        String own = getAs(coord).cookie("ruangaman-lang", "id").when().get("/inbox/account").then().statusCode(200).extract().asString();
        assertEquals("Wulan Sari Sintetis", who(own));
        assertTrue(own.contains("<p id=\"account-name\"><strong>Wulan Sari Sintetis</strong>"), "the account page is the person's");
        assertTrue(own.contains("Nama pengguna untuk masuk: inbox-names-coord-e"), "with the username they sign in with");

        String unnamed = InboxFixtures.login("inbox-names-konselor-e");
        assertEquals("inbox-names-konselor-e", who(getAs(unnamed).when().get("/inbox").then().statusCode(200).extract().asString()),
                "no name: the username");
        String ownUnnamed = getAs(unnamed).when().get("/inbox/account").then().statusCode(200).extract().asString();
        assertTrue(ownUnnamed.contains("<p id=\"account-name\"><strong>inbox-names-konselor-e</strong>"), ownUnnamed);
    }

    private static String who(String html) {
        java.util.regex.Matcher who = java.util.regex.Pattern.compile("<a class=\"who\" href=\"/inbox/account\">([^<]*)</a>").matcher(html);
        assertTrue(who.find(), "the header links to the own account");
        return who.group(1);
    }

    @Test
    void shouldShowTheUsernameWhileAnAccountHasNoName() {
        fixtures.account("inbox-names-coord-b", Role.COORDINATOR);
        Account counsellor = fixtures.account("inbox-names-konselor-b", Role.COUNSELLOR);
        String coord = InboxFixtures.login("inbox-names-coord-b");
        String ref = fixtures.submittedCase(true);
        as(coord).formParam("assignee", String.valueOf(counsellor.id)).when().post("/inbox/cases/" + ref + "/assign").then()
                .statusCode(303);
        as(coord).formParam("text", "Balasan sintetis tanpa nama").when().post("/inbox/cases/" + ref + "/reply").then().statusCode(303);

        String list = getAs(coord).queryParam("ref", ref).when().get("/inbox").then().statusCode(200).extract().asString();
        String row = list.substring(list.indexOf("data-ref=\"" + ref + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("inbox-names-konselor-b"), row);
        String transcript = getAs(coord).cookie("ruangaman-lang", "id").when().get("/inbox/cases/" + ref + "/transcript").then()
                .statusCode(200).extract().asString();
        assertTrue(transcript.contains("Konselor inbox-names-coord-b"));
    }
}
