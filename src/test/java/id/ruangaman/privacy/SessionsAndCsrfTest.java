package id.ruangaman.privacy;

import static id.ruangaman.inbox.InboxFixtures.PASSWORD;
import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;


import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Account;
import id.ruangaman.security.AccountRepository;
import id.ruangaman.security.AccountService;
import id.ruangaman.security.Role;
import id.ruangaman.testing.CsrfForms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Sessions end for real (a cookie saved before logout, a reset, a deactivation or "log out everywhere" no longer
 * opens the inbox), the idle timeout ignores background refreshes, CSRF holds for every state-changing request
 * whatever its content type, and parallel wrong logins lock the account.
 */
@QuarkusTest
class SessionsAndCsrfTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    AccountService accounts;
    @Inject
    AccountRepository repository;
    @Inject
    EntityManager em;

    private static boolean open(String session) {
        return getAs(session).get("/inbox").statusCode() == 200;
    }

    @Test
    void shouldEndTheSessionOnLogoutAndRefuseALogoutWithoutToken() {
        fixtures.account("sess-logout", Role.COUNSELLOR);
        String session = login("sess-logout");
        assertTrue(open(session));
        getAs(session).contentType(ContentType.URLENC).post("/logout").then().statusCode(400);
        getAs(session).post("/logout").then().statusCode(400); // no body, no content type
        assertTrue(open(session), "a logout without token changes nothing");
        as(session).post("/logout").then().statusCode(303);
        Response after = getAs(session).get("/inbox");
        assertEquals(302, after.statusCode());
        assertTrue(after.header("Location").contains("/login"));
    }

    @Test
    void shouldEndEverySessionOnResetAndOnDeactivation() {
        Account account = fixtures.account("sess-reset", Role.COUNSELLOR);
        String first = login("sess-reset");
        String second = login("sess-reset");
        assertTrue(open(first) && open(second));
        accounts.resetPassword("test-coordinator", account.id, PASSWORD);
        assertTrue(!open(first) && !open(second), "a password reset ends every session");

        String third = login("sess-reset");
        assertTrue(open(third));
        accounts.setActive("test-coordinator", account.id, false);
        accounts.setActive("test-coordinator", account.id, true);
        assertTrue(!open(third), "a deactivation ends every session, also once reactivated");
    }

    @Test
    void shouldLogOutEverywhereFromTheOwnAccountPage() {
        fixtures.account("sess-everywhere", Role.COUNSELLOR);
        String here = login("sess-everywhere");
        String there = login("sess-everywhere");
        String page = getAs(here).get("/inbox/account").then().statusCode(200).extract().asString();
        assertTrue(page.contains("logout-everywhere"));
        getAs(here).contentType(ContentType.URLENC).formParam("csrf-token", CsrfForms.tokenIn(page))
                .post("/inbox/account/sessions/end").then().statusCode(303).header("Location", containsString("/login"));
        assertTrue(!open(here) && !open(there));
    }

    @Test
    void shouldLeadABrowserWithAnEndedSessionToTheLoginFormNotARedirectLoop() {
        fixtures.account("sess-stale", Role.COUNSELLOR);
        String stale = login("sess-stale");
        String other = login("sess-stale");
        String page = getAs(other).get("/inbox/account").then().statusCode(200).extract().asString();
        getAs(other).contentType(ContentType.URLENC).formParam("csrf-token", CsrfForms.tokenIn(page))
                .post("/inbox/account/sessions/end").then().statusCode(303);

        // A browser that still holds the ended session's cookie is sent to the login page with the cookie expired ...
        for (String path : List.of("/inbox", "/login")) {
            Response refused = getAs(stale).header("Accept", "text/html").get(path);
            assertEquals(302, refused.statusCode(), path);
            assertTrue(refused.header("Location").contains("/login"), path);
            assertTrue(refused.headers().getValues("Set-Cookie").stream()
                    .anyMatch(c -> c.startsWith("ruangaman-session=;") && c.contains("Max-Age=0")), path + ": the dead cookie is not expired");
        }
        // ... so it then asks for the login page without it, and gets the form rather than another redirect.
        String form = given().redirects().follow(false).header("Accept", "text/html").get("/login").then().statusCode(200).extract().asString();
        assertTrue(form.contains("j_security_check"), "the login form is shown");
    }

    @Test
    void shouldChangeTheOwnPasswordThroughTheFormAndEndOtherSessions() {
        fixtures.account("sess-change", Role.COUNSELLOR);
        String here = login("sess-change");
        String there = login("sess-change");
        String token = CsrfForms.tokenIn(getAs(here).get("/inbox/account").asString());
        Response wrong = getAs(here).contentType(ContentType.URLENC).formParam("csrf-token", token)
                .formParam("current_password", "not-the-password").formParam("new_password", "another-long-password")
                .formParam("repeat_password", "another-long-password").post("/inbox/account/password");
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.asString().contains("Kata sandi sekarang salah"), wrong.asString());
        Response tooShort = getAs(here).contentType(ContentType.URLENC).formParam("csrf-token", token)
                .formParam("current_password", PASSWORD).formParam("new_password", "short").formParam("repeat_password", "short")
                .post("/inbox/account/password");
        assertEquals(400, tooShort.statusCode());
        getAs(here).contentType(ContentType.URLENC).formParam("csrf-token", token).formParam("current_password", PASSWORD)
                .formParam("new_password", "another-long-password").formParam("repeat_password", "another-long-password")
                .post("/inbox/account/password").then().statusCode(303);
        assertTrue(open(here), "the session that changed the password stays");
        assertTrue(!open(there), "other sessions end");
        assertNull(InboxFixtures.login("sess-change", PASSWORD).cookie("ruangaman-session"));
        assertNotNull(InboxFixtures.login("sess-change", "another-long-password").cookie("ruangaman-session"));
        accounts.resetPassword("test-coordinator", fixtures.account("sess-change", Role.COUNSELLOR).id, PASSWORD);
    }

    @Test
    void shouldCountOnlyUserActionsTowardsTheIdleTimeout() {
        Account account = fixtures.account("sess-idle", Role.COUNSELLOR);
        String session = login("sess-idle");
        age(account.id, 20);
        getAs(session).header("X-Ruangaman-Background", "1").get("/inbox").then().statusCode(200);
        assertTrue(lastAction(account.id).isBefore(Instant.now().minusSeconds(19 * 60)), "a background refresh is no user action");
        getAs(session).get("/inbox").then().statusCode(200);
        assertTrue(lastAction(account.id).isAfter(Instant.now().minusSeconds(60)), "a user action restarts the idle clock");
        age(account.id, 31);
        assertTrue(!open(session), "idle for longer than 30 minutes");
    }

    @Test
    void shouldRefuseStateChangesWithoutTheSessionsOwnToken() {
        fixtures.account("csrf-coordinator", Role.COORDINATOR);
        fixtures.account("csrf-other", Role.COORDINATOR);
        Account target = fixtures.account("csrf-target", Role.COUNSELLOR);
        String session = login("csrf-coordinator");
        String other = login("csrf-other");
        String path = "/inbox/accounts/" + target.id + "/active";

        getAs(session).post(path).then().statusCode(400); // no content type, no body
        assertEquals(4, getAs(session).contentType("text/plain").body("active=false").post(path).statusCode() / 100);
        assertEquals(4, getAs(session).contentType(ContentType.JSON).body("{\"active\":false}").post(path).statusCode() / 100);
        getAs(session).contentType(ContentType.URLENC).cookie("ruangaman-csrf", "made-up-by-the-client")
                .formParam("csrf-token", "made-up-by-the-client").formParam("active", "false").post(path).then().statusCode(400);
        String othersToken = CsrfForms.tokenIn(getAs(other).get("/inbox").asString());
        getAs(session).contentType(ContentType.URLENC).formParam("csrf-token", othersToken).formParam("active", "false")
                .post(path).then().statusCode(400);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> repository.findById(target.id).active), "nothing changed");

        String token = CsrfForms.tokenIn(getAs(session).get("/inbox/accounts").asString());
        getAs(session).header("X-CSRF-Token", token).post(path + "?active=false"); // header form of the token is accepted
        getAs(session).contentType(ContentType.URLENC).formParam("csrf-token", token).formParam("active", "false")
                .post(path).then().statusCode(303);
        assertTrue(!QuarkusTransaction.requiringNew().call(() -> repository.findById(target.id).active));
        accounts.setActive("test-coordinator", target.id, true);
    }

    @Test
    void shouldLockTheAccountWhenFortyWrongLoginsArriveTogether() throws Exception {
        fixtures.account("lockout-race", Role.COUNSELLOR);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                attempts.add(pool.submit(() -> login("lockout-race", "wrong-guess-" + n).statusCode()));
            }
            for (Future<Integer> attempt : attempts) {
                assertEquals(302, attempt.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> repository.findByUsername("lockout-race").orElseThrow().lockedUntil));
        Response right = InboxFixtures.login("lockout-race", PASSWORD);
        assertTrue(right.header("Location").contains("/login?error"), "the right password is refused while locked");
        assertNull(right.cookie("ruangaman-session"));
    }

    private void age(long accountId, int minutes) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update account_session set last_action_at = now() - "
                + "make_interval(mins => ?1) where account_id = ?2 and ended_at is null").setParameter(1, minutes)
                .setParameter(2, accountId).executeUpdate());
    }

    private Instant lastAction(long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> (Instant) em.createNativeQuery("select max(last_action_at) from "
                + "account_session where account_id = ?1 and ended_at is null", Instant.class).setParameter(1, accountId).getSingleResult());
    }
}
