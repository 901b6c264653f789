package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A friend's contact card (Telegram {@code message.contact}, WhatsApp {@code "type": "contacts"}) and a shared location
 * sent at "Siapa namamu?", through both webhooks with the platforms' payload shapes. Before, the card's line ("👤
 * Synthetic · +620000000000") was stored as the name: the summary, the inbox and the letters called the person by a
 * friend's phone number. Now each gets one kind message (not kept; the answer can be typed) with the question, and the
 * name typed next is the name; the report holds no number.
 */
@QuarkusTest
class ContactCardAtTheNameQuestionTest extends WebhookTest {

    private static final String CONTACT_NOTE = "Kontak itu tidak disimpan, karena pertanyaan ini tidak meminta kontak.";
    private static final String LOCATION_NOTE = "Lokasi itu tidak disimpan, karena pertanyaan ini tidak meminta lokasi.";

    @Inject
    IntakeRepository intakes;

    @Test
    void shouldNotTakeAContactCardOrALocationAsTheNameOnTelegram() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, toName());

        for (String fixture : List.of("contact.json", "location.json")) {
            int before = telegram.sentTo(chat).size();
            chats.send(TelegramFixtures.render(fixture, TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(), null, null,
                    null, 0), chat);
            List<String> replies = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size()).stream()
                    .map(FakeTelegram.Call::text).toList();
            assertEquals(1, replies.size(), fixture + ": one message: " + replies);
            assertTrue(replies.get(0).startsWith(fixture.equals("contact.json") ? CONTACT_NOTE : LOCATION_NOTE), fixture + ": " + replies);
            assertTrue(replies.get(0).contains("Siapa namamu?"), fixture + ": then the question: " + replies);
            assertFalse(replies.get(0).contains("+620000000000"), fixture + ": " + replies);
        }
        chats.walkTelegram(chat, IntakeWalk.of("Mawar Sintetis").then(afterName()));

        String answers = answers(chats.contact(chat).id);
        assertTrue(answers.contains("Mawar Sintetis"), "the typed name is the name");
        assertFalse(answers.contains("+620000000000") || answers.contains("👤") || answers.contains("📍"),
                "no card or place in the report's answers");
    }

    @Test
    void shouldNotTakeAContactCardAsTheNameOnWhatsApp() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo").then(toName()), WhatsAppFixtures::newWamid);
        long contactId = chats.contact(Channel.WHATSAPP, number).id;

        for (String fixture : List.of("contacts.json", "location.json")) {
            int before = graph.sentTo(number).size();
            chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), fixture, null, null, null);
            List<String> replies = graph.sentTo(number).subList(before, graph.sentTo(number).size()).stream().map(FakeGraph.Sent::text).toList();
            assertEquals(1, replies.size(), fixture + ": one message: " + replies);
            assertTrue(replies.get(0).startsWith(fixture.equals("contacts.json") ? CONTACT_NOTE : LOCATION_NOTE), fixture + ": " + replies);
            assertFalse(replies.get(0).contains("+62 000"), fixture + ": " + replies);
        }
        chats.walkWhatsApp(number, IntakeWalk.of("Mawar Sintetis").then(afterName()), WhatsAppFixtures::newWamid);

        String answers = answers(contactId);
        assertTrue(answers.contains("Mawar Sintetis"), "the typed name is the name");
        assertFalse(answers.contains("+62 000") || answers.contains("Synthetic Person") || answers.contains("📍"),
                "no card or place in the report's answers");
    }

    private static IntakeWalk toName() {
        return IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim", "send_now:details",
                "violence_type:skip", "incident_when:skip", "victim_minor:no", "incident_place:online", "Cerita sintetis.",
                "chronology:done", "biodata_offer:yes");
    }

    private static IntakeWalk afterName() {
        return IntakeWalk.of("age_range:skip", "gender:skip", "campus_status:skip", "unit:skip", "disability:skip", "reported_offer:no",
                "evidence_consent:no", "services:not_sure", "services:done", "urgent_need:skip", "contact_offer:no", "stats_consent:skip",
                "summary:confirm");
    }

    private String answers(long contactId) {
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).<Intake>singleResult().answers);
    }
}
