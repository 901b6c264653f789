package id.ruangaman.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Where a login returns to is set by what the person opened, never by what an open page asked for by itself
 * ({@link BackgroundRequests}): the live stream and a live refresh are sent to the login page without the form login's
 * location cookie; a page opened by a person keeps it. Without a session, as after one ended.
 */
@QuarkusTest
class BackgroundRequestsTest {

    private static final String LOCATION = "quarkus-redirect-location";

    @Test
    void shouldNotRememberTheLiveStreamOrALiveRefreshAsWhereTheLoginReturns() {
        Response stream = given().redirects().follow(false).header("Accept", "text/event-stream").get("/inbox/events?after=1-0");
        assertEquals(302, stream.statusCode());
        assertTrue(stream.header("Location").endsWith("/login"), stream.header("Location"));
        assertFalse(stream.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(LOCATION + "=")),
                "the stream's address is not remembered: " + stream.headers().getValues("Set-Cookie"));

        Response refresh = given().redirects().follow(false).header("Accept", "text/html").header("X-Ruangaman-Background", "1")
                .get("/inbox/cases/RA-SYNTH-1/transcript");
        assertEquals(302, refresh.statusCode());
        assertFalse(refresh.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(LOCATION + "=")),
                "a live refresh's address is not remembered: " + refresh.headers().getValues("Set-Cookie"));
    }

    @Test
    void shouldStillRememberThePageAPersonOpened() {
        Response page = given().redirects().follow(false).header("Accept", "text/html").get("/inbox/cases/RA-SYNTH-1");
        assertEquals(302, page.statusCode());
        String remembered = page.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(LOCATION + "=")).findFirst()
                .orElse(null);
        assertNotNull(remembered, "the page is remembered for the login: " + page.headers().getValues("Set-Cookie"));
        assertTrue(remembered.contains("/inbox/cases/RA-SYNTH-1"), remembered);
    }
}
