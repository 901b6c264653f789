package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.SessionRepository;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A bare number typed at a choice question, as each messenger shows the question. "Di mana kejadiannya?" has a label
 * too long for a WhatsApp reply button, so WhatsApp sends it as a list, whose choices are hidden behind its button: a
 * typed "2" there names nothing the person saw and gets the one kind re-prompt with the list again. Telegram stacks the
 * same choices as buttons, and WhatsApp shows "Lanjut cerita / Kirim sekarang" with reply buttons: there "1" is the
 * first. (At a safety question a number picks only from a numbered list: SafetyNumberTest.) Through both webhooks,
 * with real-shaped payloads.
 */
@QuarkusTest
class TypedNumberByChannelTest extends WebhookTest {

    private static final IntakeWalk TO_THE_PLACE = IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
            "reporter_role:victim", "1", "violence_type:skip", "incident_when:skip", "victim_minor:no");

    @Inject
    SessionRepository sessions;

    @Test
    void aNumberAtAWhatsAppListIsRepromptedAndAtReplyButtonsIsTheButton() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo").then(TO_THE_PLACE), WhatsAppFixtures::newWamid);
        assertEquals("details", state(Channel.WHATSAPP, number).answers().get("send_now").value(),
                "'1' at the reply buttons Lanjut cerita / Kirim sekarang");
        FakeGraph.Sent question = last(graph.sentTo(number));
        assertEquals("list", question.body().path("interactive").path("type").asText(), "the place question goes out as a list");

        int before = graph.sentTo(number).size();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "2", null, null);
        List<FakeGraph.Sent> answer = graph.sentTo(number).subList(before, graph.sentTo(number).size());
        assertTrue(answer.get(0).text().startsWith("Maaf, saya belum mengerti."), "one kind re-prompt: " + answer.get(0).text());
        assertTrue(answer.get(0).text().contains("• Di kampus\n• Online / media sosial\n• Di tempat lain\n• Lewati"),
                "which lists the choices the list hides: " + answer.get(0).text());
        assertEquals("list", last(answer).body().path("interactive").path("type").asText(), "then the list again");
        SessionState state = state(Channel.WHATSAPP, number);
        assertEquals("incident_place", state.nodeId());
        assertTrue(!state.answers().containsKey("incident_place"), "nothing was taken from a place the person did not see");
    }

    @Test
    void aNumberAtTelegramButtonsIsTheButtonInThatPlace() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, TO_THE_PLACE);
        int before = telegram.sentTo(chat).size();
        chats.send(TelegramFixtures.text(chat, "2"), chat);
        assertEquals("✓ Online / media sosial", telegram.sentTo(chat).get(before).text());
        assertEquals("online", state(Channel.TELEGRAM, String.valueOf(chat)).answers().get("incident_place").value());
    }

    private SessionState state(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
