package id.ruangaman.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.Output;
import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.testing.StatementCounter;
import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A round's transcript lines (issue 16, tenth round) are written by the round as one JDBC batch, not by Hibernate:
 * these check that nothing differs for whoever reads them. A line written so reads back, through the entity and
 * column by column, as the same line written by Hibernate does (the encrypted columns decrypt to the same text); the
 * round's lines are in no persistence context, go out as one statement, keep their order, are seen by a query later
 * in the same round, and a change made to a line after such a query still reaches the row.
 */
@QuarkusTest
class RoundLinesTest {

    @Inject
    Outbox outbox;
    @Inject
    RoundLines lines;
    @Inject
    PreloadedContacts preloaded;
    @Inject
    ContactRepository contacts;
    @Inject
    ChatMessageRepository messages;
    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;
    @Inject
    FieldCipher cipher;

    @Test
    void aRoundsRepliesAreWrittenInOneStatementInOrderAndSeenByTheRoundsLaterQueries() {
        Contact contact = newContact();
        List<Long> ids = new ArrayList<>();
        int[] inserts = new int[1];
        QuarkusTransaction.requiringNew().run(() -> {
            Contact locked = round(contact);
            List<ChatMessage> queued = new ArrayList<>();
            try (StatementCounter.Recording recording = StatementCounter.record()) {
                for (int i = 0; i < 12; i++) {
                    queued.add(outbox.queue(locked, Output.Message.plain("Balasan sintetis nomor " + i)));
                }
                lines.write();
                inserts[0] = (int) recording.statements().stream().filter(sql -> sql.startsWith("insert into chat_message")).count();
            }
            for (ChatMessage line : queued) {
                assertNotNull(line.id, "a line has its id as soon as it is queued");
                assertFalse(em.contains(line), "a round's line is not Hibernate's: nothing of it waits in the session");
                ids.add(line.id);
            }
            // A query later in the round sees the lines, in order.
            assertEquals(ids, messages.transcript(locked.id).stream().map(line -> line.id).toList());
            // A line queued after that, then a query, then a change to the line: the change still reaches the row.
            ChatMessage deletion = outbox.queueDeletion(locked, null);
            ids.add(deletion.id);
            assertEquals(13, messages.count("contactId", locked.id), "the automatic flush before a query writes the new line");
            deletion.failureReason = "perubahan setelah ditulis";
        });
        assertEquals(1, inserts[0], "twelve replies, one insert statement");
        List<ChatMessage> read = QuarkusTransaction.requiringNew().call(() -> messages.transcript(contact.id));
        assertEquals(ids, read.stream().map(line -> line.id).toList(), "every line, in the order it was queued");
        ChatMessage last = read.get(read.size() - 1);
        assertEquals(Outbox.KIND_DELETE, last.kind);
        assertEquals("perubahan setelah ditulis", last.failureReason, "a change made after the line was written is kept");
        assertEquals(List.of("Balasan sintetis nomor 0"),
                read.stream().limit(1).map(line -> TranscriptBody.message(line).orElseThrow().text()).toList());
        assertTrue(ids.stream().sorted().toList().equals(ids), "ids rise in the order the lines were queued");
    }

    @Test
    void aLineWrittenByTheRoundReadsBackAsTheSameLineWrittenByHibernate() {
        Contact contact = newContact();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long byHibernate = QuarkusTransaction.requiringNew().call(() -> {
            ChatMessage line = everyColumn(contact, at);
            lines.add(line); // outside a round: Hibernate's insert
            assertTrue(em.contains(line));
            return line.id;
        });
        long byRound = QuarkusTransaction.requiringNew().call(() -> {
            round(contact);
            ChatMessage line = everyColumn(contact, at);
            lines.add(line);
            assertFalse(em.contains(line));
            return line.id;
        });
        assertTrue(byRound != byHibernate);
        // Through the entity: every attribute equal but the id.
        QuarkusTransaction.requiringNew().run(() -> {
            ChatMessage one = em.find(ChatMessage.class, byHibernate);
            ChatMessage other = em.find(ChatMessage.class, byRound);
            assertEquals(attributes(one), attributes(other));
            assertEquals("Isi sintetis, bukan pesan asli", other.body);
            assertEquals("wamid.sintetis-1", other.providerMessage);
            assertEquals("628000000000", other.recipient);
        });
        // Column by column, the encrypted ones decrypted: the same types and values.
        Map<String, Object> hibernateRow = row(byHibernate);
        Map<String, Object> roundRow = row(byRound);
        assertEquals(hibernateRow, roundRow);
    }

    private Contact newContact() {
        String chat = String.valueOf(TelegramFixtures.newChatId());
        return QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreate(Channel.TELEGRAM, chat));
    }

    /** Makes the current transaction a round that holds this contact locked, as a processing round does. */
    private Contact round(Contact contact) {
        Contact locked = preloaded.lockAll(Channel.TELEGRAM, List.of(contact.externalIdHash)).get(0);
        assertEquals(contact.id, locked.id);
        return locked;
    }

    private static ChatMessage everyColumn(Contact contact, Instant at) {
        ChatMessage line = new ChatMessage();
        line.contactId = contact.id;
        line.intakeId = null; // a report of its own would need an intake; the column is written as any nullable bigint
        line.conversation = 7;
        line.authorAccountId = null;
        line.channel = Channel.TELEGRAM;
        line.direction = ChatMessage.Direction.OUT;
        line.kind = "choices";
        line.body = "Isi sintetis, bukan pesan asli";
        line.status = ChatMessage.Status.HELD;
        line.attempts = 3;
        line.nextAttemptAt = at.plusSeconds(60);
        line.providerMessage = "wamid.sintetis-1";
        line.providerMessageKey = "kunci-sintetis";
        line.recipient = "628000000000";
        line.failureReason = "di luar jendela";
        line.leaseUntil = at.plusSeconds(30);
        line.possibleDuplicate = true;
        line.deliveryStatus = "delivered";
        line.deliveryError = "131047 Re-engagement";
        line.editOf = null;
        line.createdAt = at;
        line.sentAt = at.plusSeconds(1);
        return line;
    }

    private static List<Object> attributes(ChatMessage line) {
        return java.util.Arrays.asList(line.contactId, line.intakeId, line.conversation, line.authorAccountId, line.channel,
                line.direction, line.kind, line.body, line.status, line.attempts, line.nextAttemptAt, line.providerMessage,
                line.providerMessageKey, line.recipient, line.failureReason, line.leaseUntil, line.possibleDuplicate,
                line.deliveryStatus, line.deliveryError, line.editOf, line.createdAt, line.sentAt);
    }

    /** The row's columns but the id, by name and type; an encrypted (bytea) column decrypted. */
    private Map<String, Object> row(long id) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("select * from chat_message where id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                Map<String, Object> columns = new LinkedHashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    String name = r.getMetaData().getColumnName(i);
                    if (name.equals("id")) {
                        continue;
                    }
                    Object value = r.getObject(i);
                    if (value instanceof byte[] sealed) {
                        value = "decrypted:" + cipher.decryptString(sealed);
                    }
                    columns.put(name + ":" + r.getMetaData().getColumnTypeName(i), value);
                }
                return columns;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
