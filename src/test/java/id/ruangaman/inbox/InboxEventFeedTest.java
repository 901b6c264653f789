package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;
import io.quarkus.test.junit.QuarkusTest;

/** A reconnecting or polling page misses no event, even when transactions commit out of id order. */
@QuarkusTest
class InboxEventFeedTest {

    @Inject
    InboxEventFeed feed;
    @Inject
    InboxFixtures fixtures;
    @Inject
    DataSource dataSource;

    @Test
    void shouldNotSkipAnEventWhoseTransactionCommitsAfterALaterOne() throws Exception {
        String ref = fixtures.submittedCase(true);
        id.ruangaman.inbox.InboxEventFeed.Cursor start = feed.mark();
        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            long early = insertEvent(slow, ref);   // takes the smaller id, commits last
            long late = insertEvent(fast, ref);    // autocommit: committed at once
            assertTrue(early < late);

            List<Long> whileOpen = feed.after(start, null, true).stream().map(InboxEventFeed.Item::id).toList();
            assertTrue(!whileOpen.contains(late), "an event was handed out ahead of an earlier one still being written");
            slow.commit();

            // Other transactions of the running service may still be in flight for a moment; both events
            // then arrive together, in id order.
            Eventually.await("both events readable", Duration.ofSeconds(60), () -> feed.after(start, null, true).stream()
                    .map(InboxEventFeed.Item::id).filter(id -> id == early || id == late).count() == 2);
            List<Long> after = feed.after(start, null, true).stream().map(InboxEventFeed.Item::id)
                    .filter(id -> id == early || id == late).toList();
            assertEquals(List.of(early, late), after);
        }
    }

    /**
     * Event ids and transaction ids can run in opposite orders: a transaction that began writing first (a processing
     * round writes its transcript lines before its events) takes the smaller transaction id, but may insert its event
     * after a younger transaction inserted one. When the older commits first, a reader that went on by event id would
     * be past the younger's event before it commits.
     */
    @Test
    void shouldNotSkipAnEventWhoseIdIsSmallerThanOneOfAnOlderTransaction() throws Exception {
        String ref = fixtures.submittedCase(true);
        InboxEventFeed.Cursor start = feed.mark();
        try (Connection older = dataSource.getConnection(); Connection younger = dataSource.getConnection()) {
            older.setAutoCommit(false);
            younger.setAutoCommit(false);
            try (PreparedStatement write = older.prepareStatement("select pg_current_xact_id()")) {
                write.executeQuery().close(); // the older transaction takes its transaction id first
            }
            long youngersEvent = insertEvent(younger, ref);
            long oldersEvent = insertEvent(older, ref);
            assertTrue(youngersEvent < oldersEvent);
            older.commit();

            // The older transaction's event is read once every transaction before it has finished; the younger's
            // is not read yet, and the cursor stays before it.
            Eventually.await("the older transaction's event readable", Duration.ofSeconds(60),
                    () -> feed.after(start, null, true).stream().anyMatch(item -> item.id() == oldersEvent));
            InboxEventFeed.Batch first = feed.read(start, null, true);
            assertTrue(first.items().stream().noneMatch(item -> item.id() == youngersEvent), "read before it committed");
            younger.commit();

            Eventually.await("the younger transaction's event read on from the cursor", Duration.ofSeconds(60),
                    () -> feed.after(first.next(), null, true).stream().anyMatch(item -> item.id() == youngersEvent));
        }
    }

    @Test
    void shouldReadACursorOnlyInItsOwnShape() {
        assertEquals(java.util.Optional.of(new InboxEventFeed.Cursor(812, 5)), InboxEventFeed.Cursor.parse("812-5"));
        assertEquals("812-5", new InboxEventFeed.Cursor(812, 5).toString());
        for (String malformed : new String[] { null, "", " ", "0", "12", "-1-2", "1-", "-", "1-2-3", "a-b", "1-2x",
                "99999999999999999999-1", "1".repeat(42) }) {
            assertTrue(InboxEventFeed.Cursor.parse(malformed).isEmpty(), malformed);
        }
    }

    private static long insertEvent(Connection connection, String ref) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into inbox_event (type, intake_id) "
                + "select 'message', id from intake where reference_code = ? returning id")) {
            insert.setString(1, ref);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
