package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An open case page never keeps a stale line without an event that refreshes it. The page's live cursor
 * ({@code data-after}) must be read before the transcript: read after it, a delivery status committed in between
 * (a counsellor's reply turning SENT) was neither on the page nor after its cursor, and the reply showed SENDING
 * until some other change of the case.
 *
 * <p>Each round commits one status change (with its event, as a send's outcome does) at a random moment while the
 * page is being rendered, then checks the page: it shows the status now in the database, or the feed holds an event
 * of the case after the page's cursor.
 */
@QuarkusTest
class CaseLiveMarkTest {

    private static final Pattern AFTER = Pattern.compile("data-after=\"([^\"]*)\"");

    @Inject
    InboxFixtures fixtures;
    @Inject
    InboxEventFeed feed;
    @Inject
    DataSource dataSource;

    @Test
    void shouldFollowEveryChangeThatThePageDoesNotShow() throws Exception {
        fixtures.account("live-mark-coordinator", Role.COORDINATOR);
        String session = login("live-mark-coordinator");
        String ref = fixtures.submittedCase(true);
        long line = lastOutgoingLine(ref);
        Pattern status = Pattern.compile("id=\"msg-" + line + "\"[^>]*data-status=\"([A-Z]+)\"");

        int stale = 0;
        long renderMillis = 20;
        for (int round = 0; round < 120; round++) {
            String next = round % 2 == 0 ? "FAILED" : "SENT";
            long delay = ThreadLocalRandom.current().nextLong(renderMillis + 1);
            CompletableFuture<Void> change = CompletableFuture.runAsync(() -> changeStatus(line, ref, next, delay));
            long began = System.nanoTime();
            String page = getAs(session).when().get("/inbox/cases/" + ref).then().statusCode(200).extract().asString();
            renderMillis = Math.max(1, (System.nanoTime() - began) / 1_000_000);
            change.get();

            Matcher after = AFTER.matcher(page);
            Matcher shown = status.matcher(page);
            assertTrue(after.find() && shown.find(), "the page has its cursor and the line");
            InboxEventFeed.Cursor cursor = InboxEventFeed.Cursor.parse(after.group(1)).orElseThrow();
            if (!shown.group(1).equals(next)) {
                stale++;
                Eventually.await("an event after the cursor of a page that shows " + shown.group(1) + " (now " + next + ")",
                        Duration.ofSeconds(60), () -> feed.after(cursor, null, true).stream()
                                .anyMatch(item -> item.referenceCode().equals(ref)));
            }
        }
        System.out.printf("[live-mark] %d of 120 pages were rendered before the change committed%n", stale);
    }

    private long lastOutgoingLine(String ref) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select m.id from chat_message m "
                + "join intake i on i.id = m.intake_id where i.reference_code = ? and m.direction = 'OUT' order by m.id desc limit 1")) {
            s.setString(1, ref);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "the case has a bot reply");
                return r.getLong(1);
            }
        }
    }

    /** A delivery status and its case's event in one transaction, as a send's outcome is recorded. */
    private void changeStatus(long line, String ref, String status, long delayMillis) {
        try {
            Thread.sleep(delayMillis);
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement update = c.prepareStatement("update chat_message set status = ? where id = ?");
                        PreparedStatement event = c.prepareStatement("insert into inbox_event (type, intake_id) "
                                + "select 'message', id from intake where reference_code = ?")) {
                    update.setString(1, status);
                    update.setLong(2, line);
                    assertEquals(1, update.executeUpdate());
                    event.setString(1, ref);
                    event.executeUpdate();
                }
                c.commit();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
