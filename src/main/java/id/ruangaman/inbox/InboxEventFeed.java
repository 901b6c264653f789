package id.ruangaman.inbox;

import java.time.Duration;
import java.util.Optional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the append-only event table for live pages with plain JDBC (no ORM session is needed on the
 * worker threads that poll). Counsellors receive only events of cases that are, at the time of reading, unassigned
 * or their own, and, without the case's reference, the events by which a case left their list (reassigned away from
 * them, or taken off the unassigned queue); an inactive account receives nothing; nobody receives events of a case an access rule refuses them
 * (a conflict of interest, {@link CaseAccess#visibleTo}). A leadership account receives only the events that say a case
 * changed ({@code case}: its status, an erasure) of the cases its pages show ({@link LeadershipCases}), and nothing
 * of what was written in them.
 */
@ApplicationScoped
public class InboxEventFeed {

    private static final int BATCH = 200;
    private final DataSource dataSource;
    private final CaseAccess access;
    private final LeadershipCases leadershipCases;

    InboxEventFeed(DataSource dataSource, CaseAccess access, LeadershipCases leadershipCases) {
        this.dataSource = dataSource;
        this.access = access;
        this.leadershipCases = leadershipCases;
    }

    /**
     * One event: {@code cursor} is where a reader that has taken it (and everything before it) reads on from, the SSE
     * event id of a live page. {@code referenceCode} is blank for an event by which a case left the viewer's list: the
     * list refreshes, but a case no longer theirs is not named to them.
     */
    public record Item(long id, String type, String referenceCode, Cursor cursor) {
    }

    /** Events read from a cursor, and the cursor after them. */
    public record Batch(List<Item> items, Cursor next) {
    }

    /**
     * A reader's place in the feed: every event of a transaction whose id ({@code xid8}) is below {@code tx}, and those
     * of transaction {@code tx} with an event id up to {@code id}, have been read. Written {@code tx-id}, as a page's
     * {@code data-after} and an SSE event id.
     *
     * <p>Events are read in commit-safe order, by transaction and then id, and only from transactions that have all
     * finished: below the oldest transaction still in flight ({@code pg_snapshot_xmin}) no transaction can commit later.
     * Reading on by event id alone loses events: ids are taken at the insert, and a transaction that took its id
     * (transaction 101, event 50) may still be open when an older transaction's later event (transaction 100, event 51)
     * is settled and read, so a reader at event 51 never reads event 50.
     */
    public record Cursor(long tx, long id) {

        /** The cursor in {@code value}, or empty for anything else (blank, malformed, negative, too long). */
        public static Optional<Cursor> parse(String value) {
            if (value == null || value.isBlank() || value.length() > 41) {
                return Optional.empty();
            }
            String[] parts = value.trim().split("-", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            try {
                long tx = Long.parseLong(parts[0]);
                long id = Long.parseLong(parts[1]);
                return tx < 0 || id < 0 ? Optional.empty() : Optional.of(new Cursor(tx, id));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return tx + "-" + id;
        }
    }

    /** The oldest transaction still in flight: every transaction below it has finished. */
    private static final String SETTLED_BELOW = "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    /**
     * Where a page that is about to read what it shows follows on from: every event of a finished transaction is
     * behind it, every event still to commit ahead of it. Read it <em>before</em> the page's own reads.
     */
    public Cursor mark() {
        try (Connection c = dataSource.getConnection()) {
            return new Cursor(settledBelow(c), 0);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inbox event table", e);
        }
    }

    private static long settledBelow(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SETTLED_BELOW); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * The role of the account behind a live stream if it may still receive events: the account is active and its
     * session open and not idle for longer than {@code idle}; otherwise empty, and the stream ends.
     */
    public Optional<String> stillAllowed(long accountId, byte[] sessionIdHash, Duration idle) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select a.role from account a "
                + "join account_session s on s.account_id = a.id where a.id = ? and a.active and s.id_hash = ? and s.ended_at is null "
                + "and s.last_action_at > ?")) {
            s.setLong(1, accountId);
            s.setBytes(2, sessionIdHash);
            s.setObject(3, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minus(idle));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the account of a live stream", e);
        }
    }

    /** The events after {@code from} that the viewer may see ({@link #read}), without the cursor after them. */
    public List<Item> after(Cursor from, Long viewerId, boolean seesAll) {
        return read(from, viewerId, seesAll).items();
    }

    /**
     * At most {@value #BATCH} settled events after {@code from} that the viewer may see (all when {@code viewerId} is
     * null), in transaction and id order, and the cursor to read on from. Events the viewer may not see are passed
     * over, and the cursor moves past them too.
     */
    public Batch read(Cursor from, Long viewerId, boolean seesAll) {
        return read(from, viewerId, seesAll, false);
    }

    /**
     * {@link #read} for a leadership account ({@code viewerId}): at most {@value #BATCH} settled {@code case} events
     * (a status changed, the person erased their data) of the cases leadership's pages show ({@link LeadershipCases})
     * and that no access rule refuses the account, each naming its case; every other event is passed over.
     */
    public Batch readForLeadership(Cursor from, long viewerId) {
        return read(from, viewerId, true, true);
    }

    private Batch read(Cursor from, Long viewerId, boolean seesAll, boolean leadership) {
        // Who may see a case is decided now, not when the event was written: a replay of a case that was unassigned
        // then and is someone else's now shows nothing. The account itself is checked on each read, so a deactivated
        // account's open stream goes quiet.
        // An event the viewer reads only because the case left their list (reassigned away from them, or taken off the
        // unassigned queue) names no case: their open list refreshes, and a case no longer theirs is not named to them,
        // not even on a replay from before it left (the id is a number written into the statement).
        String named = seesAll ? "i.reference_code"
                : "case when i.assignee_id is null or i.assignee_id = " + viewerId + " then i.reference_code else '' end";
        String sql = "select e.id, e.type, " + named + ", e.tx::text::bigint from inbox_event e join intake i on i.id = e.intake_id "
                + "where (e.tx, e.id) > (?::text::xid8, ?) and e.tx < ?::text::xid8 "
                + (viewerId == null ? "" : "and exists (select 1 from account a where a.id = ? and a.active) ")
                // ... or the list the case left by this event (unnamed, above): the viewer's own, or the unassigned queue
                + (seesAll ? "" : "and (i.assignee_id is null or i.assignee_id = ? or e.previous_assignee_id = ? or e.left_queue) ")
                + (leadership ? "and e.type = '" + InboxEventRecorder.CASE + "' and " + leadershipCases.shownWhere("i.id") + " " : "")
                // The account id is a number written into the statement (the rules' condition may name it often).
                + (viewerId == null ? "" : "and " + access.visibleTo("i.id", Long.toString(viewerId)) + " ")
                + "order by e.tx, e.id limit " + BATCH;
        try (Connection c = dataSource.getConnection()) {
            // Read first, in its own statement: the events' statement sees every transaction below it as finished.
            long below = settledBelow(c);
            if (below <= from.tx()) {
                return new Batch(List.of(), from);
            }
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int p = 1;
                s.setString(p++, Long.toString(from.tx()));
                s.setLong(p++, from.id());
                s.setString(p++, Long.toString(below));
                if (viewerId != null) {
                    s.setLong(p++, viewerId);
                }
                if (!seesAll) {
                    s.setLong(p++, viewerId);
                    s.setLong(p, viewerId);
                }
                List<Item> items = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long id = r.getLong(1);
                        items.add(new Item(id, r.getString(2), r.getString(3), new Cursor(r.getLong(4), id)));
                    }
                }
                // A full batch may stop inside a transaction's events: read on from its last one. Otherwise every
                // event below the settled line has been read.
                Cursor next = items.size() == BATCH ? items.get(BATCH - 1).cursor() : new Cursor(below, 0);
                return new Batch(items, next);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inbox event table", e);
        }
    }
}
