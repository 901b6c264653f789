package id.ruangaman.security;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Deactivating an account with open cases returns them to the unassigned queue: before, they stayed assigned to someone
 * who could no longer log in, nobody was told, and the survivor's first answer could be missed. Each returned case has
 * its own audit row; a closed case keeps its assignee and its history; the Akun page says how many wait and links to
 * them; an older tab's second press says the account is already inactive and records nothing. Synthetic accounts.
 */
@QuarkusTest
class DeactivatedAccountCasesTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    EntityManager em;

    @Test
    void shouldReturnOpenCasesToTheQueueAuditedPerCaseAndSaySoOnTheAccountsPage() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account coordinator = fixtures.account("ret-coord-" + suffix, Role.COORDINATOR);
        Account leaving = fixtures.account("ret-leaving-" + suffix, Role.COUNSELLOR);
        Account staying = fixtures.account("ret-staying-" + suffix, Role.COUNSELLOR);
        List<String> open = List.of(fixtures.submittedCase(true), fixtures.submittedCase(true), fixtures.submittedCase(true));
        String closed = fixtures.submittedCase(true);
        String others = fixtures.submittedCase(true);
        for (String ref : open) {
            assign(ref, leaving.id);
        }
        assign(closed, leaving.id);
        assign(others, staying.id);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set status = 'closed' where reference_code = ?1")
                .setParameter(1, closed).executeUpdate());
        String session = InboxFixtures.login(coordinator.username);

        as(session).formParam("active", "false").when().post("/inbox/accounts/" + leaving.id + "/active").then().statusCode(303)
                .cookie("ruangaman-saved", containsString("account-deactivated-" + leaving.id));

        for (String ref : open) {
            Object[] row = intake(ref);
            assertNull(row[0], "an open case is back in the queue: " + ref);
            assertEquals(leaving.id, ((Number) row[1]).longValue(), "and says which account it came back from");
            assertEquals(List.of(coordinator.username + " assignee:none inactive account:" + leaving.id), assignRows(ref),
                    "one audit row on the case, by the coordinator who deactivated");
        }
        assertEquals(leaving.id, ((Number) intake(closed)[0]).longValue(), "a closed case keeps its assignee");
        assertNull(intake(closed)[1]);
        assertEquals(List.of(), assignRows(closed), "and its history");
        assertEquals(staying.id, ((Number) intake(others)[0]).longValue(), "another counsellor's case is untouched");

        getAs(session).when().get("/inbox/accounts").then().statusCode(200)
                .body(containsString("3 kasus dikembalikan ke antrean. Tugaskan ke pendamping lain."))
                .body(containsString("href=\"/inbox?view=returned\""));
        String returned = getAs(session).when().get("/inbox?view=returned").then().statusCode(200).extract().asString();
        for (String ref : open) {
            assertTrue(returned.contains(ref), "the returned view lists " + ref);
        }
        assertTrue(!returned.contains(closed) && !returned.contains(others), "and only cases that came back");

        // Assigned again: no longer waiting, and no longer marked as returned.
        as(session).formParam("assignee", String.valueOf(staying.id)).when().post("/inbox/cases/" + open.get(0) + "/assign").then()
                .statusCode(303);
        assertNull(intake(open.get(0))[1]);
        getAs(session).when().get("/inbox/accounts").then().body(containsString("2 kasus dikembalikan ke antrean."))
                .body(not(containsString("3 kasus dikembalikan")));
        getAs(session).when().get("/inbox?view=returned").then().body(not(containsString(open.get(0))));

        // An older tab presses Nonaktifkan again: said as it is, nothing recorded.
        as(session).formParam("active", "false").when().post("/inbox/accounts/" + leaving.id + "/active").then().statusCode(303)
                .cookie("ruangaman-saved", containsString("account-already-inactive-" + leaving.id));
        assertEquals(1, assignRows(open.get(1)).size(), "no second row on a returned case");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_event where action = 'account_deactivate' and detail = ?1").setParameter(1, "account:" + leaving.id)
                .getSingleResult()).longValue()), "one deactivation recorded");
        as(session).formParam("active", "true").when().post("/inbox/accounts/" + leaving.id + "/active").then().statusCode(303)
                .cookie("ruangaman-saved", containsString("account-activated-" + leaving.id));
        as(session).formParam("active", "true").when().post("/inbox/accounts/" + leaving.id + "/active").then().statusCode(303)
                .cookie("ruangaman-saved", containsString("account-already-active-" + leaving.id));
    }

    private void assign(String ref, long accountId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update intake set assignee_id = ?1 where reference_code = ?2")
                .setParameter(1, accountId).setParameter(2, ref).executeUpdate());
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
