package id.ruangaman.channel.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.RowHeld;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A sender is busy with a send until its outcome is recorded, not only while the platform answers, and a channel
 * keeps as many sends in flight as that whole time needs (issue 16, twentieth round: under load the recording's commit
 * took longer than the platform's answer, and a channel sized for the answer alone sent a quarter of its limit while
 * its outbox grew). Here the recording of one send is held back by a lock on its row for 4 s: the channel's sender
 * time must count them. Synthetic chat against the fake Bot API.
 */
@QuarkusTest
class SenderBusyTimeTest {

    private static final Duration HELD = Duration.ofSeconds(4);

    private final FakeTelegram telegram = FakePlatforms.telegram();

    @Inject
    OutboxDispatcher dispatcher;
    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    DataSource data;

    @Test
    void shouldCountTheRecordingOfASendInTheSendersBusyTime() throws Exception {
        long chat = TelegramFixtures.newChatId();
        // the platform answers after 300 ms: time enough to lock the row before the sender records the answer
        telegram.slow("sendMessage", chat, Duration.ofMillis(300));
        long before = dispatcher.senderTime(Channel.TELEGRAM).toMillis();
        assertTrue(before > 0 && before < HELD.toMillis() / 2, "Telegram delivery runs, its sender time " + before + " ms");
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findOrCreate(Channel.TELEGRAM, String.valueOf(chat));
            return outbox.queueText(contact, "pesan sintetis, pencatatan ditahan").id;
        });
        try (Connection holder = data.getConnection()) {
            holder.setAutoCommit(false);
            Eventually.await("the send reached Telegram", Duration.ofSeconds(60), () -> telegram.sentTo(chat).size() == 1);
            try (PreparedStatement lock = holder.prepareStatement("select id from chat_message where id = ? for update")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            RowHeld.awaitLockWaiters(data, 1); // the sender's recording waits for the row
            Thread.sleep(HELD.toMillis());
            holder.rollback();
        }
        Eventually.await("the send recorded", Duration.ofSeconds(30), () -> status(id).equals("SENT"));
        long after = dispatcher.senderTime(Channel.TELEGRAM).toMillis();
        // A mean that weighs each send 1/16: the platform's 300 ms alone would move it by (300 - before)/16, a few ms;
        // with the 4 s of recording by (4300 - before)/16. Half of the held time is asked for, so a send of another
        // test that finishes meanwhile (each pulls the mean back by a sixteenth) cannot decide the outcome.
        long rise = after - before;
        assertTrue(rise >= (HELD.toMillis() / 2 - before) / SendTimes.WEIGHT,
                "the sender time rose by " + rise + " ms from " + before + " ms");
        assertEquals(1, telegram.sentTo(chat).size(), "sent once");
    }

    private String status(long id) {
        try (Connection connection = data.getConnection();
                PreparedStatement q = connection.prepareStatement("select status from chat_message where id = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
