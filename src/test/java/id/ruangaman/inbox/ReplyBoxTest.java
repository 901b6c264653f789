package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.Role;
import id.ruangaman.testing.RenderedForm;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 7, finding 7 (inbox): after *Kirim* the page opens at the new reply, not at the top of a long
 * transcript; every time the inbox shows names its zone (WIB for the default Asia/Jakarta), since the machine may
 * run on UTC while counsellors read local time; the canned first contact does not ask for a safe time the person
 * already gave.
 */
@QuarkusTest
class ReplyBoxTest {

    @Inject
    InboxFixtures fixtures;

    @Test
    void shouldRedirectToTheNewReplyAndShowTimesWithTheirZone() {
        fixtures.account("anchor-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("anchor-counsellor");
        String ref = fixtures.submittedCase(true);
        String casePath = "/inbox/cases/" + ref;
        String page = getAs(session).when().get(casePath).then().statusCode(200).extract().asString();

        RenderedForm reply = RenderedForm.holding(page, "send-reply");
        assertEquals(casePath + "/reply", reply.action());
        String location = reply.with("text", "Balasan sintetis untuk jangkar").submit(session).then().statusCode(303)
                .extract().header("Location");
        Matcher anchor = Pattern.compile(Pattern.quote(casePath) + "#(msg-[0-9]+)$").matcher(location);
        assertTrue(anchor.find(), location);

        page = getAs(session).when().get(casePath).then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?s)<li id=\"" + anchor.group(1) + "\"[^>]*>(.*?)</li>").matcher(page);
        assertTrue(line.find(), "no transcript line " + anchor.group(1));
        assertTrue(line.group(1).contains("Balasan sintetis untuk jangkar"), line.group(1));
        assertTrue(Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} WIB").matcher(line.group(1)).find(), line.group(1));
        assertTrue(!Pattern.compile("\\d{2}:\\d{2}(?! WIB)[^\\d]").matcher(LabelCoverageTest.visibleText(page)).find(),
                "a time without its zone");
    }

    /**
     * Walkthrough 9, finding 5: a reporter who said the chat is not safe gave no contact plan, so the reply box's tick
     * says what is true; and once they write again after the report, the case page says so (the cue that replying may
     * now be OK), linking to their last line. The reply goes through the rendered form with the tick.
     */
    @Test
    void shouldSayWhatIsTrueForANotSafeReporterAndShowThatTheyWroteAgain() {
        fixtures.account("unsafe-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("unsafe-counsellor");
        String ref = fixtures.submittedCase(false);
        String casePath = "/inbox/cases/" + ref;
        String page = getAs(session).when().get(casePath).then().statusCode(200).extract().asString();
        assertTrue(page.contains("tidak memberi rencana kontak") && !page.contains("membaca rencana kontak aman"), "the tick's words");
        assertTrue(!page.contains("id=\"wrote-after-report\""), "nothing written after the report yet");

        fixtures.survivorSends(ref, new id.ruangaman.conversation.Input.Text("Sekarang HP sudah aman, boleh dibalas (sintetis)."));
        page = getAs(session).when().get(casePath).then().statusCode(200).extract().asString();
        Matcher cue = Pattern.compile("(?s)<p class=\"banner\" id=\"wrote-after-report\">(.*?)</p>").matcher(page);
        assertTrue(cue.find(), "no cue that the reporter wrote again");
        assertTrue(cue.group(1).contains("menulis lagi setelah laporan: 1 pesan") && cue.group(1).contains(" WIB"), cue.group(1));
        Matcher link = Pattern.compile("href=\"#(msg-[0-9]+)\"").matcher(cue.group(1));
        assertTrue(link.find());
        Matcher line = Pattern.compile("(?s)<li id=\"" + link.group(1) + "\"[^>]*>(.*?)</li>").matcher(page);
        assertTrue(line.find() && line.group(1).contains("Sekarang HP sudah aman"), "the link leads to what they wrote");

        RenderedForm reply = RenderedForm.holding(page, "send-reply");
        reply.with("text", "Balasan sintetis setelah pelapor menulis lagi").with("acknowledge_unsafe", "yes").submit(session).then()
                .statusCode(303);
    }

    @Test
    void shouldNameTheZoneOfEveryTimeShown() {
        Instant at = Instant.parse("2026-03-12T14:05:00Z");
        assertEquals("WIB", InboxFormat.zoneName(ZoneId.of("Asia/Jakarta"), at));
        assertEquals("WITA", InboxFormat.zoneName(ZoneId.of("Asia/Makassar"), at));
        assertEquals("WIT", InboxFormat.zoneName(ZoneId.of("Asia/Jayapura"), at));
        assertEquals("UTC", InboxFormat.zoneName(ZoneId.of("UTC"), at));
        assertEquals("UTC+09:30", InboxFormat.zoneName(ZoneId.of("Australia/Darwin"), at));
    }

    @Test
    void shouldOfferAFirstContactThatDoesNotAskForASafeTimeAlreadyGiven() {
        fixtures.account("anchor-counsellor", Role.COUNSELLOR);
        String session = InboxFixtures.login("anchor-counsellor");
        String gave = getAs(session).when().get("/inbox/cases/" + fixtures.fullyAnsweredCase()).then().statusCode(200).extract().asString();
        String didNot = getAs(session).when().get("/inbox/cases/" + fixtures.submittedCase(true)).then().statusCode(200).extract().asString();
        assertTrue(firstContact(didNot).contains("Kapan waktu yang aman untuk kita bicara?"), firstContact(didNot));
        assertTrue(firstContact(gave).contains("pada waktu aman yang kamu tulis") && !firstContact(gave).contains("Kapan waktu"),
                firstContact(gave));
    }

    private static String firstContact(String page) {
        Matcher option = Pattern.compile("<option value=\"first_contact\" data-text=\"([^\"]*)\"").matcher(page);
        assertTrue(option.find(), "no canned first contact");
        return option.group(1);
    }
}
