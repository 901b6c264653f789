package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * /cabut with two referrals open asks "which one?". A TYPED answer to it was lost: nothing recorded that the question
 * was open, so "2" went to the thread and nothing was withdrawn. Now the number or words of the provider's name answer
 * it, "batal" changes nothing, anything else gets one kind re-prompt (whose buttons work too). Through the signed
 * WhatsApp webhook.
 */
@QuarkusTest
class TypedWithdrawalTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;

    private String counsellor;

    @BeforeEach
    void login() {
        fixtures.account("typed-withdrawal-counsellor", Role.COUNSELLOR);
        counsellor = InboxFixtures.login("typed-withdrawal-counsellor");
    }

    /** Two consented referrals (LBH, then the psychologists) and /cabut's "which one?" in the chat; their ids. */
    private long[] twoOpenAndAsked(String number) {
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id"), WhatsAppFixtures::newWamid);
        String ref = data.caseFor(chats.contact(Channel.WHATSAPP, number).id, Channel.WHATSAPP);
        long lbh = askAndConsent(number, ref, "contoh-lbh", "legal");
        long psikolog = askAndConsent(number, ref, "contoh-psikolog", "psychological");
        type(number, "/cabut");
        assertTrue(last(number).startsWith("Persetujuan mana yang ingin kamu cabut?"), last(number));
        return new long[] { lbh, psikolog };
    }

    private long askAndConsent(String number, String ref, String provider, String service) {
        String location = InboxFixtures.as(counsellor).formParam("provider", String.valueOf(data.provider(provider)))
                .formParam("service", service).formParam("part", "chronology")
                .when().post("/inbox/cases/" + ref + "/referrals").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        InboxFixtures.as(counsellor).when().post("/inbox/referrals/" + id + "/ask").then().statusCode(303);
        Eventually.await("consent question sent", WAIT, () -> chats.outboxDrained(Channel.WHATSAPP, number));
        type(number, "iya boleh");
        assertEquals("consented", data.referral(id).status);
        return id;
    }

    @ParameterizedTest(name = "\"{0}\" withdraws referral {1}")
    @CsvSource(delimiter = '|', value = {
            "2                        | 2",
            "1                        | 1",
            "no. 2                    | 2",
            "yang 1                   | 1",
            "psikologi                | 2",
            "Lembaga Bantuan Hukum    | 1",
            "yang biro psikologi kak  | 2" })
    void aTypedNumberOrNameWithdrawsThatOne(String typed, int which) {
        String number = WhatsAppFixtures.newNumber();
        long[] ids = twoOpenAndAsked(number);
        type(number, typed);
        long withdrawn = ids[which - 1];
        long kept = ids[2 - which];
        assertEquals("revoked", data.referral(withdrawn).status, typed);
        assertEquals("consented", data.referral(kept).status, typed);
        assertTrue(last(number).startsWith("Baik, persetujuanmu sudah dicabut."), last(number));
    }

    @Test
    void batalChangesNothing() {
        String number = WhatsAppFixtures.newNumber();
        long[] ids = twoOpenAndAsked(number);
        type(number, "batal");
        assertEquals("consented", data.referral(ids[0]).status);
        assertEquals("consented", data.referral(ids[1]).status);
        assertEquals("Baik, tidak ada yang berubah.", last(number));
    }

    @Test
    void anUnclearAnswerGetsOneKindRepromptWhoseAnswerAndButtonsWork() {
        String number = WhatsAppFixtures.newNumber();
        long[] ids = twoOpenAndAsked(number);
        type(number, "yang itu kak");
        assertTrue(last(number).startsWith("Maaf, saya belum yakin yang mana."), last(number));
        assertEquals("consented", data.referral(ids[0]).status);
        assertEquals("consented", data.referral(ids[1]).status);
        type(number, "2");
        assertEquals("revoked", data.referral(ids[1]).status);
        assertEquals("consented", data.referral(ids[0]).status);

        String other = WhatsAppFixtures.newNumber();
        long[] more = twoOpenAndAsked(other);
        type(other, "hmm");
        int before = graph.sentTo(other).size();
        type(other, "masih bingung");
        assertTrue(graph.sentTo(other).stream().skip(before).noneMatch(m -> m.text().startsWith("Maaf, saya belum yakin yang mana.")),
                "one re-prompt, not one per message");
        chats.sayWhatsApp(other, WhatsAppFixtures.newWamid(), "list_reply.json", null, "_refwa:" + more[0], null);
        assertEquals("revoked", data.referral(more[0]).status, "the re-prompt's choices answer it");
        assertEquals("consented", data.referral(more[1]).status);
    }

    private void type(String number, String text) {
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", text, null, null);
    }

    private String last(String number) {
        List<FakeGraph.Sent> sent = graph.sentTo(number);
        return sent.get(sent.size() - 1).text();
    }
}
