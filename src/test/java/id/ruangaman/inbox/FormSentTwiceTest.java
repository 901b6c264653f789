package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.Role;
import id.ruangaman.testing.RenderedForm;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A form sent twice (a double click on "Kirim", Enter pressed twice on a slow network) does its work once: the rendered
 * form, with its own hidden fields, posted twice, one after the other and at the same moment. Both posts are answered
 * with the page the first one led to, never an error; the survivor gets one message, the case one note, the SOP
 * record one party. The same form with other text is a new post. Synthetic texts.
 */
@QuarkusTest
class FormSentTwiceTest {

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldSendTheReplyOnceWhenItsFormIsPostedTwice() {
        fixtures.account("twice-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("twice-counsellor");
        String ref = fixtures.submittedCase(true);
        String casePath = "/inbox/cases/" + ref;

        RenderedForm reply = RenderedForm.holding(page(session, casePath), "send-reply").with("text", "Balasan dua klik (sintetis)");
        String first = reply.submit(session).then().statusCode(303).extract().header("Location");
        String second = reply.submit(session).then().statusCode(303).extract().header("Location");
        assertEquals(first, second, "the second post is sent where the first was: the new reply");
        assertEquals(1, count(page(session, casePath), "Balasan dua klik (sintetis)"), "one message to the survivor");

        RenderedForm again = RenderedForm.holding(page(session, casePath), "send-reply").with("text", "Balasan serentak (sintetis)");
        List<CompletableFuture<Integer>> posts = List.of(
                CompletableFuture.supplyAsync(() -> again.submit(session).statusCode()),
                CompletableFuture.supplyAsync(() -> again.submit(session).statusCode()));
        assertEquals(List.of(303, 303), posts.stream().map(CompletableFuture::join).toList(), "neither post is an error");
        assertEquals(1, count(page(session, casePath), "Balasan serentak (sintetis)"), "posted at the same moment: still one message");

        RenderedForm edited = RenderedForm.holding(page(session, casePath), "send-reply");
        edited.with("text", "Balasan pertama (sintetis)").submit(session).then().statusCode(303);
        edited.with("text", "Balasan kedua, diubah (sintetis)").submit(session).then().statusCode(303);
        String after = page(session, casePath);
        assertEquals(1, count(after, "Balasan pertama (sintetis)"));
        assertEquals(1, count(after, "Balasan kedua, diubah (sintetis)"), "other text in the same form is a new reply");
    }

    @Test
    void shouldAddTheNoteAndThePartyOnceWhenTheirFormsArePostedTwice() {
        fixtures.account("twice-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("twice-coordinator");
        String ref = fixtures.submittedCase(true);
        String casePath = "/inbox/cases/" + ref;

        RenderedForm note = RenderedForm.holding(page(session, casePath), "add-note").with("text", "Catatan dua klik (sintetis)");
        note.submit(session).then().statusCode(303);
        note.submit(session).then().statusCode(303);
        assertEquals(1, count(page(session, casePath), "Catatan dua klik (sintetis)"), "one note");

        String sop = page(session, casePath + "/sop");
        RenderedForm party = RenderedForm.holding(sop, "add-party").with("party_name", "Pihak Dua Klik Sintetis")
                .with("party_role", firstOption(sop, "party_role")).with("campus_status", firstOption(sop, "campus_status"));
        String first = party.submit(session).then().statusCode(303).extract().header("Location");
        String second = party.submit(session).then().statusCode(303).extract().header("Location");
        assertEquals(first, second);
        Matcher rows = Pattern.compile("<tr id=\"party-[0-9]+\"><th>[^<]*</th><td>Pihak Dua Klik Sintetis").matcher(page(session, casePath + "/sop"));
        assertEquals(1, rows.results().count(), "one party in the SOP record");
    }

    /** A refused post did nothing: the same rendered form, sent again once what it needed is done, acts. */
    @Test
    void shouldLetTheSameFormActAfterItsFirstPostWasRefused() {
        fixtures.account("twice-refused-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("twice-refused-coordinator");
        String ref = fixtures.submittedCase(true);
        String casePath = "/inbox/cases/" + ref;
        RenderedForm.holding(page(session, casePath), "status-in_verification").submit(session).then().statusCode(303);

        RenderedForm tick = RenderedForm.holding(page(session, casePath), "check-evidence");
        String refused = tick.submit(session).then().statusCode(303).extract().header("Location");
        assertTrue(refused.contains("refused=evidence_examined_missing"), refused);
        RenderedForm.holding(page(session, casePath + "/sop"), "save-findings").with("evidence_examined", "Tangkapan layar, sintetis")
                .submit(session).then().statusCode(303);

        String ticked = tick.submit(session).then().statusCode(303).extract().header("Location");
        assertTrue(!ticked.contains("refused="), ticked);
        assertTrue(page(session, casePath).contains("id=\"check-evidence\" data-checked=\"true\""), "part 3 is ticked");
    }

    private static String page(String session, String path) {
        return getAs(session).header("Accept", "text/html").when().get(path).then().statusCode(200).extract().asString();
    }

    private static String firstOption(String html, String select) {
        Matcher m = Pattern.compile("(?s)<select name=\"" + select + "\"[^>]*>.*?<option value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "no option for " + select);
        return m.group(1);
    }

    private static int count(String html, String text) {
        String escaped = text.replace("&", "&amp;").replace("\"", "&quot;");
        int n = 0;
        for (int i = html.indexOf(escaped); i >= 0; i = html.indexOf(escaped, i + 1)) {
            n++;
        }
        return n;
    }
}
