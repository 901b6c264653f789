package id.ruangaman.transcript;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SelfDirtinessTracker;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import id.ruangaman.database.DbTimes;

/**
 * Writes what every conversation step changes on its contact (when the person last wrote, whether they can be reached,
 * the flood window and count, whether the question asks for files), and the conversation number a submitted report
 * moves on, for all the contacts of a round at once: one statement, sent as one JDBC batch, instead of one UPDATE per
 * contact.
 *
 * <p>Why: {@link Contact} is written with only its changed columns ({@code @DynamicUpdate}, so its encrypted columns are
 * not encrypted again and rewritten at every step), and Hibernate does not batch such updates: every contact of a round
 * cost its own round trip (issue 16, eighth round). This statement writes the seven columns of each contact
 * whose values differ from what Hibernate last read or wrote, then tells Hibernate they are written (its loaded state
 * and the entity's own dirty tracking), so its flush leaves them alone and writes a contact only when something else
 * changed, as before. None of these columns is indexed, so the row update can stay on its page (HOT). The conversation
 * number is among them because a round of the intake's last steps submits a report for most of its contacts: each
 * was an UPDATE of its own at the commit (issue 16, eighteenth round).
 *
 * <p>Only for contacts whose row this transaction holds locked ({@link PreloadedContacts#lockAll}) or created: nobody
 * else can change the row meanwhile, so writing a column unchanged since the read writes what is already there.
 */
final class ContactTouches {

    /** The per-step attributes, in the statement's order. */
    private static final String[] ATTRIBUTES = {"lastInboundAt", "unreachableAt", "floodWindowStartedAt", "floodCount",
            "floodNoticedAt", "expectsFiles", "conversation"};
    private static final Set<String> WRITTEN = Set.of(ATTRIBUTES);
    private static final String SQL = "update contact set last_inbound_at = ?, unreachable_at = ?, flood_window_started_at = ?, "
            + "flood_count = ?, flood_noticed_at = ?, expects_files = ?, conversation = ? where id = ?";

    /** The attributes' positions in Hibernate's state arrays, found once. */
    private static volatile int[] positions;

    private ContactTouches() {
    }

    /**
     * Writes the per-step columns of those of {@code contacts} that changed them since Hibernate last read or wrote the
     * row, in one batch on the session's connection; returns how many contacts it wrote. A contact not yet inserted (its
     * insert still queued) or no longer managed is left to Hibernate.
     */
    static int write(SessionImplementor session, Collection<Contact> contacts) {
        List<Touched> touched = new ArrayList<>();
        for (Contact contact : contacts) {
            EntityEntry entry = session.getPersistenceContextInternal().getEntry(contact);
            if (entry == null || entry.getStatus() != Status.MANAGED || !entry.isExistsInDatabase() || entry.getLoadedState() == null) {
                continue;
            }
            int[] at = positions(entry.getPersister());
            Object[] now = current(contact);
            Object[] loaded = entry.getLoadedState();
            for (int i = 0; i < at.length; i++) {
                if (!Objects.equals(now[i], loaded[at[i]])) {
                    touched.add(new Touched(contact, loaded, at, now));
                    break;
                }
            }
        }
        if (touched.isEmpty()) {
            return 0;
        }
        StatementInspector inspector = session.getFactory().getSessionFactoryOptions().getStatementInspector();
        String sql = inspector == null ? SQL : inspector.inspect(SQL);
        session.doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (Touched each : touched) {
                    instant(update, 1, (Instant) each.now[0]);
                    instant(update, 2, (Instant) each.now[1]);
                    instant(update, 3, (Instant) each.now[2]);
                    update.setInt(4, (Integer) each.now[3]);
                    instant(update, 5, (Instant) each.now[4]);
                    update.setBoolean(6, (Boolean) each.now[5]);
                    update.setInt(7, (Integer) each.now[6]);
                    update.setLong(8, each.contact.id);
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
        for (Touched each : touched) {
            for (int i = 0; i < each.at.length; i++) {
                each.loaded[each.at[i]] = each.now[i];
            }
            forgetChanges(each.contact);
        }
        return touched.size();
    }

    /**
     * For {@code contacts} created in this transaction and not inserted yet: tells Hibernate their per-step columns
     * are taken care of, so the flush that inserts them sends no UPDATE of its own for what the round's steps changed
     * after the creation; returns whether there was any such contact. Call it right before a flush, and
     * {@link #write} right after it: the insert has the values the contact had when it was created (or the current
     * ones), and {@link #write} then finds whatever differs from what was inserted and writes it with the others.
     */
    static boolean settleUnsaved(SessionImplementor session, Collection<Contact> contacts) {
        boolean any = false;
        for (Contact contact : contacts) {
            EntityEntry entry = session.getPersistenceContextInternal().getEntry(contact);
            if (entry == null || entry.getStatus() != Status.MANAGED || entry.isExistsInDatabase()) {
                continue;
            }
            any = true;
            Object[] loaded = entry.getLoadedState();
            if (loaded != null) {
                int[] at = positions(entry.getPersister());
                Object[] now = current(contact);
                for (int i = 0; i < at.length; i++) {
                    loaded[at[i]] = now[i];
                }
            }
            forgetChanges(contact);
        }
        return any;
    }

    private static Object[] current(Contact contact) {
        return new Object[] {contact.lastInboundAt, contact.unreachableAt, contact.floodWindowStartedAt, contact.floodCount,
                contact.floodNoticedAt, contact.expectsFiles, contact.conversation};
    }

    /** Takes the per-step attributes out of the entity's own record of changed attributes (bytecode enhancement). */
    private static void forgetChanges(Contact contact) {
        if (contact instanceof SelfDirtinessTracker tracker && tracker.$$_hibernate_hasDirtyAttributes()) {
            String[] dirty = tracker.$$_hibernate_getDirtyAttributes();
            tracker.$$_hibernate_clearDirtyAttributes();
            Arrays.stream(dirty).filter(name -> !WRITTEN.contains(name)).forEach(tracker::$$_hibernate_trackChange);
        }
    }

    private static void instant(PreparedStatement statement, int index, Instant value) throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, DbTimes.parameter(value));
        }
    }

    private static int[] positions(EntityPersister persister) {
        int[] found = positions;
        if (found == null) {
            List<String> names = Arrays.asList(persister.getPropertyNames());
            found = Arrays.stream(ATTRIBUTES).mapToInt(name -> {
                int index = names.indexOf(name);
                if (index < 0) {
                    throw new IllegalStateException("Contact has no attribute " + name);
                }
                return index;
            }).toArray();
            positions = found;
        }
        return found;
    }

    /** A contact to write: its entry's loaded state, the attributes' positions in it, and the values written. */
    private record Touched(Contact contact, Object[] loaded, int[] at, Object[] now) {
    }
}
