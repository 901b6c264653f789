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
        long start = feed.latestId();
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
            Eventually.await("both events readable", Duration.ofSeconds(10), () -> feed.after(start, null, true).stream()
                    .map(InboxEventFeed.Item::id).filter(id -> id == early || id == late).count() == 2);
            List<Long> after = feed.after(start, null, true).stream().map(InboxEventFeed.Item::id)
                    .filter(id -> id == early || id == late).toList();
            assertEquals(List.of(early, late), after);
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
