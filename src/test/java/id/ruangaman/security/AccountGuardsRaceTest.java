package id.ruangaman.security;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.CaseService;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.web.Refused;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The account guards that read, then write, hold when two coordinators act at the same moment. Before, two coordinators
 * who deactivated each other (or one demoted the other while being deactivated) both passed their checks and left no
 * active coordinator: nobody could manage accounts any more. Each test holds the first change's transaction open at the
 * point where it has checked (a latch), starts the second change (a real request or a transaction), waits until that one
 * is either done or waiting for a row lock in PostgreSQL, and only then lets the first commit: the order is fixed, no
 * sleeps. Only the test's two coordinators are active while it runs; the others are made active again after it.
 */
@QuarkusTest
class AccountGuardsRaceTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    AccountService service;
    @Inject
    CaseService cases;
    @Inject
    EntityManager em;

    private List<Long> othersActive;
    private Account first;
    private Account second;

    @BeforeEach
    void onlyTwoActiveCoordinators() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        first = fixtures.account("race-a-" + suffix, Role.COORDINATOR);
        second = fixtures.account("race-b-" + suffix, Role.COORDINATOR);
        othersActive = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("select id from account where active and role = 'coordinator' and id not in (?1, ?2)")
                    .setParameter(1, first.id).setParameter(2, second.id).getResultList();
            em.createNativeQuery("update account set active = false where id in (?1)").setParameter(1, ids.stream().map(Number::longValue).toList())
                    .executeUpdate();
            return ids.stream().map(Number::longValue).toList();
        });
    }

    @AfterEach
    void othersActiveAgain() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update account set active = true where id in (?1)").setParameter(1, othersActive).executeUpdate();
            em.createNativeQuery("update account set active = true, role = 'coordinator' where id in (?1, ?2)")
                    .setParameter(1, first.id).setParameter(2, second.id).executeUpdate();
        });
    }

    @Test
    void shouldKeepOneActiveCoordinatorWhenTwoDeactivateEachOtherAtOnce() {
        Supplier<Object> secondChange = () -> QuarkusTransaction.requiringNew().call(() -> {
            service.setActive(second.username, first.id, false);
            return "done";
        });
        Object answer = whileHeld(() -> service.setActive(first.username, second.id, false), secondChange);

        assertTrue(answer instanceof Refused, "the second deactivation is refused: " + answer);
        assertEquals("last_coordinator_active", id.ruangaman.web.Refusals.reasonKey(((Refused) answer).getMessage(), 409));
        assertEquals(1L, activeCoordinators(), "one active coordinator is left");
        assertEquals(List.of(false, true), List.of(active(second.id), active(first.id)));
    }

    /**
     * One coordinator demotes the other while that other, in a real request from the Akun page, deactivates the first:
     * the request waits for the demotion and is then refused, the page shown again with the reason in that row.
     */
    @Test
    void shouldRedisplayTheAccountsPageWithTheReasonWhenADemotionAndADeactivationCross() {
        String session = InboxFixtures.login(second.username);
        io.restassured.specification.RequestSpecification request = InboxFixtures.as(session).accept("text/html").formParam("active", "false");
        Supplier<Object> deactivation = () -> request.when().post("/inbox/accounts/" + first.id + "/active");
        Object answer = whileHeld(() -> service.setRole(first.username, second.id, Role.COUNSELLOR), deactivation);

        io.restassured.response.Response page = (io.restassured.response.Response) answer;
        page.then().statusCode(409).body(containsString("id=\"active-refused-" + first.id + "\""))
                .body(containsString("Ini koordinator aktif terakhir: jadikan akun lain koordinator dulu, lalu nonaktifkan akun ini."));
        assertEquals(1L, activeCoordinators());
        assertTrue(active(first.id));
    }

    /**
     * Two tabs: the Akun page of one still offers Nonaktifkan for an account another tab already deactivated. Pressing it
     * changes nothing, and the audit log has one deactivation, not two.
     */
    @Test
    void shouldNotAuditASecondDeactivationFromAnOlderTab() {
        service.setActive(first.username, second.id, false);
        service.setActive(first.username, second.id, false);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_event where action = 'account_deactivate' and detail = ?1").setParameter(1, "account:" + second.id)
                .getSingleResult()).longValue()));
    }

    /** Demoting each other at once: the second is refused with the role's reason, one coordinator stays. */
    @Test
    void shouldKeepOneActiveCoordinatorWhenTwoDemoteEachOtherAtOnce() {
        Supplier<Object> secondChange = () -> QuarkusTransaction.requiringNew().call(() -> {
            service.setRole(second.username, first.id, Role.COUNSELLOR);
            return "done";
        });
        Object answer = whileHeld(() -> service.setRole(first.username, second.id, Role.COUNSELLOR), secondChange);

        assertTrue(answer instanceof Refused, "the second demotion is refused: " + answer);
        assertEquals("last_coordinator", id.ruangaman.web.Refusals.reasonKey(((Refused) answer).getMessage(), 409));
        assertEquals(1L, activeCoordinators());
    }

    /**
     * A case assigned to a counsellor at the moment a coordinator makes that counsellor Pimpinan: the assignment waits for
     * the role change and is then refused, so leadership is never left holding an open case nobody else sees.
     */
    @Test
    void shouldNotAssignACaseToAnAccountMadePimpinanAtTheSameMoment() {
        Account counsellor = fixtures.account("race-c-" + UUID.randomUUID().toString().substring(0, 8), Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        io.restassured.specification.RequestSpecification request = InboxFixtures.as(InboxFixtures.login(first.username))
                .formParam("assignee", String.valueOf(counsellor.id));
        Supplier<Object> assignment = () -> request.when().post("/inbox/cases/" + ref + "/assign");
        Object answer = whileHeld(() -> service.setRole(first.username, counsellor.id, Role.PIMPINAN), assignment);

        assertTrue(((io.restassured.response.Response) answer).statusCode() >= 300, "the assignment is refused");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from intake where assignee_id = ?1").setParameter(1, counsellor.id).getSingleResult()).longValue()));
    }

    /**
     * And the other way round: the case is assigned first, and the role change that comes while the assignment is not yet
     * committed waits for it, then counts the case and is refused.
     */
    @Test
    void shouldNotMakePimpinanAnAccountThatIsGivenACaseAtTheSameMoment() {
        Account counsellor = fixtures.account("race-d-" + UUID.randomUUID().toString().substring(0, 8), Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        CurrentAccount coordinator = coordinatorAs(first);
        Supplier<Object> roleChange = () -> QuarkusTransaction.requiringNew().call(() -> {
            service.setRole(first.username, counsellor.id, Role.PIMPINAN);
            return "done";
        });
        Object answer = whileHeld(() -> cases.assign(ref, counsellor.id, coordinator), roleChange);

        assertTrue(answer instanceof Refused, "the role change is refused: " + answer);
        assertEquals(Role.COUNSELLOR, QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select role from account where id = ?1").setParameter(1, counsellor.id).getSingleResult()));
    }

    /**
     * Runs {@code held} in a transaction that stays open until {@code second} (started on another thread once {@code held}
     * has run) has finished or waits for a row lock; then commits it and returns what {@code second} returned or threw.
     */
    private Object whileHeld(Runnable held, Supplier<Object> second) {
        CountDownLatch checked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            held.run();
            checked.countDown();
            await(commit);
        }));
        try {
            await(checked);
            CompletableFuture<Object> other = CompletableFuture.supplyAsync(() -> {
                try {
                    return second.get();
                } catch (RuntimeException e) {
                    return unwrap(e);
                }
            });
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!other.isDone() && waitingForALock() == 0) {
                if (System.nanoTime() > giveUp) {
                    fail("the second change neither finished nor waited for a lock");
                }
                Thread.onSpinWait();
            }
            commit.countDown();
            first.get(60, TimeUnit.SECONDS);
            return other.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            commit.countDown();
        }
    }

    private static Object unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refused) {
                return t;
            }
        }
        return e;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not reached");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long waitingForALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
                .getSingleResult()).longValue());
    }

    private long activeCoordinators() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from account where active and role = 'coordinator'").getSingleResult()).longValue());
    }

    private boolean active(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery("select active from account where id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    /** A coordinator's request as CaseService sees it, outside any HTTP request. */
    private static CurrentAccount coordinatorAs(Account account) {
        return new CurrentAccount(new io.quarkus.security.runtime.QuarkusSecurityIdentity.Builder()
                .setPrincipal(new io.quarkus.security.runtime.QuarkusPrincipal(account.username)).addRole(Role.COORDINATOR).build(),
                null, "unused") {
            @Override
            public long id() {
                return account.id;
            }
        };
    }
}
