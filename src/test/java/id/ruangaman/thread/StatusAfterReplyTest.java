package id.ruangaman.thread;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.login;
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
 * Walkthrough 9, finding 4, on WhatsApp: /status right after the counsellor's first reply arrived said "Diterima,
 * menunggu konselor" (waiting for a counsellor). Once a counsellor has written in the thread it says a counsellor is
 * handling it, in plain words, while the SOP stage is still "new".
 */
@QuarkusTest
class StatusAfterReplyTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InboxFixtures fixtures;
    @Inject
    IntakeRepository intakes;

    @Test
    void shouldSayACounsellorIsHandlingItOnceTheyHaveReplied() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo").then(IntakeWalk.shortVictim(true, "Kronologi sintetis.", "no", "psychological")),
                WhatsAppFixtures::newWamid);
        long contactId = chats.contact(Channel.WHATSAPP, number).id;
        String ref = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult().referenceCode);

        assertTrue(status(number).contains("Diterima, menunggu konselor"), "before any reply");

        fixtures.account("status-wa-counsellor", Role.COUNSELLOR);
        String session = login("status-wa-counsellor");
        String reply = "Halo, saya konselor Satgas (sintetis " + ref + ").";
        as(session).formParam("text", reply).when().post("/inbox/cases/" + ref + "/reply").then().statusCode(303);
        Eventually.await("reply delivered", WAIT, () -> graph.sentTo(number).stream().anyMatch(sent -> sent.text().contains(reply)));

        String after = status(number);
        assertTrue(after.contains("Sedang ditangani konselor"), after);
        assertTrue(after.contains(ref), after);
    }

    private String status(String number) {
        int before = graph.sentTo(number).size();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "/status", null, null);
        List<FakeGraph.Sent> sent = graph.sentTo(number);
        return String.join("\n", sent.subList(before, sent.size()).stream().map(FakeGraph.Sent::text).toList());
    }
}
