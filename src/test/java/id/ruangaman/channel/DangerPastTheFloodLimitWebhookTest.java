package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.intake.Intake;
import id.ruangaman.intake.IntakeRepository;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A person in panic sends many short lines, more than the flood limit (60 a minute), and then one that says danger now;
 * through the real webhooks, with payloads shaped as Telegram's and WhatsApp's; synthetic chats only. Before, every
 * line past the limit was kept for the transcript and never read, so "dia di depan pintu" as the 61st line got no
 * emergency numbers and the case was not marked in danger. Now a line past the limit is still read for danger: the
 * numbers come once (nothing else is answered, so the flood stays quiet) and the case is in danger.
 */
@QuarkusTest
class DangerPastTheFloodLimitWebhookTest extends WebhookTest {

    private static final String EMERGENCY = "Keselamatan yang paling penting.";
    private static final String FLOOD = "Pesanmu banyak sekali dalam waktu singkat";
    /** RUANGAMAN_FLOOD_MAX_MESSAGES's default. */
    private static final int LIMIT = 60;

    @Inject
    IntakeRepository intakes;

    @Test
    void onTelegramADangerLinePastTheLimitGetsTheNumbersOnceAndMarksTheCase() {
        long chat = chats.reportedTelegramChat("Kejadiannya di kampus.");
        int before = telegram.sentTo(chat).size();
        List<Long> updates = new ArrayList<>();
        for (int i = 0; i < LIMIT + 1; i++) { // a burst past the limit, as Telegram delivers it: one update per line
            String update = TelegramFixtures.text(chat, "halo " + i);
            updates.add(TelegramChats.updateIdOf(update));
            TelegramChats.post(update).then().statusCode(200);
        }
        awaitDone(updates);
        Eventually.await("outbox drained", Duration.ofSeconds(60), () -> chats.outboxDrained(chat));
        int calm = telegram.sentTo(chat).size();
        assertTrue(texts(telegram.sentTo(chat), before).stream().anyMatch(text -> text.startsWith(FLOOD)), "past the limit");
        assertTrue(texts(telegram.sentTo(chat), before).stream().noneMatch(text -> text.contains(EMERGENCY)), "calm lines: no numbers");
        assertFalse(intake(Channel.TELEGRAM, String.valueOf(chat)).inDanger, "calm lines: no danger");

        chats.sayTelegram(chat, "dia di depan pintu");

        List<String> replies = texts(telegram.sentTo(chat), calm);
        assertEquals(1, replies.size(), "one reply: " + replies);
        assertTrue(replies.get(0).startsWith(EMERGENCY) && replies.get(0).contains("112"), replies.get(0));
        Intake intake = intake(Channel.TELEGRAM, String.valueOf(chat));
        assertTrue(intake.inDanger, "the counsellor sees the case in danger");
        assertNotNull(intake.dangerSaidAt);

        int afterFirst = telegram.sentTo(chat).size();
        chats.sayTelegram(chat, "aku diancam");
        chats.sayTelegram(chat, "halo lagi");
        assertEquals(afterFirst, telegram.sentTo(chat).size(), "no second reply, and still none to a calm line: "
                + texts(telegram.sentTo(chat), afterFirst));
    }

    @Test
    void onWhatsAppADangerLineInABurstPastTheLimitGetsTheNumbersOnceAndMarksTheCase() {
        String number = chats.reportedWhatsAppNumber("Kejadiannya di kos.");
        int before = graph.sentTo(number).size();
        List<String> messages = new ArrayList<>();
        String last = null;
        for (int i = 0; i < LIMIT + 1; i++) { // one webhook call holding the burst, as WhatsApp batches one
            last = WhatsAppFixtures.newWamid();
            messages.add(WhatsAppFixtures.message("text.json", number, last, "halo " + i, null, null));
        }
        String danger = WhatsAppFixtures.newWamid();
        messages.add(WhatsAppFixtures.message("text.json", number, danger, "dia udah di depan kos", null, null));
        chats.sendWhatsApp(WhatsAppFixtures.payload(number, messages), danger, number);
        String lastCalm = last;
        Eventually.await("the burst processed", Duration.ofSeconds(60), () -> !"PENDING".equals(chats.status(Channel.WHATSAPP, lastCalm)));
        Eventually.await("outbox drained", Duration.ofSeconds(60), () -> chats.outboxDrained(Channel.WHATSAPP, number));

        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertEquals(1, replies.stream().filter(text -> text.contains(EMERGENCY)).count(), "the numbers once: " + replies);
        assertTrue(replies.stream().anyMatch(text -> text.startsWith(FLOOD)), "past the limit: " + replies);
        assertTrue(intake(Channel.WHATSAPP, number).inDanger, "the counsellor sees the case in danger");
    }

    private void awaitDone(List<Long> updates) {
        for (long update : updates) {
            Eventually.await("update " + update + " processed", Duration.ofSeconds(60), () -> !"PENDING".equals(chats.status(update)));
        }
    }

    private static List<String> texts(List<FakeTelegram.Call> calls, int skip) {
        return calls.stream().skip(skip).map(FakeTelegram.Call::text).toList();
    }

    private Intake intake(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", contactId).singleResult());
    }
}
