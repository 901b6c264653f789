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
 * or their own; an inactive account receives nothing; nobody receives events of a case an access rule refuses them
 * (a conflict of interest, {@link CaseAccess#visibleTo}).
 */
@ApplicationScoped
public class InboxEventFeed {

    private static final int BATCH = 200;
    private final DataSource dataSource;
    private final CaseAccess access;

    InboxEventFeed(DataSource dataSource, CaseAccess access) {
        this.dataSource = dataSource;
        this.access = access;
    }

    public record Item(long id, String type, String referenceCode) {
    }

    /**
     * Only events whose writing transactions have all finished: below the oldest transaction still in
     * flight, no event with a smaller id can appear later, so reading on by id misses nothing.
     */
    private static final String SETTLED = "tx < pg_snapshot_xmin(pg_current_snapshot())";

    public long latestId() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select coalesce(max(id), 0) from inbox_event where " + SETTLED);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inbox event table", e);
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

    public List<Item> after(long lastId, Long viewerId, boolean seesAll) {
        // Who may see a case is decided now, not when the event was written: a replay (?after=0) of a case that
        // was unassigned then and is someone else's now shows nothing. The account itself is checked on each read,
        // so a deactivated account's open stream goes quiet.
        String sql = "select e.id, e.type, i.reference_code from inbox_event e join intake i on i.id = e.intake_id "
                + "where e.id > ? and " + SETTLED + " "
                + (viewerId == null ? "" : "and exists (select 1 from account a where a.id = ? and a.active) ")
                + (seesAll ? "" : "and (i.assignee_id is null or i.assignee_id = ?) ")
                // The account id is a number written into the statement (the rules' condition may name it often).
                + (viewerId == null ? "" : "and " + access.visibleTo("i.id", Long.toString(viewerId)) + " ")
                + "order by e.id limit " + BATCH;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int p = 1;
            s.setLong(p++, lastId);
            if (viewerId != null) {
                s.setLong(p++, viewerId);
            }
            if (!seesAll) {
                s.setLong(p, viewerId);
            }
            List<Item> items = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    items.add(new Item(r.getLong(1), r.getString(2), r.getString(3)));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inbox event table", e);
        }
    }
}
