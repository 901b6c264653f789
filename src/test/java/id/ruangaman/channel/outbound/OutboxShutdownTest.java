package id.ruangaman.channel.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Stopping the service (Ctrl+C in dev mode, SIGTERM to a replica) while a message is on its way to the platform: the
 * stop waits for the platform's answer and records it, so the message is SENT, not left SENDING to be sent again (a
 * duplicate in the survivor's chat) once its lease runs out. Synthetic chat against the fake Bot API.
 */
@QuarkusTest
class OutboxShutdownTest {

    private final FakeTelegram telegram = FakePlatforms.telegram();

    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;

    @Test
    void shouldRecordTheOutcomeOfASendUnderWayBeforeStopping() {
        long chat = TelegramFixtures.newChatId();
        telegram.slow("sendMessage", chat, Duration.ofMillis(1500));
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(chat));
            return outbox.queueText(contact, "pesan sintetis saat berhenti").id;
        });
        try {
            Eventually.await("the send reached Telegram", Duration.ofSeconds(60), () -> telegram.sentTo(chat).size() == 1);
            dispatcher.onStop(null);
            ChatMessage row = QuarkusTransaction.requiringNew().call(() -> em.find(ChatMessage.class, id));
            assertEquals(ChatMessage.Status.SENT, row.status, "the answer was recorded before the stop returned");
            assertNull(row.leaseUntil);
        } finally {
            dispatcher.onStart(null);
        }
        assertEquals(1, telegram.sentTo(chat).size(), "sent once");
    }
}
