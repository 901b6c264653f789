package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.Account;
import id.ruangaman.security.Role;
import id.ruangaman.testing.RenderedForm;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough (later stages, fresh6): a counsellor writes a note on an unassigned case, and meanwhile another counsellor
 * takes the case. The note's form is refused and its page, which the counsellor may no longer open, is shown as the
 * refusal page. That page said "Kasus ini ditangani konselor lain" twice, once as the form's reason at the top and once
 * as the page's own. It is said once now. The test submits the rendered note form of a synthetic case.
 */
@QuarkusTest
class RefusalSaidOnceTest {

    private static final String REASON = "Kasus ini ditangani konselor lain";

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldSayWhyOnceWhenTheCaseWasTakenWhileTyping() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Account writer = fixtures.account("once-writer-" + suffix, Role.COUNSELLOR);
        Account taker = fixtures.account("once-taker-" + suffix, Role.COUNSELLOR);
        String ref = fixtures.submittedCase(true);
        String session = InboxFixtures.login(writer.username);
        String page = InboxFixtures.getAs(session).accept("text/html").when().get("/inbox/cases/" + ref).then().statusCode(200)
                .extract().asString();
        RenderedForm note = RenderedForm.holding(page, "note-text").with("text", "Catatan sintetis: sudah menelepon.");

        InboxFixtures.as(InboxFixtures.login(taker.username)).formParam("assignee", "me").when()
                .post("/inbox/cases/" + ref + "/assign").then().statusCode(303);

        String location = note.submit(session).then().statusCode(303).extract().header("Location");
        assertTrue(location.contains("refused=not_your_case"), location);
        String shown = InboxFixtures.getAs(session).accept("text/html").when().get(location).then().statusCode(403).extract()
                .asString();
        assertEquals(1, shown.split(REASON, -1).length - 1, "the reason once: " + shown);
    }
}
