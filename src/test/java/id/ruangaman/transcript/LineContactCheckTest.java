package id.ruangaman.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.TelegramFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A transcript line costs PostgreSQL no key check on its contact (issue 16, eleventh round, V169), and a contact row
 * still cannot go away under its lines: contact rows are never deleted, and the database refuses any statement that
 * would delete or truncate them.
 *
 * <p>Before V169 {@code chat_message_contact_id_fkey} ran PostgreSQL's referential check for every inserted line (one
 * {@code select 1 from only contact where id = $1 for key share} at the commit, an index scan of {@code contact_pkey}
 * each), although the round writing the lines holds those contacts locked: about a fifth of PostgreSQL's time in the
 * backlog drain. The first test counts those scans in the transaction that writes a round's lines; the deferred checks
 * are made to run at once ({@code set constraints all immediate}) so they are counted before the commit.
 */
@QuarkusTest
class LineContactCheckTest {

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

    @Test
    void aRoundsLinesAndHibernatesRunNoCheckOnTheirContacts() {
        Contact one = newContact();
        Contact other = newContact();
        long[] scans = new long[2];
        QuarkusTransaction.requiringNew().run(() -> {
            List<Contact> locked = preloaded.lockAll(Channel.TELEGRAM, List.of(one.externalIdHash, other.externalIdHash));
            assertEquals(2, locked.size());
            em.flush();
            long before = contactKeyScans();
            for (int i = 0; i < 12; i++) {
                lines.add(line(locked.get(i % 2), i % 3 == 0 ? ChatMessage.Direction.IN : ChatMessage.Direction.OUT));
            }
            assertEquals(12, lines.write(), "the round's twelve lines are written");
            em.createNativeQuery("set constraints all immediate").executeUpdate();
            scans[0] = contactKeyScans() - before;
        });
        QuarkusTransaction.requiringNew().run(() -> {
            long before = contactKeyScans();
            for (int i = 0; i < 4; i++) {
                lines.add(line(i % 2 == 0 ? one : other, ChatMessage.Direction.OUT)); // outside a round: Hibernate's insert
            }
            em.flush();
            em.createNativeQuery("set constraints all immediate").executeUpdate();
            scans[1] = contactKeyScans() - before;
        });
        assertEquals(0, scans[0], "lines written by a round look up no contact (one scan a line while the key checked them)");
        assertEquals(0, scans[1], "lines inserted by Hibernate look up no contact either");
        assertEquals(16, (long) QuarkusTransaction.requiringNew().call(
                () -> messages.count("contactId in ?1", List.of(one.id, other.id))), "every line is stored with its contact");
    }

    @Test
    void aContactRowIsNeverDeletedWithOrWithoutLines() throws SQLException {
        Contact bare = newContact();
        Contact withLines = newContact();
        QuarkusTransaction.requiringNew().run(() -> lines.add(line(withLines, ChatMessage.Direction.IN)));
        try (Connection connection = dataSource.getConnection()) {
            // In a transaction rolled back at the end: were the rule ever gone, this test still deletes nothing for good.
            connection.setAutoCommit(false);
            try {
                for (long id : new long[] {bare.id, withLines.id}) {
                    assertRefused(connection, "delete from contact where id = " + id);
                }
                assertRefused(connection, "delete from contact where id in (select contact_id from chat_message where direction = 'IN')");
                assertRefused(connection, "truncate contact cascade");
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement kept = connection.prepareStatement("select count(*) from contact where id in (?, ?)")) {
                kept.setLong(1, bare.id);
                kept.setLong(2, withLines.id);
                try (ResultSet row = kept.executeQuery()) {
                    row.next();
                    assertEquals(2, row.getLong(1), "both contacts are still there");
                }
            }
        }
    }

    /**
     * The statement fails with the rule's reason, and leaves the transaction usable for the next one. A statement that
     * locks every contact, or {@code truncate}, which locks every table that refers to it, can meet the service's own
     * background work of earlier tests (a round inserting lines, a send's recording) and lose a deadlock before the rule
     * is reached: that says nothing of the rule, so it is tried again, a few times.
     */
    private static void assertRefused(Connection connection, String statement) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (int attempt = 1; ; attempt++) {
                sql.execute("savepoint attempt");
                SQLException refused = assertThrows(SQLException.class, () -> sql.executeUpdate(statement),
                        "refused: " + statement);
                sql.execute("rollback to savepoint attempt");
                if ("40P01".equals(refused.getSQLState()) && attempt < 5) {
                    continue;
                }
                assertTrue(refused.getMessage().contains("contact rows are never deleted"), refused.getMessage());
                return;
            }
        }
    }

    /** Index scans of contact's primary key so far in this transaction: the key check's lookup is one. */
    private long contactKeyScans() {
        return ((Number) em.createNativeQuery("select pg_stat_get_xact_numscans('contact_pkey'::regclass)")
                .getSingleResult()).longValue();
    }

    private Contact newContact() {
        String chat = String.valueOf(TelegramFixtures.newChatId());
        return QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreate(Channel.TELEGRAM, chat));
    }

    private static ChatMessage line(Contact contact, ChatMessage.Direction direction) {
        ChatMessage line = new ChatMessage();
        line.contactId = contact.id;
        line.conversation = contact.conversation;
        line.channel = contact.channel;
        line.direction = direction;
        line.kind = "text";
        line.body = direction == ChatMessage.Direction.IN ? "halo, pesan sintetis" : "balasan sintetis";
        line.status = direction == ChatMessage.Direction.IN ? ChatMessage.Status.RECEIVED : ChatMessage.Status.HELD;
        line.createdAt = Instant.now();
        return line;
    }
}
