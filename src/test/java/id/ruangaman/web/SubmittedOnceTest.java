package id.ruangaman.web;

import static id.ruangaman.inbox.InboxFixtures.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.CsrfForms;
import id.ruangaman.testing.LogLines;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The duplicate-submit guard's two edges. A form sent again while the first post is still acting, past the wait, is
 * sent to the page its form is on (the case for a case's note), not to the case list: the browser sends no Referer
 * (Referrer-Policy: no-referrer), and the counsellor lost their place. And a post whose client went away while it
 * acted (answered 204, nobody there) leaves no claim behind: the browser's retry of the same form acts, instead of
 * being answered as done when nothing was. Synthetic case and texts.
 * <p>
 * And a first post whose browser closes the connection (Chromium cancels the first post of a double click on "Kirim")
 * is never left holding its claim: Quarkus REST drops a request's remaining steps when its connection closes
 * (quarkusio/quarkus#50990), which would skip both the action and the release, and the second post would be answered
 * as done after its 15 s wait while nothing was sent. These posts go over a raw socket, closed at a chosen point: a
 * lock held on a table the step needs keeps the first post there until the socket is closed.
 */
@QuarkusTest
class SubmittedOnceTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    Submissions submissions;
    @Inject
    AgroalDataSource data;
    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldSendARepeatThatWaitedTooLongToThePageOfItsForm() throws Exception {
        fixtures.account("once-wait-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("once-wait-counsellor");
        String ref = fixtures.submittedCase(true);
        String once = "once-wait-token-000001";
        String text = "Catatan sintetis yang dikirim dua kali";
        FormData form = new FormData(10);
        form.add(SubmittedOnce.FIELD, once);
        form.add("text", text);
        // The first post of this form holds its claim and has not finished (a slow action).
        assertTrue(submissions.claim(SubmittedOnce.key("/inbox/cases/" + ref + "/notes", form)).claimed());

        Response repeat = as(session).formParam(SubmittedOnce.FIELD, once).formParam("text", text)
                .post("/inbox/cases/" + ref + "/notes");
        assertEquals(303, repeat.statusCode());
        assertTrue(repeat.header("Location").endsWith("/inbox/cases/" + ref), "the case, not the list: " + repeat.header("Location"));
    }

    @Test
    void shouldLetARetryActWhenTheClientWentAwayDuringTheFirstPost() {
        fixtures.account("once-gone-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("once-gone-counsellor");
        int before = ClientGoneTestResource.CALLS.get();
        for (int time = 1; time <= 2; time++) {
            Response r = as(session).formParam(SubmittedOnce.FIELD, "once-gone-token-000001").formParam("text", "sintetis")
                    .post("/test-only/client-gone");
            assertEquals(204, r.statusCode(), "post " + time);
        }
        assertEquals(before + 2, ClientGoneTestResource.CALLS.get(), "the retry acted; it was not answered as done");
    }

    @Test
    void shouldLetTheSecondPostActWhenTheFirstWasClosedWhileClaiming() throws Exception {
        // Held at its claim (the submitted_form row it inserts), the first post's connection closes: it must not act,
        // and the second post of the same form must.
        assertOneReplyAfterAClosedFirstPost("once-closed-claim", "submitted_form", "insert into submitted_form %");
    }

    @Test
    void shouldFinishAndSettleAFirstPostClosedWhileActing() throws Exception {
        // Held in its action (the reply's first write to the transcript, releasing replies held back), the first post's
        // connection closes: the action goes on, and the second post is answered as the first was, with the reply sent once.
        assertOneReplyAfterAClosedFirstPost("once-closed-action", "chat_message", "update chat_message % set deferred%");
    }

    /**
     * Posts a case's reply form over a raw socket while {@code table} is locked, waits until the post waits on the lock
     * in a statement like {@code waitsIn} (a LIKE pattern of the statement's text in lower case), closes the socket,
     * releases the lock, then posts the same form again as a browser would: it must be answered with the reply's place
     * on the case page (where the first post's action sends the browser, {@code #msg-}), never with the page alone
     * after the guard's wait, and the survivor gets the reply once. Nothing is logged at ERROR.
     */
    private void assertOneReplyAfterAClosedFirstPost(String name, String table, String waitsIn) throws Exception {
        fixtures.account(name, Role.COUNSELLOR);
        String session = InboxFixtures.login(name);
        String ref = fixtures.submittedCase(true);
        String csrf = CsrfForms.tokenIn(given().cookie("ruangaman-session", session).get("/inbox").asString());
        String once = name + "-token-0000001";
        String text = "Balasan sintetis, koneksi pertama ditutup (" + name + ")";
        String body = "csrf-token=" + enc(csrf) + "&" + SubmittedOnce.FIELD + "=" + once + "&text=" + enc(text);
        LogLines errors = LogLines.errors();
        errors.start();
        try {
            try (Connection lock = data.getConnection(); Statement statement = lock.createStatement()) {
                lock.setAutoCommit(false);
                statement.execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /inbox/cases/" + ref + "/reply HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                            + "Cookie: ruangaman-session=" + session + "\r\nAccept: text/html\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                            + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    awaitWaitingIn(waitsIn);
                }
                Thread.sleep(500); // the server reads the closed connection
                lock.rollback();
            }
            Response second = as(session).formParam(SubmittedOnce.FIELD, once).formParam("text", text)
                    .post("/inbox/cases/" + ref + "/reply");
            assertEquals(303, second.statusCode());
            assertTrue(second.header("Location").contains("/inbox/cases/" + ref + "#msg-"),
                    "answered with the reply's place, not after the wait: " + second.header("Location"));
            String page = InboxFixtures.getAs(session).get("/inbox/cases/" + ref).asString();
            assertEquals(1, page.split(java.util.regex.Pattern.quote(text), -1).length - 1, "one reply to the survivor");
            assertEquals(List.of(), errors.lines(), "a closed post is no error");
        } finally {
            errors.stop();
        }
    }

    private void awaitWaitingIn(String statement) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        try (Connection c = data.getConnection(); PreparedStatement waiting = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND lower(query) LIKE ?")) {
            waiting.setString(1, statement);
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet row = waiting.executeQuery()) {
                    row.next();
                    if (row.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the post never waited in: " + statement);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void shouldDeriveThePageFromThePostPath() {
        assertEquals("/inbox/cases/RA-7K2QX", SubmittedOnce.samePage("/inbox/cases/RA-7K2QX/reply", null));
        assertEquals("/inbox/cases/RA-7K2QX/sop", SubmittedOnce.samePage("/inbox/cases/RA-7K2QX/sop/assessment", null));
        assertEquals("/inbox/pimpinan/RA-7K2QX", SubmittedOnce.samePage("/inbox/pimpinan/RA-7K2QX/decision", null));
        assertEquals("/inbox", SubmittedOnce.samePage("/inbox/language", null));
    }
}
