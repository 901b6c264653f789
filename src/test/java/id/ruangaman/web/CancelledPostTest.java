package id.ruangaman.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.LogLines;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A form post the browser cancels (a second click on "Kirim" while the first is still being sent, a tab closed) is
 * not an error of the service: nothing at ERROR in the log. Sent over a raw socket as a browser that goes away: the
 * headers and part of the body, then the connection closed. Synthetic account.
 */
@QuarkusTest
class CancelledPostTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    InboxFixtures fixtures;

    private final LogLines errors = LogLines.errors();

    @BeforeEach
    void listen() {
        errors.start();
    }

    @AfterEach
    void stop() {
        errors.stop();
    }

    @Test
    void shouldNotLogACancelledFormPostAsAnError() throws Exception {
        fixtures.account("cancels-posts", Role.COUNSELLOR);
        String session = InboxFixtures.login("cancels-posts");
        String ref = fixtures.submittedCase(true);
        for (int i = 0; i < 3; i++) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                String body = "csrf-token=x&text=" + "a".repeat(2000);
                out.write(("POST /inbox/cases/" + ref + "/notes HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                        + "Cookie: ruangaman-session=" + session + "\r\nAccept: text/html\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n" + body)
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300);
            }
        }
        Thread.sleep(1500);
        assertEquals(List.of(), errors.lines(), "a cancelled post is no error");
    }
}
