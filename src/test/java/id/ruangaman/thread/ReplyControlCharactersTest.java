package id.ruangaman.thread;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A counsellor's reply holding a NUL or another control character (pasted, or posted by a script: a browser does not
 * type them) reached the survivor's platform as it was, where a phone shows a box or the platform refuses it. The
 * reply now reaches them without those characters; its line breaks and tabs stay. Synthetic person and case.
 */
@QuarkusTest
class ReplyControlCharactersTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InboxFixtures fixtures;
    @Inject
    IntakeRepository intakes;

    @Test
    void shouldSendAReplyWithoutItsControlCharactersAndKeepItsLineBreaks() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo").then(IntakeWalk.shortVictim(true, "Kronologi sintetis.", "no", "psychological")),
                WhatsAppFixtures::newWamid);
        long contactId = chats.contact(Channel.WHATSAPP, number).id;
        String ref = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult().referenceCode);
        fixtures.account("control-chars-counsellor", Role.COUNSELLOR);
        String session = login("control-chars-counsellor");

        as(session).formParam("text", "Halo\u0000 kak,\r\nsaya\u0007 konselor\tSatgas\u007f (sintetis).").when()
                .post("/inbox/cases/" + ref + "/reply").then().statusCode(303);

        Eventually.await("reply delivered", WAIT, () -> graph.sentTo(number).stream().anyMatch(sent -> sent.text().contains("(sintetis).")));
        List<String> replies = graph.sentTo(number).stream().map(FakeGraph.Sent::text).filter(text -> text.contains("(sintetis).")).toList();
        assertEquals(1, replies.size(), replies.toString());
        String reply = replies.get(0);
        assertFalse(reply.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f), reply);
        assertTrue(reply.contains("Halo kak,\nsaya konselor\tSatgas (sintetis)."), reply);
    }
}
