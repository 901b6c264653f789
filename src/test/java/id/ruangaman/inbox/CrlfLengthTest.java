package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.as;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 11, finding 3: a browser's maxlength counts a line break as one character but submits it as CRLF (two);
 * a note or reply at the limit with line breaks is taken, one over is refused.
 */
@QuarkusTest
class CrlfLengthTest {

    @Inject
    InboxFixtures fixtures;

    private static String text(int lfLength) {
        // lines of "x" joined by CRLF: lfLength characters once each CRLF counts as one line break
        StringBuilder b = new StringBuilder();
        int left = lfLength;
        while (left > 0) {
            int line = Math.min(9, left);
            b.append("x".repeat(line));
            left -= line;
            if (left > 0) {
                b.append("\r\n");
                left--;
            }
        }
        return b.toString();
    }

    @Test
    void shouldTakeANoteAndAReplyAtTheLimitWithCrlfLineBreaks() {
        fixtures.account("crlf-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("crlf-coordinator");
        String ref = fixtures.submittedCase(true);
        String casePage = "/inbox/cases/" + ref;
        for (String form : new String[] { "/notes", "/reply" }) {
            String at = as(session).formParam("text", text(CaseService.MAX_NOTE)).formParam("unsafe_ack", "true")
                    .post(casePage + form).then().statusCode(303).extract().header("Location");
            assertFalse(at.contains("refused"), form + " at the limit refused: " + at);
            var over = as(session).formParam("text", text(CaseService.MAX_NOTE + 1)).formParam("unsafe_ack", "true")
                    .post(casePage + form);
            assertNotEquals(303, over.statusCode() == 303 && !String.valueOf(over.header("Location")).contains("refused") ? 303 : 0,
                    form + " one over the limit was taken");
        }
    }
}
