package id.ruangaman.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.testing.DatabaseScan;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An edit into danger from a chat that has NO contact: the person erased everything with {@code /hapus} and has not
 * written again, or the chat was never seen (a line sent before the bot was added). Before, such an edit was ignored
 * without a word, while the same words typed, or edited in a chat the service knows, got the emergency numbers. Now it
 * gets the numbers, on Telegram ({@code edited_message}) and on WhatsApp ({@code messages[].type} "edit"), and nothing of
 * its words is kept (no line, no case, no raw payload). A calm edit from such a chat still makes and sends nothing.
 * Through the real webhooks with platform-shaped updates; synthetic chats and texts.
 */
@QuarkusTest
class DangerEditWithoutContactTest extends WebhookTest {

    private static final String EMERGENCY = "Keselamatan yang paling penting.";
    private static final String ERASED = "Sudah dihapus";

    @Inject
    DataSource dataSource;

    /** Where the database stood when the test began: the scans read only what was written after it (DatabaseScan.mark). */
    private DatabaseScan.Since since;

    @BeforeEach
    void markTheDatabase() throws java.sql.SQLException {
        try (Connection db = dataSource.getConnection()) {
            since = DatabaseScan.mark(db);
        }
    }

    @Inject
    FieldCipher cipher;

    @Test
    void aDangerEditFromATelegramChatErasedWithHapusGetsTheNumbers() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details", "violence_type:skip", "incident_when:skip", "victim_minor:no",
                "incident_place:online"));
        long line = chats.sayTelegram(chat, "Waktu itu di lab lantai 3 (sintetis)");
        chats.send(TelegramFixtures.text(chat, "/hapus"), chat);
        chats.send(TelegramFixtures.text(chat, "ya"), chat);
        assertNull(chats.contact(chat), "erased: the chat has no contact");
        Eventually.await("the erasure's farewell sent", Duration.ofSeconds(60),
                () -> texts(telegram.sentTo(chat), 0).stream().anyMatch(text -> text.startsWith(ERASED)));
        int sentBefore = telegram.sentTo(chat).size();
        String marker = "sintetis-" + chat;

        chats.send(TelegramFixtures.editOfLineSentAt(TelegramFixtures.newUpdateId(), chat, line,
                "dia di depan pintu, aku takut (" + marker + ")", Instant.now().minusSeconds(60)), chat);

        List<String> replies = texts(telegram.sentTo(chat), sentBefore);
        assertEquals(1, replies.size(), "the numbers, once: " + replies);
        assertTrue(replies.get(0).contains(EMERGENCY), replies.toString());
        assertTrue(chats.transcript(chat).stream().noneMatch(m -> m.direction == id.ruangaman.transcript.ChatMessage.Direction.IN),
                "no line of the person");
        assertFalse(anyColumnHolds(marker), "nothing of the words is kept, the raw update's included");
    }

    @Test
    void aDangerEditFromATelegramChatNeverSeenGetsTheNumbers() {
        long chat = TelegramFixtures.newChatId();
        String marker = "sintetis-" + chat;

        chats.send(TelegramFixtures.editOfLineSentAt(TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                "dia di depan pintu kos, aku takut (" + marker + ")", Instant.now().minusSeconds(60)), chat);

        List<String> replies = texts(telegram.sentTo(chat), 0);
        assertEquals(1, replies.size(), "the numbers, once: " + replies);
        assertTrue(replies.get(0).contains(EMERGENCY), replies.toString());
        assertFalse(anyColumnHolds(marker), "nothing of the words is kept, the raw update's included");
    }

    @Test
    void aCalmEditFromATelegramChatNeverSeenMakesAndSendsNothing() {
        long chat = TelegramFixtures.newChatId();

        chats.send(TelegramFixtures.editOfLineSentAt(TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                "salah ketik, maaf (sintetis)", Instant.now().minusSeconds(60)), chat);

        assertEquals(List.of(), texts(telegram.sentTo(chat), 0));
        assertNull(chats.contact(chat), "no contact is made for an edit that asks nothing");
    }

    @Test
    void aDangerEditFromAWhatsAppNumberErasedWithHapusGetsTheNumbers() {
        String number = WhatsAppFixtures.newNumber();
        String line = WhatsAppFixtures.newWamid();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "halo", null, null);
        chats.sayWhatsApp(number, line, "text.json", "aku baik (sintetis)", null, null);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "/hapus", null, null);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "ya", null, null);
        assertNull(chats.contact(Channel.WHATSAPP, number), "erased: the number has no contact");
        Eventually.await("the erasure's farewell sent", Duration.ofSeconds(60), () -> graph.sentTo(number).stream()
                .anyMatch(sent -> sent.text() != null && sent.text().startsWith(ERASED)));
        int before = graph.sentTo(number).size();
        String marker = "sintetis-" + number;

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", "dia di depan pintu, aku takut (" + marker + ")",
                line, null);

        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertEquals(1, replies.size(), "the numbers, once: " + replies);
        assertTrue(replies.get(0).contains(EMERGENCY), replies.toString());
        assertFalse(anyColumnHolds(marker), "nothing of the words is kept, the raw update's included");
    }

    @Test
    void aDangerEditFromAWhatsAppNumberNeverSeenGetsTheNumbersAndACalmOneNothing() {
        String calm = WhatsAppFixtures.newNumber();
        chats.sayWhatsApp(calm, WhatsAppFixtures.newWamid(), "edit_text.json", "salah ketik (sintetis)", WhatsAppFixtures.newWamid(), null);
        assertEquals(0, graph.sentTo(calm).size());
        assertNull(chats.contact(Channel.WHATSAPP, calm), "no contact is made for an edit that asks nothing");

        String number = WhatsAppFixtures.newNumber();
        String marker = "sintetis-" + number;
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "edit_text.json", "dia di depan pintu kos, aku takut (" + marker + ")",
                WhatsAppFixtures.newWamid(), null);

        List<String> replies = graph.sentTo(number).stream().map(FakeGraph.Sent::text).toList();
        assertEquals(1, replies.size(), "the numbers, once: " + replies);
        assertTrue(replies.get(0).contains(EMERGENCY), replies.toString());
        assertNotNull(chats.contact(Channel.WHATSAPP, number), "the numbers are sent to a contact");
        assertFalse(anyColumnHolds(marker), "nothing of the words is kept, the raw update's included");
    }

    /** Whether any column of any table holds {@code words}, decrypted where encrypted (raw payloads included). */
    private boolean anyColumnHolds(String words) {
        try (Connection db = dataSource.getConnection()) {
            return !DatabaseScan.find(db, cipher, true, List.of(words), since).isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(List<FakeTelegram.Call> calls, int skip) {
        return calls.stream().skip(skip).map(FakeTelegram.Call::text).filter(text -> text != null).toList();
    }
}
