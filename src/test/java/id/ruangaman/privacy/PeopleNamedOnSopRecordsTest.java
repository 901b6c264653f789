package id.ruangaman.privacy;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The SOP records PeopleNamedOnRecordsTest does not cover keep their person by account (V205): who recorded the recovery
 * plan, a check-in and the end of recovery, the limited meeting, the surat tugas and leadership's decision, who added a
 * party and an interview, who last updated the sanction's execution and who marked a conflict of interest. After the
 * accounts' usernames are corrected (by an operator) and their people's names written, the SOP page names the check-in's
 * and the recovery end's recorder by the name the person has now; every record still points at the same account. The
 * migration's backfill gives a row whose username names an account that account, and leaves a username that names none
 * as the readable fallback, which the page shows. Synthetic names only.
 */
@QuarkusTest
class PeopleNamedOnSopRecordsTest {

    private static final String NAME = "Sari Wulandari Sintetis";
    private static final Path MIGRATION = Path.of("src/main/resources/db/migration/V205__casework_records_name_accounts_by_id.sql");

    /** Each record's table, its account id column and its fallback column (the username before V205). */
    private static final List<String[]> RECORDS = List.of(
            new String[] { "case_recovery_plan", "recorded_by" },
            new String[] { "case_recovery_checkin", "recorded_by" },
            new String[] { "case_recovery_end", "recorded_by" },
            new String[] { "case_meeting", "recorded_by" },
            new String[] { "case_assignment_letter", "recorded_by" },
            new String[] { "case_decision", "recorded_by" },
            new String[] { "case_party", "created_by" },
            new String[] { "case_interview", "created_by" },
            new String[] { "case_sanction_execution", "updated_by" },
            new String[] { "case_conflict", "marked_by" });

    @Inject
    InboxFixtures fixtures;
    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    @Test
    void shouldKeepEverySopRecordsPersonByAccountAndNameThemAfterTheUsernameChanges() throws Exception {
        Account worker = fixtures.account("sop-names-worker", Role.COORDINATOR);
        Account leader = fixtures.account("sop-names-leader", Role.PIMPINAN);
        Account other = fixtures.account("sop-names-other", Role.COUNSELLOR);
        fixtures.account("sop-names-reader", Role.COORDINATOR);
        String session = login("sop-names-worker");
        String reader = login("sop-names-reader");
        String ref = fixtures.submittedCase(true);
        new SopCaseFile(session, login("sop-names-leader"), ref, "sintetis").walk(worker.id);
        as(session).formParam("conflict_account", String.valueOf(other.id)).when().post("/inbox/cases/" + ref + "/sop/conflicts").then()
                .statusCode(303);
        long intake = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from intake where reference_code = ?1").setParameter(1, ref).getSingleResult()).longValue());

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update account set username = username || '-b' where id in (?1, ?2)").setParameter(1, worker.id)
                .setParameter(2, leader.id).executeUpdate());
        assertEquals(303, as(reader).formParam("full_name", NAME).when().post("/inbox/accounts/" + worker.id + "/name").then().extract()
                .statusCode());

        Map<String, String> expected = new LinkedHashMap<>();
        for (String[] record : RECORDS) {
            expected.put(record[0], (record[0].equals("case_decision") ? leader.id : worker.id) + "/null");
        }
        assertEquals(expected, recorders(intake), "every record keeps its person's account, and no username");

        String sop = getAs(reader).get("/inbox/cases/" + ref + "/sop").then().statusCode(200).extract().asString();
        assertTrue(Pattern.compile("<ul id=\"checkins\"><li>[^\\n]*<span class=\"who\">" + NAME + "</span></li>").matcher(sop).find(),
                "who recorded the check-in");
        assertTrue(Pattern.compile("<p id=\"recovery-ended\">[^\\n]*<span class=\"who\">" + NAME + "</span></p>").matcher(sop).find(),
                "who recorded the end of recovery");
        assertFalse(sop.contains("sop-names-worker"), "the SOP page (its timeline too) shows a username");

        // As the rows stood before V205: the username, no account. The current username names the account; a username
        // that names no account (an account renamed before the upgrade) stays as it is.
        QuarkusTransaction.requiringNew().run(() -> {
            for (String[] record : RECORDS) {
                String who = record[0].equals("case_recovery_checkin") ? "'sop-names-gone'"
                        : "(select username from account where id = " + (record[0].equals("case_decision") ? leader.id : worker.id) + ")";
                em.createNativeQuery("update " + record[0] + " set " + record[1] + "_account_id = null, " + record[1] + " = " + who
                        + " where intake_id = ?1").setParameter(1, intake).executeUpdate();
            }
        });
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            for (String statement : Files.readString(MIGRATION).split(";")) {
                String backfill = statement.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (backfill.startsWith("update ")) {
                    sql.execute(backfill);
                }
            }
        }
        expected.put("case_recovery_checkin", "null/sop-names-gone");
        assertEquals(expected, recorders(intake), "the backfill: the account where the username names one, else the username");
        String converted = getAs(reader).get("/inbox/cases/" + ref + "/sop").then().statusCode(200).extract().asString();
        assertTrue(converted.contains("<span class=\"who\">sop-names-gone</span></li>"), "a username that names no account is shown as it is");
        assertTrue(Pattern.compile("<p id=\"recovery-ended\">[^\\n]*<span class=\"who\">" + NAME + "</span></p>").matcher(converted).find(),
                "a converted row names the person");
        assertFalse(converted.contains("<span class=\"who\"></span>"), "no record names nobody");
    }

    /** Each record's account id and fallback on the case, "12/null"; several rows of a table joined with a comma. */
    private Map<String, String> recorders(long intake) throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        try (Connection db = dataSource.getConnection()) {
            for (String[] record : RECORDS) {
                try (var st = db.prepareStatement("select " + record[1] + "_account_id, " + record[1] + " from " + record[0]
                        + " where intake_id = ? order by 1, 2")) {
                    st.setLong(1, intake);
                    List<String> rows = new ArrayList<>();
                    try (var rs = st.executeQuery()) {
                        while (rs.next()) {
                            rows.add(rs.getObject(1) + "/" + rs.getString(2));
                        }
                    }
                    found.put(record[0], String.join(",", new java.util.LinkedHashSet<>(rows)));
                }
            }
        }
        return found;
    }
}
