package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The survivor was told "the counsellor will write your code word in their messages" and gave safe times and what
 * never to do. The reply box is where that matters, but the plan stood far above it, among the report's answers, and a
 * counsellor using the canned first greeting wrote no code word. Now the reply box says how the person asked to be
 * contacted, with the code word to write. A case without a plan shows nothing there. Synthetic cases.
 */
@QuarkusTest
class ReplyShowsContactPlanTest {

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldShowTheContactPlanAndCodeWordBesideTheReplyBox() {
        fixtures.account("contact-plan-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("contact-plan-counsellor");
        String ref = fixtures.fullyAnsweredCase();

        String reply = reply(getAs(session).when().get("/inbox/cases/" + ref).then().statusCode(200).extract().asString());
        assertTrue(reply.contains("id=\"reply-contact-plan\""), reply);
        assertTrue(reply.contains("tulis di pesan Anda"), "says to write the code word");
        assertTrue(reply.contains("Sore hari (sintetis)") && reply.contains("Jangan telepon (sintetis)")
                && reply.contains("Kata sandi sintetis"), "the safe times, what never to do and the code word: " + reply);
        String english = reply(getAs(session).cookie("ruangaman-lang", "en").when().get("/inbox/cases/" + ref).then().statusCode(200)
                .extract().asString());
        assertTrue(english.contains("how the reporter asked to be contacted") && english.contains("Kata sandi sintetis"), english);

        String without = reply(getAs(session).when().get("/inbox/cases/" + fixtures.submittedCase(true)).then().statusCode(200).extract()
                .asString());
        assertFalse(without.contains("reply-contact-plan"), "no plan, nothing said");
    }

    private static String reply(String page) {
        Matcher m = Pattern.compile("<section class=\"reply noprint\" id=\"reply\">.*?</section>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "the reply section");
        return m.group();
    }
}
