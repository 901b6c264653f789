package id.ruangaman.channel.inbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The webhooks' group commit over HTTP: requests that arrive while the committer is busy (here: held) are stored in
 * one transaction, each answered only after its row is committed; duplicates are stored once; a failing batch answers
 * every request in it with 503 and keeps none of it.
 */
@QuarkusTest
class GroupCommitTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(32);

    @Inject
    GroupCommit commits;
    @Inject
    TelegramChats chats;
    @Inject
    DataSource dataSource;

    /** What a client saw: the status and whether its row was in the table the moment the answer came. */
    record Answer(int status, String retryAfter, long storedWhenAnswered) {
    }

    @AfterEach
    void release() {
        commits.resume();
    }

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    @Test
    void shouldStoreConcurrentUpdatesInOneTransactionAndAnswerEachOnlyOnceItsRowIsCommitted() throws Exception {
        int requests = 30;
        List<String> updates = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            updates.add(TelegramFixtures.text(TelegramFixtures.newChatId(), "halo " + i));
        }
        commits.pause();
        List<CompletableFuture<Answer>> answers = updates.stream().map(this::postTelegram).toList();
        Eventually.await("all requests queued", WAIT, () -> commits.waitingRows() == requests);
        assertTrue(answers.stream().noneMatch(CompletableFuture::isDone), "a request was answered before its commit");
        for (String update : updates) {
            assertEquals(0, chats.storedCount(TelegramChats.updateIdOf(update)), "stored before the committer ran");
        }
        long before = commits.batches();

        commits.resume();

        for (CompletableFuture<Answer> answer : answers) {
            Answer got = answer.get(30, TimeUnit.SECONDS);
            assertEquals(200, got.status());
            assertEquals(1, got.storedWhenAnswered(), "answered 200 before the row was committed");
        }
        assertEquals(1, commits.batches() - before, "30 requests waiting together should share one commit");
    }

    @Test
    void shouldStoreADuplicateOnceWithinABatchAndAcrossBatchesAndAnswerEach200() throws Exception {
        String update = TelegramFixtures.text(TelegramFixtures.newChatId(), "sekali saja");
        long updateId = TelegramChats.updateIdOf(update);
        String number = WhatsAppFixtures.newNumber();
        String wamid = WhatsAppFixtures.newWamid();
        String whatsApp = WhatsAppFixtures.payload(number,
                List.of(WhatsAppFixtures.message("text.json", number, wamid, "sekali saja", null, null)));
        commits.pause();
        List<CompletableFuture<Answer>> answers = List.of(postTelegram(update), postTelegram(update),
                postWhatsApp(whatsApp, wamid), postWhatsApp(whatsApp, wamid));
        Eventually.await("all four queued", WAIT, () -> commits.waitingRows() == 4);
        long before = commits.batches();
        commits.resume();
        for (CompletableFuture<Answer> answer : answers) {
            Answer got = answer.get(30, TimeUnit.SECONDS);
            assertEquals(200, got.status());
            assertEquals(1, got.storedWhenAnswered());
        }
        assertEquals(1, commits.batches() - before);

        TelegramChats.post(update).then().statusCode(200); // a redelivery, in a later batch
        WhatsAppFixtures.post(whatsApp).then().statusCode(200);
        assertEquals(1, chats.storedCount(updateId));
        assertEquals(1, chats.storedCount(Channel.WHATSAPP, wamid));
    }

    @Test
    void shouldAnswerEveryRequestOfAFailedBatch503AndStoreNoneOfIt() throws Exception {
        List<String> updates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            updates.add(TelegramFixtures.text(TelegramFixtures.newChatId(), "coba " + i));
        }
        // The fourth row of the statement fails, after three were inserted: the whole batch must be rolled back.
        String failing = "123456:" + TelegramChats.updateIdOf(updates.get(3));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create or replace function ack_test_refuse() returns trigger language plpgsql as $$ begin "
                    + "if new.provider_id = '" + failing + "' then raise exception 'refused for the test'; end if; "
                    + "return new; end $$");
            sql.execute("create trigger ack_test_refuse before insert on inbound_update for each row "
                    + "execute function ack_test_refuse()");
            try {
                commits.pause();
                List<CompletableFuture<Answer>> answers = updates.stream().map(this::postTelegram).toList();
                Eventually.await("all queued", WAIT, () -> commits.waitingRows() == updates.size());
                commits.resume();
                for (CompletableFuture<Answer> answer : answers) {
                    Answer got = answer.get(30, TimeUnit.SECONDS);
                    assertEquals(503, got.status());
                    assertEquals("5", got.retryAfter());
                }
            } finally {
                sql.execute("drop trigger ack_test_refuse on inbound_update");
                sql.execute("drop function ack_test_refuse()");
            }
        }
        for (String update : updates) {
            assertEquals(0, chats.storedCount(TelegramChats.updateIdOf(update)), "part of a failed batch was kept");
        }
        for (String update : updates) { // the platform's retry
            TelegramChats.post(update).then().statusCode(200);
            assertEquals(1, chats.storedCount(TelegramChats.updateIdOf(update)));
        }
    }

    /**
     * Two instances storing the same redelivered updates in a different order (a platform retrying what was not
     * acknowledged, on another replica) wait for each other's unique keys; taken in the batch's own order they could
     * deadlock (40P01). Forced: another transaction has stored update x and not committed yet; a batch [y, x] is
     * submitted; the other transaction then stores y. The batch takes its keys in key order (x first), so it only
     * waits, and both commit. The ids still follow the batch's order.
     */
    @Test
    void shouldTakeABatchsKeysInKeyOrderSoTwoInstancesStoringTheSameUpdatesNeverDeadlock() throws Exception {
        String stem = "order-test-" + System.nanoTime();
        byte[] contact = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII); // a lane of its own
        Duration settle = Duration.ofHours(1); // no worker takes them
        GroupCommit.Row x = new GroupCommit.Row(Channel.TELEGRAM, stem + ":x", 1, contact, "order-test", new byte[] {1}, settle, null);
        GroupCommit.Row y = new GroupCommit.Row(Channel.TELEGRAM, stem + ":y", 2, contact, "order-test", new byte[] {2}, settle, null);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            store(other, stem + ":x", contact);
            java.util.concurrent.CompletableFuture<Integer> batch = commits.submit(List.of(y, x));
            Thread.sleep(300); // the batch is waiting for x
            store(other, stem + ":y", contact);
            other.commit();
            assertEquals(0, batch.get(30, TimeUnit.SECONDS), "both were stored by the other instance; none broken as a deadlock");
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.executeUpdate("delete from inbound_pending where id in (select id from inbound_update where provider_id like '" + stem + "%')");
                sql.executeUpdate("delete from inbound_update where provider_id like '" + stem + "%'");
                sql.executeUpdate("delete from inbound_queue where contact_hash = decode('"
                        + java.util.HexFormat.of().formatHex(contact) + "', 'hex')");
            }
        }
        GroupCommit.Row first = new GroupCommit.Row(Channel.TELEGRAM, stem + ":b", 3, contact, "order-test", new byte[] {3}, settle, null);
        GroupCommit.Row second = new GroupCommit.Row(Channel.TELEGRAM, stem + ":a", 3, contact, "order-test", new byte[] {4}, settle, null);
        try {
            assertEquals(2, commits.submit(List.of(first, second)).get(30, TimeUnit.SECONDS));
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("select provider_id from inbound_update where provider_id like '" + stem
                            + "%' order by id")) {
                assertTrue(rows.next());
                assertEquals(stem + ":b", rows.getString(1), "ids in the order the updates arrived, not the key order");
                assertTrue(rows.next());
                assertEquals(stem + ":a", rows.getString(1));
            }
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.executeUpdate("delete from inbound_pending where id in (select id from inbound_update where provider_id like '" + stem + "%')");
                sql.executeUpdate("delete from inbound_update where provider_id like '" + stem + "%'");
                sql.executeUpdate("delete from inbound_queue where contact_hash = decode('"
                        + java.util.HexFormat.of().formatHex(contact) + "', 'hex')");
            }
        }
    }

    private static void store(Connection connection, String providerId, byte[] contact) throws java.sql.SQLException {
        try (java.sql.PreparedStatement insert = connection.prepareStatement("insert into inbound_update (id, channel, provider_id, "
                + "sequence_no, contact_hash, kind, payload, status, received_at, next_attempt_at) values (nextval('inbound_update_seq'), "
                + "'TELEGRAM', ?, 1, ?, 'order-test', '\\x00', 'PENDING', now(), now() + interval '1 hour')")) {
            insert.setString(1, providerId);
            insert.setBytes(2, contact);
            insert.executeUpdate();
        }
    }

    @Test
    void shouldStoreEveryColumnOfARowAsHandedOverIncludingNullsAndSettleAndReportOnlyNewRowsAsFresh() throws Exception {
        String stem = "ack-test-" + System.nanoTime();
        byte[] contact = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII); // a lane of its own
        byte[] subject = {9, 8, 7, 6};
        byte[] payload = {0, 42, -1, 17};
        // Settled hours ahead (and 1.5 ms, to see the microseconds kept), so no worker takes them; removed at the end.
        Duration settle = Duration.ofSeconds(3600, 1_500_000);
        GroupCommit.Row settled = new GroupCommit.Row(Channel.TELEGRAM, stem + ":a", 41, contact, "ack-test-kind", payload,
                settle, subject);
        GroupCommit.Row nobody = new GroupCommit.Row(Channel.TELEGRAM, stem + ":b", 42, null, "ack-test-none", new byte[0],
                Duration.ofHours(2), null);
        try {
            assertEquals(2, commits.submit(List.of(settled, nobody)).get(30, TimeUnit.SECONDS));
            GroupCommit.Row fresh = new GroupCommit.Row(Channel.TELEGRAM, stem + ":c", 43, contact, "ack-test-kind", payload,
                    settle, contact);
            assertEquals(1, commits.submit(List.of(settled, fresh)).get(30, TimeUnit.SECONDS), "a stored row counted as new");

            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("select provider_id, channel, sequence_no, contact_hash, kind, payload, "
                            + "status, extract(epoch from next_attempt_at - received_at), subject_hash "
                            + "from inbound_update where provider_id like '" + stem + "%' order by provider_id")) {
                assertTrue(rows.next());
                assertEquals(stem + ":a", rows.getString(1));
                assertEquals("TELEGRAM", rows.getString(2));
                assertEquals(41, rows.getLong(3));
                assertArrayEquals(contact, rows.getBytes(4));
                assertEquals("ack-test-kind", rows.getString(5));
                assertArrayEquals(payload, rows.getBytes(6));
                assertEquals("PENDING", rows.getString(7));
                assertEquals(new BigDecimal("3600.001500"), rows.getBigDecimal(8));
                assertArrayEquals(subject, rows.getBytes(9));
                assertTrue(rows.next());
                assertEquals(stem + ":b", rows.getString(1));
                assertEquals(42, rows.getLong(3));
                assertNull(rows.getBytes(4));
                assertEquals("ack-test-none", rows.getString(5));
                assertArrayEquals(new byte[0], rows.getBytes(6));
                assertNull(rows.getBytes(9));
                assertTrue(rows.next());
                assertEquals(stem + ":c", rows.getString(1));
                assertArrayEquals(contact, rows.getBytes(9));
                assertFalse(rows.next());
            }
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("delete from inbound_pending where id in (select id from inbound_update where provider_id like '" + stem + "%')");
                sql.execute("delete from inbound_update where provider_id like '" + stem + "%'");
                sql.execute("delete from inbound_queue where channel = 'TELEGRAM' and contact_hash = '\\x"
                        + HexFormat.of().formatHex(contact) + "'");
                sql.execute("update inbound_queue set pending = pending - 1 where channel = 'TELEGRAM' and contact_hash = '\\x'");
                sql.execute("delete from inbound_queue where channel = 'TELEGRAM' and contact_hash = '\\x' and pending <= 0");
            }
        }
    }

    /**
     * The committer keeps a connection of its own: with a full outbox the senders and the inbound workers can hold every
     * pooled connection, and an acknowledgement then waited for one of them (or failed with 503 after the pool's
     * acquisition timeout).
     */
    @Test
    void shouldAcknowledgeWhileEveryPooledConnectionIsTakenByOthers() throws Exception {
        TelegramChats.post(TelegramFixtures.text(TelegramFixtures.newChatId(), "halo")).then().statusCode(200);
        String update = TelegramFixtures.text(TelegramFixtures.newChatId(), "saat semua koneksi terpakai");
        List<Connection> taken = new ArrayList<>();
        Response answer;
        try {
            while (true) {
                try {
                    taken.add(dataSource.getConnection());
                } catch (SQLException poolExhausted) {
                    break;
                }
            }
            assertFalse(taken.isEmpty());
            answer = TelegramChats.post(update);
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        assertEquals(200, answer.statusCode(), "the acknowledgement waited for the shared pool");
        assertEquals(1, chats.storedCount(TelegramChats.updateIdOf(update)));
    }

    private CompletableFuture<Answer> postTelegram(String update) {
        long updateId = TelegramChats.updateIdOf(update);
        return CompletableFuture.supplyAsync(() -> {
            Response response = TelegramChats.post(update);
            return new Answer(response.statusCode(), response.header("Retry-After"), chats.storedCount(updateId));
        }, CLIENTS);
    }

    private CompletableFuture<Answer> postWhatsApp(String payload, String wamid) {
        return CompletableFuture.supplyAsync(() -> {
            Response response = WhatsAppFixtures.post(payload);
            return new Answer(response.statusCode(), response.header("Retry-After"), chats.storedCount(Channel.WHATSAPP, wamid));
        }, CLIENTS);
    }
}
