package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;

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
