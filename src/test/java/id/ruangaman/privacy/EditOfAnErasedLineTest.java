package id.ruangaman.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.testing.DatabaseScan;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.transcript.ChatMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A person who erased themselves with {@code /hapus} in the middle of their story, and then started a new
 * conversation, edits a line they sent before the erasure (Telegram {@code edited_message}, whose {@code date} is the
 * original's send time). Before, the edit's new words were filed in the NEW case as "Mengubah pesan yang tidak tercatat
 * di sini": a person may edit old lines precisely to scrub their phone, and their words came back. Now nothing of such
 * an edit is stored (no line, no case, no raw payload holding words); danger in it is still heard and answered with the
 * emergency numbers. Through the real webhook with Bot-API-shaped updates; synthetic chats and texts.
 */
@QuarkusTest
class EditOfAnErasedLineTest extends WebhookTest {

    /** The {@code date} of text_message.json, the fixture the erased line was sent with. */
    private static final Instant ORIGINAL_SENT = Instant.ofEpochSecond(1763800000);
    private static final String EMERGENCY = "Keselamatan yang paling penting.";

    @Inject
    EntityManager em;
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
    void anEditOfALineErasedWithHapusStoresNothingInTheNewCase() {
        long chat = TelegramFixtures.newChatId();
        long erasedLine = erasedMidStory(chat);
        chats.walkTelegram(chat, IntakeWalk.shortVictim(true, "Kronologi sintetis sesudah penghapusan.", "no", "psychological"));
        int sentBefore = telegram.sentTo(chat).size();
        long linesBefore = chats.transcript(chat).size();
        String scrubbed = "Baris lama yang saya ganti (sintetis-" + chat + ")";

        long update = TelegramFixtures.newUpdateId();
        chats.send(TelegramFixtures.editOfLineSentAt(update, chat, erasedLine, scrubbed, ORIGINAL_SENT), chat);

        assertEquals(linesBefore, chats.transcript(chat).size(), "no line in the new case");
        assertTrue(chats.transcript(chat).stream().noneMatch(m -> "edit".equals(m.kind)), "no edit line");
        assertEquals(List.of(), texts(telegram.sentTo(chat), sentBefore), "nothing is answered");
        assertFalse(anyColumnHolds(scrubbed), "the words are in no column of any table, the raw update's included");
    }

    @Test
    void aDangerEditOfAnErasedLineGetsTheNumbersAndStoresNothing() {
        long chat = TelegramFixtures.newChatId();
        long erasedLine = erasedMidStory(chat);
        chats.walkTelegram(chat, IntakeWalk.shortVictim(true, "Kronologi sintetis kedua.", "no", "psychological"));
        int sentBefore = telegram.sentTo(chat).size();
        String marker = "sintetis-" + chat;
        String danger = "dia di depan pintu, aku takut (" + marker + ")";

        chats.send(TelegramFixtures.editOfLineSentAt(TelegramFixtures.newUpdateId(), chat, erasedLine, danger,
                ORIGINAL_SENT), chat);

        List<String> replies = texts(telegram.sentTo(chat), sentBefore);
        assertEquals(1, replies.size(), "the numbers, as for a danger line: " + replies);
        assertTrue(replies.get(0).startsWith(EMERGENCY), replies.toString());
        assertTrue(chats.transcript(chat).stream().noneMatch(m -> "edit".equals(m.kind)), "no edit line");
        assertFalse(anyColumnHolds(marker), "nothing of the words is kept");
        long contact = chats.contact(chat).id;
        assertFalse(QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                "select in_danger from intake where contact_id = ?1").setParameter(1, contact).getSingleResult()),
                "the new case is not marked: nothing may stay to say why");
    }

    @Test
    void anEditOfALineTheServiceNeverSawAfterTheContactWasMadeIsStillKept() {
        long chat = chats.reportedTelegramChat("Kronologi sintetis tanpa penghapusan.");
        String correction = "Koreksi sintetis atas pesan yang tidak sampai";

        chats.send(TelegramFixtures.editOfLineSentAt(TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(),
                correction, Instant.now()), chat);

        ChatMessage edit = chats.transcript(chat).stream().filter(m -> "edit".equals(m.kind)).findFirst().orElseThrow();
        assertEquals(null, edit.editOf, "an edit of a line never seen, sent while the chat was known, stays");
    }

    /** /start, the story question, one story line, then /hapus confirmed: the line's message id. */
    private long erasedMidStory(long chat) {
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details", "violence_type:skip", "incident_when:skip", "victim_minor:no",
                "incident_place:online"));
        long line = chats.sayTelegram(chat, "Waktu itu di lab lantai 3 (sintetis)");
        chats.send(TelegramFixtures.text(chat, "/hapus"), chat);
        chats.send(TelegramFixtures.text(chat, "ya"), chat);
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        return line;
    }

    /** Whether any column of any table holds {@code words}, decrypted where encrypted (raw payloads included). */
    private boolean anyColumnHolds(String words) {
        try (Connection db = dataSource.getConnection()) {
            List<String> found = DatabaseScan.find(db, cipher, true, List.of(words), since);
            return !found.isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(List<FakeTelegram.Call> calls, int skip) {
        return calls.stream().skip(skip).map(FakeTelegram.Call::text).toList();
    }
}
