package id.ruangaman.transcript;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import id.ruangaman.database.DbTimes;
import id.ruangaman.platform.TransactionMemory;
import id.ruangaman.security.crypto.FieldCipher;

/**
 * Writes the transcript lines of a round of conversation steps (the people's lines and the replies queued to them)
 * with plain JDBC, one batch per write, instead of through Hibernate's insert machinery (issue 16, tenth round: the
 * inserts were 10-28% of the processing threads' samples).
 *
 * <p>In a round ({@link PreloadedContacts#inRound}) a new line gets its id at once, from the entity's own generator
 * ({@link LineIds}: the transaction's own block of the sequence, as for every other line), and is kept here, never handed to
 * Hibernate: it is in no persistence context, half-written or not. The kept lines are written, in id order, with the
 * same columns and formats Hibernate writes ({@link ChatMessage}; the encrypted ones with the same {@link FieldCipher}):
 * <ul>
 *   <li>before any flush of the transaction's session ({@link RoundLinesFlush}): so a query later in the round (the
 *       person's previous line, the filing of a conversation's lines under a new report, an erasure) sees them as it
 *       saw Hibernate's inserts, which its automatic flush sent first; and at the commit;</li>
 *   <li>at the end of the round ({@link #write}), with the contacts' per-step columns.</li>
 * </ul>
 * A line changed after it was written (its kind set to a stale press after a query in the same step, a reply filed
 * under the report the step submitted) is written again, whole, at the next write: each write compares the lines it
 * wrote with what it wrote. A line changed in the database meanwhile by a bulk statement and not in memory (an
 * erasure emptying its body) is left as the statement left it, as Hibernate leaves an unchanged entity.
 *
 * <p>A line may be written before the contact or the report it names, which Hibernate inserts at its own flush: its
 * report and the line it edits are checked at the commit (V159); its contact is not checked by the database (V169:
 * contact rows are never deleted, and a line's contact is an entity of the same transaction).
 */
@ApplicationScoped
public class RoundLines {

    /** The transaction's resource key: its lines, in the order they were created. */
    private static final Object KEY = new Object();
    private static final String LINES = "lines";

    static final String INSERT = "insert into chat_message (contact_id, intake_id, conversation, author_account_id, channel, "
            + "direction, kind, body, status, attempts, next_attempt_at, provider_message, provider_message_key, recipient, "
            + "failure_reason, lease_until, possible_duplicate, delivery_status, delivery_error, edit_of, created_at, sent_at, deferred, "
            + "answer_key, answer_part, answer_parts, replies_to, id) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "update chat_message set contact_id = ?, intake_id = ?, conversation = ?, author_account_id = ?, "
            + "channel = ?, direction = ?, kind = ?, body = ?, status = ?, attempts = ?, next_attempt_at = ?, provider_message = ?, "
            + "provider_message_key = ?, recipient = ?, failure_reason = ?, lease_until = ?, possible_duplicate = ?, "
            + "delivery_status = ?, delivery_error = ?, edit_of = ?, created_at = ?, sent_at = ?, deferred = ?, "
            + "answer_key = ?, answer_part = ?, answer_parts = ?, replies_to = ? where id = ?";

    private final EntityManager em;
    private final TransactionMemory memory;
    private final PreloadedContacts contacts;
    private final FieldCipher cipher;

    RoundLines(EntityManager em, TransactionMemory memory, PreloadedContacts contacts, FieldCipher cipher) {
        this.em = em;
        this.memory = memory;
        this.contacts = contacts;
        this.cipher = cipher;
    }

    /**
     * Persists a new line in the current transaction: in a round, given its id now and written with the round's
     * other lines (see above); elsewhere by Hibernate, as any entity. Either way {@code line.id} is set on return.
     */
    public void add(ChatMessage line) {
        if (!contacts.inRound()) {
            em.persist(line);
            return;
        }
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        BeforeExecutionGenerator generator = (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(ChatMessage.class).getGenerator();
        line.id = (Long) generator.generate(session, line, null, EventType.INSERT);
        kept().add(new Kept(line));
    }

    /**
     * Writes the transaction's lines not written yet and those changed since they were written: one batch of inserts
     * (sent as one multi-row statement) and, only if any changed, one of updates; returns how many rows it wrote.
     * Nothing outside a round.
     */
    public int write() {
        List<Kept> lines = memory.<String, List<Kept>>existing(KEY).map(map -> map.get(LINES)).orElse(null);
        if (lines == null || lines.isEmpty()) {
            return 0;
        }
        List<Kept> inserts = new ArrayList<>();
        List<Kept> updates = new ArrayList<>();
        for (Kept each : lines) {
            Object[] now = values(each.line);
            if (each.written == null) {
                each.pending = now;
                inserts.add(each);
            } else if (!Arrays.equals(now, each.written)) {
                each.pending = now;
                updates.add(each);
            }
        }
        if (inserts.isEmpty() && updates.isEmpty()) {
            return 0;
        }
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        StatementInspector inspector = session.getFactory().getSessionFactoryOptions().getStatementInspector();
        session.doWork(connection -> {
            for (List<Kept> batch : List.of(inserts, updates)) {
                if (batch.isEmpty()) {
                    continue;
                }
                String sql = batch == inserts ? INSERT : UPDATE;
                try (PreparedStatement statement = connection.prepareStatement(inspector == null ? sql : inspector.inspect(sql))) {
                    for (Kept each : batch) {
                        bind(statement, each.pending, each.line.id);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
        });
        for (Kept each : inserts) {
            each.written = each.pending;
        }
        for (Kept each : updates) {
            each.written = each.pending;
        }
        return inserts.size() + updates.size();
    }

    /**
     * The lines of this round's transaction that match {@code which}, in the order they were created, written or not
     * (empty outside a round: there Hibernate holds them). A change to one is written at the next write.
     */
    public List<ChatMessage> lines(java.util.function.Predicate<ChatMessage> which) {
        return memory.<String, List<Kept>>existing(KEY).map(map -> map.get(LINES)).orElse(List.of()).stream()
                .map(each -> each.line).filter(which).toList();
    }

    /**
     * Forgets this round's lines that match {@code which}: one not written yet is never written, one written is no
     * longer written again (the caller deletes its row).
     */
    public void forget(java.util.function.Predicate<ChatMessage> which) {
        memory.<String, List<Kept>>existing(KEY).map(map -> map.get(LINES)).ifPresent(lines -> lines.removeIf(each -> which.test(each.line)));
    }

    /** Whether this transaction is a round of steps, whose lines are written together (see above). */
    boolean inRound() {
        return contacts.inRound();
    }

    private List<Kept> kept() {
        return memory.<String, List<Kept>>map(KEY).computeIfAbsent(LINES, key -> new ArrayList<>());
    }

    /** The line's columns in the statements' order (without the id), the encrypted ones still in plain text. */
    private static Object[] values(ChatMessage line) {
        return new Object[] {line.contactId, line.intakeId, line.conversation, line.authorAccountId, name(line.channel),
                name(line.direction), line.kind, line.body, name(line.status), line.attempts, line.nextAttemptAt,
                line.providerMessage, line.providerMessageKey, line.recipient, line.failureReason, line.leaseUntil,
                line.possibleDuplicate, line.deliveryStatus, line.deliveryError, line.editOf, line.createdAt, line.sentAt, line.deferred,
                line.answerKey, line.answerPart, line.answerParts, line.repliesTo};
    }

    /** Columns 8, 12 and 14 (body, platform id, recipient) are encrypted, as {@code EncryptedStringConverter} does. */
    private void bind(PreparedStatement statement, Object[] values, long id) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            int index = i + 1;
            Object value = values[i];
            if (index == 8 || index == 12 || index == 14) {
                byte[] sealed = cipher.encryptString((String) value);
                if (sealed == null) {
                    statement.setNull(index, Types.BINARY);
                } else {
                    statement.setBytes(index, sealed);
                }
            } else if (value == null) {
                statement.setNull(index, nullType(index));
            } else if (value instanceof Instant instant) {
                statement.setObject(index, DbTimes.parameter(instant));
            } else if (value instanceof Long number) {
                statement.setLong(index, number);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof Boolean flag) {
                statement.setBoolean(index, flag);
            } else {
                statement.setString(index, (String) value);
            }
        }
        statement.setLong(values.length + 1, id);
    }

    private static int nullType(int index) {
        return switch (index) {
            case 1, 2, 4, 20, 27 -> Types.BIGINT;
            case 3, 10, 25, 26 -> Types.INTEGER;
            case 11, 16, 21, 22 -> Types.TIMESTAMP_WITH_TIMEZONE;
            case 17, 23 -> Types.BOOLEAN;
            default -> Types.VARCHAR;
        };
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A line of the round: what was last written of it (null: not yet), and what the write in progress sends. */
    private static final class Kept {
        final ChatMessage line;
        Object[] written;
        Object[] pending;

        Kept(ChatMessage line) {
            this.line = line;
        }
    }
}
