package id.ruangaman.web;

import static id.ruangaman.inbox.InboxFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The duplicate-submit guard's two edges. A form sent again while the first post is still acting, past the wait, is
 * sent to the page its form is on (the case for a case's note), not to the case list: the browser sends no Referer
 * (Referrer-Policy: no-referrer), and the counsellor lost their place. And a post whose client went away while it
 * acted (answered 204, nobody there) leaves no claim behind: the browser's retry of the same form acts, instead of
 * being answered as done when nothing was. Synthetic case and texts.
 */
@QuarkusTest
class SubmittedOnceTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    Submissions submissions;

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
    void shouldDeriveThePageFromThePostPath() {
        assertEquals("/inbox/cases/RA-7K2QX", SubmittedOnce.samePage("/inbox/cases/RA-7K2QX/reply", null));
        assertEquals("/inbox/cases/RA-7K2QX/sop", SubmittedOnce.samePage("/inbox/cases/RA-7K2QX/sop/assessment", null));
        assertEquals("/inbox/pimpinan/RA-7K2QX", SubmittedOnce.samePage("/inbox/pimpinan/RA-7K2QX/decision", null));
        assertEquals("/inbox", SubmittedOnce.samePage("/inbox/language", null));
    }
}
