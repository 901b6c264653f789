package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The team's links point to the inbox that runs: RUANGAMAN_TEAM_INBOX_URL when set, else this service on the port it
 * listens on (dev mode started with {@code -Dquarkus.http.port=8196} links to 8196, not 8080).
 */
@QuarkusTest
class TeamInboxUrlTest {

    @Inject
    TeamNotifications notifications;

    @Test
    void shouldLinkToThePortTheServiceListensOnWhenNoUrlIsSet() {
        assertEquals("http://localhost:8196", TeamNotifications.inboxBase(Optional.empty(), 8196));
        assertEquals("http://localhost:8196", TeamNotifications.inboxBase(Optional.of("  "), 8196), "blank counts as not set");
    }

    @Test
    void shouldLinkToTheSetUrlWithoutItsTrailingSlash() {
        assertEquals("https://inbox.example.test", TeamNotifications.inboxBase(Optional.of("https://inbox.example.test/"), 8196));
    }

    @Test
    void shouldTakeThePortTheHttpServerActuallyListensOn() {
        // tests listen on a random port (quarkus.http.test-port=0): neither 8080 nor the configured 0
        assertNotEquals(8080, RestAssured.port);
        assertEquals(RestAssured.port, notifications.listeningPort());
    }
}
