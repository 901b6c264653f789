package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * /cabut typed in the middle of an intake is answered ("no referral to withdraw") and then the question the person was
 * at is asked again, as after /status or /bantuan. Before, the answer came alone and the chat went quiet: the person
 * no longer saw what to answer. Through the signed WhatsApp webhook.
 */
@QuarkusTest
class WithdrawMidIntakeTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ParameterizedTest(name = "/cabut at the question after {0}")
    @ValueSource(strings = { "consent:yes", "safe_to_reply:yes", "reporter_role:victim" })
    void shouldAnswerAndAskTheCurrentQuestionAgain(String lastTap) {
        String number = "62811" + (7_000_000 + Math.abs(lastTap.hashCode() % 1_000_000));
        List<String> walk = new java.util.ArrayList<>(List.of("halo", "language:id", "consent:yes", "in_danger:no",
                "safe_to_reply:yes", "reporter_role:victim"));
        chats.walkWhatsApp(number, IntakeWalk.of(walk.subList(0, walk.indexOf(lastTap) + 1).toArray(String[]::new)),
                WhatsAppFixtures::newWamid);
        List<FakeGraph.Sent> before = graph.sentTo(number);
        String question = before.get(before.size() - 1).text();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "/cabut", null, null);
        Eventually.await("the answer to /cabut sent", WAIT, () -> chats.outboxDrained(Channel.WHATSAPP, number));

        List<FakeGraph.Sent> after = graph.sentTo(number).subList(before.size(), graph.sentTo(number).size());
        assertEquals(2, after.size(), "the answer and the question again, nothing more: " + after);
        assertTrue(after.get(0).text().contains("Saat ini tidak ada rujukan yang bisa dicabut"), after.get(0).text());
        assertEquals(question, after.get(1).text(), "the question the person was at, asked again");
    }
}
