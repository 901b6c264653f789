package id.ruangaman.security;

import static id.ruangaman.inbox.InboxFixtures.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.testing.CsrfForms;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The cookie that tells the login page an account was deactivated ({@code ruangaman-deactivated}) is Secure exactly
 * when the session cookie is: over HTTPS, which behind the documented TLS-terminating proxy (deploy/README.md,
 * deploy/kubernetes) is the trusted proxy's {@code X-Forwarded-Proto: https} (quarkus.http.proxy.*; the tests' requests
 * come from 127.0.0.1, a trusted proxy). Through the real j_security_check and a form post; synthetic accounts.
 */
@QuarkusTest
class DeactivatedCookieSecureTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    AccountService accounts;

    @Test
    void shouldMakeTheDeactivatedCookieSecureWhenTheSessionCookieIs() {
        for (String scheme : List.of("https", "http")) {
            Account account = fixtures.account("proxied-" + scheme + "-" + UUID.randomUUID().toString().substring(0, 8), Role.COUNSELLOR);
            Response login = given().redirects().follow(false).header("X-Forwarded-Proto", scheme).contentType(ContentType.URLENC)
                    .formParam("j_username", account.username).formParam("j_password", PASSWORD).post("/j_security_check");
            io.restassured.http.Cookie session = login.detailedCookie("ruangaman-session");
            assertNotNull(session, "logged in over " + scheme);
            String csrf = CsrfForms.tokenIn(given().header("X-Forwarded-Proto", scheme).cookie("ruangaman-session", session.getValue())
                    .get("/inbox").then().extract().asString());

            accounts.setActive("proxied-coordinator", account.id, false);
            Response refused = given().redirects().follow(false).header("X-Forwarded-Proto", scheme).accept("text/html")
                    .cookie("ruangaman-session", session.getValue()).contentType(ContentType.URLENC).formParam("csrf-token", csrf)
                    .formParam("lang", "en").post("/inbox/language");
            String deactivated = refused.headers().getValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(SessionIdentityProvider.DEACTIVATED_COOKIE + "=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no deactivated cookie over " + scheme + ": " + refused.headers()));

            assertEquals("https".equals(scheme), session.isSecured(), "the session cookie over " + scheme);
            assertEquals(session.isSecured(), deactivated.contains("; Secure"), "Secure as the session cookie, over " + scheme
                    + ": " + deactivated);
        }
    }
}
