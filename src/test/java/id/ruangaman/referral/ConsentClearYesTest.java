package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
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
 * Consent to share data must be a clear yes. A typed "ok makasih kak" (thanks) at the referral consent question counted
 * as yes (the intake's yes/no rule: the first word decides). A thank-you or a bare acknowledgement is not consent: it
 * gets the one kind re-prompt naming both buttons, and nothing is recorded; a typed yes in words that agree still
 * consents, and a typed no still refuses. Labelled rows in both languages, through the signed WhatsApp webhook.
 */
@QuarkusTest
class ConsentClearYesTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;

    private String counsellor;

    @BeforeEach
    void login() {
        fixtures.account("clear-yes-counsellor", Role.COUNSELLOR);
        counsellor = InboxFixtures.login("clear-yes-counsellor");
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
            // A thank-you or an acknowledgement: not consent.
            "id | ok makasih kak  | unclear",
            "id | ok              | unclear",
            "id | oke kak         | unclear",
            "id | makasih         | unclear",
            "id | siap            | unclear",
            "id | sip             | unclear",
            "id | 👍              | unclear",
            "id | terima kasih kak | unclear",
            "en | ok thanks       | unclear",
            "en | okay            | unclear",
            "en | thank you       | unclear",
            // A yes in words that agree.
            "id | iya boleh       | consented",
            "id | ya setuju       | consented",
            "id | boleh           | consented",
            "id | Iyaaa kak 🙏     | consented",
            "id | ok boleh        | consented",
            "en | yes I agree     | consented",
            "en | Yes, I agree    | consented",
            // A no.
            "id | tidak           | declined",
            "id | gak mau         | declined",
            "id | jangan          | declined",
            // Not knowing is not refusing (before: declined); the yes and no of Javanese and Sundanese speakers count.
            "id | tidak tahu      | unclear",
            "id | gak yakin kak   | unclear",
            "id | nggih           | consented",
            "id | kagak           | declined",
            "en | no              | declined",
            "en | no thanks       | declined" })
    void typedAnswerToTheConsentQuestion(String language, String typed, String expected) {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:" + language), WhatsAppFixtures::newWamid);
        String ref = data.caseFor(chats.contact(Channel.WHATSAPP, number).id, Channel.WHATSAPP);
        long id = data.draftAndAsk(counsellor, ref);
        String question = "id".equals(language) ? "Kami ingin menghubungkan" : "We would like to connect";
        Eventually.await("consent question at the Graph API", WAIT,
                () -> graph.sentTo(number).stream().anyMatch(m -> m.text().contains(question)));

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", typed, null, null);

        Referral referral = data.referral(id);
        if ("unclear".equals(expected)) {
            assertEquals("awaiting_consent", referral.status, typed);
            assertNull(referral.consentAnsweredAt, "nothing recorded for " + typed);
            List<FakeGraph.Sent> sent = graph.sentTo(number);
            String reprompt = sent.get(sent.size() - 1).text();
            String yes = "id".equals(language) ? "\"Ya, setuju\"" : "\"Yes, I agree\"";
            String no = "id".equals(language) ? "\"Tidak\"" : "\"No\"";
            assertTrue(reprompt.contains(yes) && reprompt.contains(no), "one re-prompt naming both buttons: " + reprompt);
        } else {
            assertEquals(expected, referral.status, typed);
        }
    }
}
