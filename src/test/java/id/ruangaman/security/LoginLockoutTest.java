package id.ruangaman.security;

import static id.ruangaman.inbox.InboxFixtures.PASSWORD;
import static id.ruangaman.inbox.InboxFixtures.login;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditLog;
import id.ruangaman.inbox.InboxFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LoginLockoutTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    AccountService service;
    @Inject
    AuditLog audit;

    @Test
    void shouldLockAnAccountAfterRepeatedFailures() {
        fixtures.account("lockout-user", Role.COUNSELLOR);
        login("lockout-user", PASSWORD).then().statusCode(302).header("Location", containsString("/inbox"));
        for (int i = 0; i < 5; i++) {
            login("lockout-user", "wrong-password-" + i).then().statusCode(302).header("Location", containsString("/login?error"));
        }
        var locked = login("lockout-user", PASSWORD);
        locked.then().statusCode(302).header("Location", containsString("/login?error"));
        assertNull(locked.cookie("ruangaman-session"), "no session while locked");
        assertEquals(5L, (long) QuarkusTransaction.requiringNew()
                .call(() -> audit.count("actor = ?1 and action = 'login_failed' and detail = 'wrong_password'", "lockout-user")));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew()
                .call(() -> audit.count("actor = ?1 and action = 'login_locked'", "lockout-user")));
    }

    /** An unknown name is refused like a wrong password (checked against a stand-in hash) and audited without the name. */
    @Test
    void shouldRefuseAnUnknownAccountAndAuditItWithoutTheName() {
        long before = QuarkusTransaction.requiringNew().call(() -> audit.count("actor = 'unknown' and detail = 'unknown_account'"));
        var refused = login("no-such-person-" + System.nanoTime(), PASSWORD);
        refused.then().statusCode(302).header("Location", containsString("/login?error"));
        assertNull(refused.cookie("ruangaman-session"));
        assertEquals(before + 1, (long) QuarkusTransaction.requiringNew()
                .call(() -> audit.count("actor = 'unknown' and detail = 'unknown_account'")));
    }

    @Test
    void shouldRefuseADeactivatedAccountAndAcceptAResetPassword() {
        long id = fixtures.account("deactivated-user", Role.COUNSELLOR).id;
        service.setActive("test-coordinator", id, false);
        login("deactivated-user", PASSWORD).then().statusCode(302).header("Location", containsString("/login?error"));
        service.setActive("test-coordinator", id, true);
        service.resetPassword("test-coordinator", id, "a-brand-new-password");
        login("deactivated-user", PASSWORD).then().header("Location", containsString("/login?error"));
        assertNotNull(login("deactivated-user", "a-brand-new-password").cookie("ruangaman-session"));
    }

    @Test
    void shouldNeverStoreAPlainPassword() {
        Account account = fixtures.account("hash-check", Role.COUNSELLOR);
        org.junit.jupiter.api.Assertions.assertTrue(account.passwordHash.startsWith("$2"), "bcrypt modular crypt format");
        org.junit.jupiter.api.Assertions.assertFalse(account.passwordHash.contains(PASSWORD));
    }
}
