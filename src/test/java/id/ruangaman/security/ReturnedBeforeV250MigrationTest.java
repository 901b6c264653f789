package id.ruangaman.security;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V256: an account deactivated before V250 kept its open cases, and nobody who could answer had them. The migration
 * returns them to the queue as a deactivation now does (returned from that account, in the returned view, one audit
 * row each by the migration, shown by its label); closed cases and an active account's cases are untouched. Made here
 * as V250's predecessor left them: the account set inactive in the database, without a deactivation. Synthetic accounts.
 */
@QuarkusTest
class ReturnedBeforeV250MigrationTest {

    private static final Path MIGRATION = Path.of("src/main/resources/db/migration/V256__return_cases_of_accounts_inactive_before_v250.sql");

    @Inject
    InboxFixtures fixtures;
    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    @Test
    void shouldReturnOpenCasesOfAccountsAlreadyInactiveAuditedByTheMigration() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account coordinator = fixtures.account("v256-coord-" + suffix, Role.COORDINATOR);
        Account gone = fixtures.account("v256-gone-" + suffix, Role.COUNSELLOR);
        Account here = fixtures.account("v256-here-" + suffix, Role.COUNSELLOR);
        List<String> open = List.of(fixtures.submittedCase(true), fixtures.submittedCase(true));
        String closed = fixtures.submittedCase(true);
        String others = fixtures.submittedCase(true);
        for (String ref : open) {
            sql("update intake set assignee_id = ?1 where reference_code = ?2", gone.id, ref);
        }
        sql("update intake set assignee_id = ?1, status = 'closed' where reference_code = ?2", gone.id, closed);
        sql("update intake set assignee_id = ?1 where reference_code = ?2", here.id, others);
        sql("update account set active = false where id = ?1", gone.id, null); // as before V250: the cases stayed

        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            statement.execute(Files.readString(MIGRATION));
        }

        for (String ref : open) {
            Object[] row = intake(ref);
            assertNull(row[0], "an open case is back in the queue: " + ref);
            assertEquals(gone.id, ((Number) row[1]).longValue(), "and says which account it came back from");
            assertEquals(List.of("V256 migration assignee:none inactive account:" + gone.id), assignRows(ref),
                    "one audit row on the case, by the migration");
        }
        assertEquals(gone.id, ((Number) intake(closed)[0]).longValue(), "a closed case keeps its assignee");
        assertNull(intake(closed)[1]);
        assertEquals(List.of(), assignRows(closed));
        assertEquals(here.id, ((Number) intake(others)[0]).longValue(), "an active counsellor's case is untouched");
        assertEquals(List.of(), assignRows(others));

        String session = InboxFixtures.login(coordinator.username);
        String returned = getAs(session).when().get("/inbox?view=returned").then().statusCode(200).extract().asString();
        assertTrue(open.stream().allMatch(returned::contains), "the returned view lists the cases");
        assertTrue(!returned.contains(closed) && !returned.contains(others), "and only those");
        getAs(session).when().get("/inbox/accounts").then().statusCode(200)
                .body(containsString("2 kasus dikembalikan ke antrean. Tugaskan ke pendamping lain."));
        String log = getAs(session).queryParam("ref", open.get(0)).when().get("/inbox/audit").then().statusCode(200).extract().asString();
        assertTrue(log.contains("Pembaruan basis data (kasus dari akun yang sudah nonaktif)"), "the actor by its label");
        assertTrue(!log.contains("V256 migration"), "never by its code");

        // Run again (a second replica's start finds it applied; here by hand): nothing more is changed or recorded.
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            statement.execute(Files.readString(MIGRATION));
        }
        assertEquals(1, assignRows(open.get(0)).size());
    }

    private void sql(String statement, Object first, Object second) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement).setParameter(1, first);
            if (second != null) {
                query.setParameter(2, second);
            }
            query.executeUpdate();
        });
    }

    private Object[] intake(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select assignee_id, returned_from from intake where reference_code = ?1").setParameter(1, ref).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<String> assignRows(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) em.createNativeQuery(
                "select a.actor || ' ' || a.detail from audit_event a join intake i on i.id = a.intake_id "
                        + "where i.reference_code = ?1 and a.action = 'assign' order by a.id").setParameter(1, ref).getResultList())
                .stream().map(String::valueOf).toList());
    }
}
