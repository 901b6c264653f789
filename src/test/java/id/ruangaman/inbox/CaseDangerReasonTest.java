package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Input;
import id.ruangaman.security.Role;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The case page's BAHAYA flag says why the case is in danger, not only when danger was written in the chat after the
 * report: the danger question answered yes while reporting, or danger words written during the intake though the
 * question was answered no (the verified report's reasons). The live refresh of an open case page
 * ({@code /inbox/cases/{ref}/transcript}) replaces {@code #case-danger} with the same words. Synthetic people only.
 */
@QuarkusTest
class CaseDangerReasonTest {

    private static final Pattern FLAG = Pattern.compile(
            "<span id=\"case-danger\">(?:[^<]|<span class=\"flag\">[^<]*</span>|<small[^>]*>[^<]*</small>)*</span>");
    private static final Pattern THREAD_LINE_ID = Pattern.compile("bahaya ditulis di chat \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} WIB");
    private static final Pattern THREAD_LINE_EN = Pattern.compile("danger written in the chat \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} WIB");

    @Inject
    InboxFixtures fixtures;

    private String session;

    @BeforeEach
    void login() {
        fixtures.account("danger-reason-counsellor", Role.COUNSELLOR);
        session = InboxFixtures.login("danger-reason-counsellor");
    }

    @Test
    void aCaseFlaggedByTheDangerAnswerSaysItWasAnsweredWhileReporting() {
        String ref = fixtures.caseAnsweredInDanger();

        String id = flag(ref, "id");
        assertTrue(id.contains(">BAHAYA</span> <small class=\"danger-reason\" id=\"danger-reason\">dijawab saat melapor</small>"), id);
        assertFalse(id.contains("kata-kata bahaya") || id.contains("danger-said"), id);
        String en = flag(ref, "en");
        assertTrue(en.contains("<small class=\"danger-reason\" id=\"danger-reason\">answered while reporting</small>"), en);
        assertFalse(en.contains(">answered<") || en.contains("danger words"), "words, not a code, and only this reason: " + en);
    }

    @Test
    void aCaseFlaggedByWordsOnlySaysDangerWordsWhileReporting() {
        String ref = fixtures.caseWithDangerWords();

        String id = flag(ref, "id");
        assertTrue(id.contains("<small class=\"danger-reason\" id=\"danger-reason\">kata-kata bahaya saat melapor (lihat transkrip)</small>"), id);
        assertFalse(id.contains("dijawab saat melapor") || id.contains("danger-said"), "not what the answer contradicts: " + id);
        String en = flag(ref, "en");
        assertTrue(en.contains("danger words while reporting (see the transcript)"), en);
        assertFalse(en.contains("answered while reporting"), en);
    }

    @Test
    void dangerWrittenInTheChatKeepsItsLineAndTime() {
        String ref = fixtures.submittedCase(true);
        assertFalse(flag(ref, "id").contains("BAHAYA"), "a report without danger");

        fixtures.survivorSends(ref, new Input.Text("tolong kak, dia di depan pintu"));
        String id = flag(ref, "id");
        assertTrue(id.contains("BAHAYA") && THREAD_LINE_ID.matcher(id).find(), id);
        assertFalse(id.contains("danger-reason"), "the report itself gave no danger: " + id);
        String en = flag(ref, "en");
        assertTrue(THREAD_LINE_EN.matcher(en).find(), en);
    }

    @Test
    void theAnswerWhileReportingAndDangerInTheChatAreBothShown() {
        String ref = fixtures.caseAnsweredInDanger();
        fixtures.survivorSends(ref, new Input.Text("tolong kak, dia di depan pintu"));

        String id = flag(ref, "id");
        assertTrue(id.contains("dijawab saat melapor"), id);
        assertTrue(THREAD_LINE_ID.matcher(id).find(), id);
    }

    /** The live refresh of an open case page replaces {@code #case-danger} with what a reload would show. */
    @Test
    void theLiveRefreshShowsTheSameReasonAsTheFullPage() {
        String answered = fixtures.caseAnsweredInDanger();
        String words = fixtures.caseWithDangerWords();
        String thread = fixtures.submittedCase(true);
        fixtures.survivorSends(thread, new Input.Text("tolong kak, dia di depan pintu"));

        for (String ref : new String[] { answered, words, thread }) {
            for (String language : new String[] { "id", "en" }) {
                String live = flagIn(InboxFixtures.transcript(session, ref, language));
                assertEquals(flag(ref, language), live, ref + " " + language);
            }
        }
        assertTrue(flagIn(InboxFixtures.transcript(session, answered, "id")).contains("dijawab saat melapor"));
        assertTrue(flagIn(InboxFixtures.transcript(session, words, "en")).contains("danger words while reporting"));
        assertTrue(THREAD_LINE_ID.matcher(flagIn(InboxFixtures.transcript(session, thread, "id"))).find());
    }



    /** The case page's {@code #case-danger} as the reader of {@code language} sees it on a full load. */
    private String flag(String ref, String language) {
        return flagIn(getAs(session).cookie("ruangaman-lang", language).when().get("/inbox/cases/" + ref).then().statusCode(200)
                .extract().asString());
    }

    private static String flagIn(String html) {
        Matcher flag = FLAG.matcher(html);
        assertTrue(flag.find(), "no #case-danger: " + html);
        return flag.group();
    }
}
