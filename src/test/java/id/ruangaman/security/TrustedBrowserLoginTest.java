package id.ruangaman.security;

import static id.ruangaman.inbox.InboxFixtures.PASSWORD;
import static id.ruangaman.inbox.InboxFixtures.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditLog;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.crypto.BlindIndex;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/**
 * A stranger who knows a counsellor's username cannot lock the counsellor out (OWASP's device cookies): wrong
 * passwords from clients without a valid device cookie lock the account for such clients only; the browser that
 * logged in before still logs in with the right password, and after its own repeated failures only its cookie locks.
 * A forged, altered, expired or other account's cookie counts as no cookie. Through the real j_security_check;
 * synthetic accounts. The cookie's name is written out here ({@code ruangaman-device-<account id>}), as a browser
 * sees it.
 */
@QuarkusTest
class TrustedBrowserLoginTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    AccountService service;
    @Inject
    AuditLog audit;
    @Inject
    BlindIndex hmac;
    @Inject
    EntityManager em;

    @Test
    void shouldLetTheCounsellorsBrowserInWhileAStrangerLockedTheAccount() {
        Account account = fixtures.account(unique("sari"), Role.COUNSELLOR);
        Response first = login(account.username, PASSWORD);
        first.then().statusCode(302).header("Location", containsString("/inbox"));
        Cookie device = first.detailedCookie(deviceCookie(account));
        assertNotNull(device, "a successful login gives the browser a device cookie");
        assertTrue(device.isHttpOnly(), "HttpOnly");
        assertEquals("Strict", device.getSameSite());
        assertEquals("/j_security_check", device.getPath(), "sent with the login form only");
        assertEquals(Duration.ofDays(90).toSeconds(), device.getMaxAge());
        assertEquals(first.detailedCookie("ruangaman-session").isSecured(), device.isSecured(), "Secure as the session cookie");

        for (int i = 0; i < 5; i++) {
            login(account.username, "a-strangers-guess-" + i).then().header("Location", containsString("/login?error"));
        }
        Response stranger = login(account.username, PASSWORD);
        stranger.then().statusCode(302).header("Location", containsString("/login?error"));
        assertNull(stranger.cookie("ruangaman-session"), "the account is locked for clients without the cookie");

        Response counsellor = loginWith(account.username, PASSWORD, device.getName(), device.getValue());
        counsellor.then().statusCode(302).header("Location", containsString("/inbox"));
        assertNotNull(counsellor.cookie("ruangaman-session"), "the counsellor's browser still logs in");
        String renewed = counsellor.cookie(deviceCookie(account));
        assertNotNull(renewed, "each login renews the device cookie");
        assertNotEquals(device.getValue(), renewed);

        assertNull(login(account.username, PASSWORD).cookie("ruangaman-session"),
                "the counsellor's login does not unlock the account for strangers");
        assertEquals(1L, count(account, "action = 'login_locked'"));
        assertEquals(5L, count(account, "action = 'login_failed' and detail = 'wrong_password'"));
        assertNoCookieInTheAudit(account, device.getValue(), renewed);
    }

    @Test
    void shouldTreatAForgedExpiredOrOtherAccountsCookieAsNoCookie() {
        Account account = fixtures.account(unique("dewi"), Role.COUNSELLOR);
        Account other = fixtures.account(unique("budi"), Role.COUNSELLOR);
        String own = login(account.username, PASSWORD).cookie(deviceCookie(account));
        String othersCookie = login(other.username, PASSWORD).cookie(deviceCookie(other));
        assertNotNull(own);
        assertNotNull(othersCookie);
        String[] parts = own.split("\\.");
        long now = Instant.now().getEpochSecond();
        String longerLife = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400 * 365) + "." + parts[2] + "." + parts[3];
        String otherAccount = other.id + "." + parts[1] + "." + parts[2] + "." + parts[3];
        String expired = signed(account.id + "." + (now - 60) + "." + parts[2]);
        String unsigned = account.id + "." + (now + 3600) + "." + parts[2] + "." + "A".repeat(43);
        List<String> untrusted = List.of(othersCookie, longerLife, otherAccount, expired, unsigned, "garbage", "");

        // The wrong passwords of clients with these cookies count against the account, as a stranger's do.
        for (int i = 0; i < 5; i++) {
            loginWith(account.username, "a-strangers-guess-" + i, deviceCookie(account), untrusted.get(i))
                    .then().header("Location", containsString("/login?error"));
        }
        assertEquals(1L, count(account, "action = 'login_locked' and detail not like '%browser_only%'"), "the account locked");
        for (String cookie : untrusted) {
            assertNull(loginWith(account.username, PASSWORD, deviceCookie(account), cookie).cookie("ruangaman-session"),
                    "refused with the cookie " + untrusted.indexOf(cookie));
        }
        assertEquals(0L, count(account, "detail like '%trusted_browser%'"), "none counted as a trusted browser");
        assertNotNull(loginWith(account.username, PASSWORD, deviceCookie(account), own).cookie("ruangaman-session"),
                "the account's own cookie is trusted");
        assertNotNull(loginWith(account.username, PASSWORD, deviceCookie(account), signed(account.id + "." + (now + 3600) + "."
                + parts[2])).cookie("ruangaman-session"), "signed the same way but unexpired, a cookie is trusted");
    }

    @Test
    void shouldLockOnlyTheBrowserAfterItsOwnFailuresUntilACoordinatorResetsThePassword() {
        Account account = fixtures.account(unique("rina"), Role.COUNSELLOR);
        String laptop = login(account.username, PASSWORD).cookie(deviceCookie(account));
        String phone = login(account.username, PASSWORD).cookie(deviceCookie(account));
        assertNotNull(laptop);
        assertNotNull(phone);

        for (int i = 0; i < 5; i++) {
            loginWith(account.username, "typed-with-stolen-cookie-" + i, deviceCookie(account), laptop)
                    .then().header("Location", containsString("/login?error"));
        }
        assertNull(loginWith(account.username, PASSWORD, deviceCookie(account), laptop).cookie("ruangaman-session"),
                "the cookie that failed five times is locked, even with the right password");
        assertEquals(1L, count(account, "action = 'login_locked' and detail like 'browser_only until:%'"));
        assertEquals(5L, count(account, "action = 'login_failed' and detail = 'wrong_password trusted_browser'"));
        assertEquals(1L, count(account, "action = 'login_failed' and detail = 'browser_locked'"));
        assertNotNull(loginWith(account.username, PASSWORD, deviceCookie(account), phone).cookie("ruangaman-session"),
                "another trusted browser still logs in");
        assertNotNull(login(account.username, PASSWORD).cookie("ruangaman-session"), "the account itself is not locked");
        assertEquals(0, failedLogins(account), "the cookie's failures never counted against the account");

        assertTrue(service.resetPassword("test-coordinator", account.id, "a-brand-new-password"),
                "the reset tells the coordinator it lifted a lock");
        assertNotNull(loginWith(account.username, "a-brand-new-password", deviceCookie(account), laptop).cookie("ruangaman-session"),
                "a coordinator's reset unlocks the browser too");
    }

    @Test
    void shouldUnlockABrowserWhenItsLockRunsOutAndCountAgainFromOne() {
        Account account = fixtures.account(unique("tono"), Role.COUNSELLOR);
        String cookie = login(account.username, PASSWORD).cookie(deviceCookie(account));
        for (int i = 0; i < 5; i++) {
            loginWith(account.username, "wrong-" + i, deviceCookie(account), cookie);
        }
        assertNull(loginWith(account.username, PASSWORD, deviceCookie(account), cookie).cookie("ruangaman-session"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update device_login_failure set locked_until = now() - interval '1 second' where account_id = ?1")
                .setParameter(1, account.id).executeUpdate());
        loginWith(account.username, "wrong-again", deviceCookie(account), cookie);
        assertNotNull(loginWith(account.username, PASSWORD, deviceCookie(account), cookie).cookie("ruangaman-session"),
                "one failure after the lock ran out does not lock again");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from device_login_failure where account_id = ?1").setParameter(1, account.id)
                .getSingleResult()).longValue()), "a successful login forgets the browser's failures");
    }

    private static Response loginWith(String username, String password, String cookieName, String cookieValue) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).cookie(cookieName, cookieValue)
                .formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check");
    }

    private static String deviceCookie(Account account) {
        return "ruangaman-device-" + account.id;
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A cookie value signed with the service's key, as the service makes them (for an expired one). */
    private String signed(String payload) {
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.of("device-cookie/v1", payload));
    }

    private long count(Account account, String where) {
        return QuarkusTransaction.requiringNew().call(() -> audit.count("actor = ?1 and " + where, account.username));
    }

    private int failedLogins(Account account) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select failed_logins from account where id = ?1").setParameter(1, account.id).getSingleResult()).intValue());
    }

    private void assertNoCookieInTheAudit(Account account, String... cookies) {
        @SuppressWarnings("unchecked")
        List<String> details = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select coalesce(detail, '') from audit_event where actor = ?1").setParameter(1, account.username).getResultList());
        for (String cookie : cookies) {
            String nonce = cookie.split("\\.")[2];
            assertFalse(details.stream().anyMatch(d -> d.contains(nonce)), "no cookie in the audit log");
        }
    }
}
